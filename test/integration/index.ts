// Entry of the integration suite in the Node extension host (the `@vscode/test-electron` contract: the host
// calls `run()` once the extension under development is loaded, and the run fails when it rejects).
import Mocha from 'mocha';
import { runAndReport } from './summary';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000 });
  const grep = process.env.SVC_TEST_GREP;
  if (grep) mocha.grep(grep);
  // The runner names the compiled test files (scripts/test-files.mjs finds them): the tests of multi-root/ need the
  // two-folder workspace, which only the --multi-root launch opens.
  const testFiles = JSON.parse(process.env.SVC_TEST_FILES ?? '[]') as string[];
  for (const file of testFiles) mocha.addFile(file);
  const multiRoot = process.env.SVC_TEST_WORKSPACE === 'multi-root';
  const failures = await runAndReport(multiRoot ? 'integration (multi-root)' : 'integration', mocha);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
