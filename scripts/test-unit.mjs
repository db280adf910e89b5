// @ts-check
// Unit tests: plain mocha in Node over the compiled test/unit/**/*.test.ts (no VS Code). Usage:
//   node scripts/test-unit.mjs [--grep <pattern>]
import { parseArgs } from 'node:util';
import { buildProject, runMain, runMocha } from './harness.mjs';
import { compiledTests } from './test-files.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

runMain(async () => {
  await buildProject();
  const failed = await runMocha({ stage: 'unit', files: compiledTests('unit'), timeout: 10_000, grep: options.grep });
  return failed > 0 ? 1 : 0;
});
