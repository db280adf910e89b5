// Entry of the integration suite in the Node extension host (the `@vscode/test-electron` contract: the host
// calls `run()` once the extension under development is loaded, and the run fails when it rejects).
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runAndReport } from './summary';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000 });
  const grep = process.env.SVC_TEST_GREP;
  if (grep) mocha.grep(grep);
  // Compiled tests sit next to this file, in out/test/integration/; those of multi-root/ need the two-folder
  // workspace that scripts/test-integration.mjs opens with --multi-root, and run only there.
  const multiRoot = process.env.SVC_TEST_WORKSPACE === 'multi-root';
  const testFiles = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js') && (file.split(path.sep)[0] === 'multi-root') === multiRoot)
    .sort();
  for (const file of testFiles) mocha.addFile(path.join(__dirname, file));
  const failures = await runAndReport(multiRoot ? 'integration (multi-root)' : 'integration', mocha);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
