// @ts-check
// Runs the integration suite in desktop VS Code through @vscode/test-electron, for machines that can download
// VS Code (this one cannot: use `npm run test:integration`, the same suite in code-server). Exit code 2 when the
// download fails. On a Linux machine without a display, run it under `xvfb-run -a`. Usage:
//   node scripts/test-desktop.mjs [--grep <pattern>]
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './bootstrap.mjs';
import { buildProject, makeTestWorkspace, runMain } from './harness.mjs';
import { compiledTests } from './test-files.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

runMain(async () => {
  await buildProject();
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ cachePath: path.join(repoRoot, '.vscode-test'), timeout: 30_000 });
  } catch (error) {
    console.error(`test:desktop: could not download VS Code (${error instanceof Error ? error.message : error}).`);
    console.error('This machine cannot reach VS Code downloads; `npm run test:integration` runs the same suite offline.');
    return 2;
  }
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [makeTestWorkspace(mkdtempSync(path.join(os.tmpdir(), 'svc-desktop-'))), '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: {
        SVC_TEST_HOST: 'node',
        SVC_TEST_FILES: JSON.stringify(compiledTests('integration')),
        ...(options.grep ? { SVC_TEST_GREP: options.grep } : {}),
      },
    });
    return 0;
  } catch (error) {
    console.error(`test:desktop: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
});
