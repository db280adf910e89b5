// @ts-check
// End-to-end tests: mocha in Node over the compiled test/e2e/**/*.e2e.ts; the specs drive the real workbench
// (code-server) in headless Chromium through test/e2e/workbench.ts. Usage:
//   node scripts/test-e2e.mjs [--grep <pattern>]
import { parseArgs } from 'node:util';
import { buildProject, runMain, runMocha } from './harness.mjs';
import { ensureDebianPackages } from './bootstrap.mjs';
import { compiledTests } from './test-files.mjs';
import { ensureHost, stopAllServers } from './vscode-host.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

runMain(async () => {
  await buildProject();
  await ensureDebianPackages('tests');
  await ensureHost();
  try {
    // The workbench is driven through its UI, whose timing on a loaded 2-core machine varies: a spec gets two more
    // tries before it counts as failed (mocha reports each retry, and a spec that fails three times still fails).
    const failed = await runMocha({ stage: 'e2e', files: compiledTests('e2e'), timeout: 120_000, grep: options.grep, retries: 2 });
    return failed > 0 ? 1 : 0;
  } finally {
    await stopAllServers();
  }
});
