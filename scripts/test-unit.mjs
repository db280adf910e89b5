// Unit tests: plain mocha in Node over out/test/unit/**/*.test.js (no VS Code). Usage:
//   node scripts/test-unit.mjs [--grep <pattern>]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildProject, compiledFiles, runMain, runMocha } from './harness.mjs';
import { repoRoot } from './vscode-host.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

runMain(async () => {
  await buildProject();
  const files = compiledFiles(path.join(repoRoot, 'out', 'test', 'unit'), '.test.js');
  const failed = await runMocha({ stage: 'unit', files, timeout: 10_000, grep: options.grep });
  return failed > 0 ? 1 : 0;
});
