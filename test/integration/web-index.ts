// Entry of the integration suite in the web worker extension host. The worker cannot `require` test files one by
// one, so scripts/test-integration.mjs bundles this module with every *.test.ts after it into one browser script.
// Imported first, it installs mocha's browser build and its `suite`/`test` globals before the tests load.
import 'mocha/mocha.js';
import { runAndReport } from './summary';

// extensionEnvironment does not reach the web worker: the runner bakes the grep into the bundle instead.
const grep = process.env.SVC_TEST_GREP;
mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 20_000, ...(grep ? { grep } : {}) });

export async function run(): Promise<void> {
  const failures = await runAndReport('integration (web)', mocha);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed in the web worker host`);
}
