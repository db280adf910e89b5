// @ts-check
// `npm start`: sets up what the machine lacks, builds, then opens samples/ with the extension loaded from source: in
// desktop VS Code when a `code` command exists, otherwise in code-server, whose address is printed. Runs until
// Ctrl+C.
import { spawnSync } from 'node:child_process';
import { repoRoot } from './bootstrap.mjs';
import { buildProject, runMain, samplesDir, setUp } from './harness.mjs';
import { startServer, workbenchUrl } from './vscode-host.mjs';

function hasCommand(/** @type {string} */ name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

runMain(async () => {
  const desktop = hasCommand('code');
  try {
    await setUp({ host: !desktop, tests: false });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  await buildProject();
  if (desktop) {
    const code = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, samplesDir], { stdio: 'inherit' });
    return code.status ?? 1;
  }
  // The extension is linked in rather than passed as a development payload: the payload needs the smoke-test
  // driver, which hides notification toasts from the person using the workbench.
  const server = await startServer({ testDriver: false, linkedExtensions: [repoRoot] });
  console.log('\nService Value Chain in VS Code (code-server), with the extension from this folder and samples/ open:');
  console.log(`  ${workbenchUrl(server.base, { folder: samplesDir })}`);
  console.log('After `npm run build` (or with `npm run watch`), reload the page; after a package.json change, restart.');
  console.log('Ctrl+C stops the server.\n');
  // Runs until a signal (the host module then stops the server's process group) or until the server dies.
  const exitCode = await server.exited;
  console.error(`code-server stopped (${exitCode}); its log: ${server.logFile}`);
  return 1;
});
