// Pieces shared by the test runners and `npm start`.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './vscode-host.mjs';

export const EXTENSION_ID = 'svc-tools.service-value-chain';
export const samplesDir = path.join(repoRoot, 'samples');
export const testResultsDir = path.join(repoRoot, 'test-results');

/** Runs `node esbuild.mjs` with this process's Node (the system one, which builds the extension). */
export function buildProject() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build failed (node esbuild.mjs exited ${code})`))));
  });
}

/**
 * A copy of samples/ inside `parentDir`, for a test run to open: tests create, edit and configure files in their
 * workspace, and the samples a person reads must stay as committed.
 */
export function copySamples(parentDir) {
  const target = path.join(parentDir, 'samples');
  cpSync(samplesDir, target, { recursive: true });
  return target;
}

/**
 * A copy of the multi-root fixture (test/fixtures/multi-root: two folders with a glossary each) inside `parentDir`;
 * returns the path of its `.code-workspace` file.
 */
export function copyMultiRootWorkspace(parentDir) {
  const target = path.join(parentDir, 'multi-root');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'multi-root'), target, { recursive: true });
  return path.join(target, 'multi-root.code-workspace');
}

/** Resolves after `ms`; `unref` so a pending timer never keeps a finished runner alive. */
export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Runs compiled mocha test files in this process and prints what the aggregating runner parses: one
 * `FAIL <stage>: <test>: <error>` line per failure, then `<stage>: N passed, N failed, N skipped`. Returns the
 * failure count; a run that executed no test counts as a failure, since it proves nothing.
 * (test/integration/summary.ts does the same inside the extension host.)
 */
export async function runMocha({ stage, files, timeout, grep, retries = 0 }) {
  const { default: Mocha } = await import('mocha');
  // Colours only for a terminal: mocha would also colour piped output on CI machines (CI=true).
  const mocha = new Mocha({ ui: 'tdd', timeout, retries, color: Boolean(process.stdout.isTTY), ...(grep ? { grep } : {}) });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const failures = [];
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
    runner.on('fail', (test, error) => failures.push(`${test.fullTitle()}: ${String(error?.message ?? error).split('\n')[0]}`));
  });
  if (stats.passes === 0 && stats.failures === 0) failures.push('no test ran');
  for (const failure of failures) console.log(`FAIL ${stage}: ${failure}`);
  console.log(`${stage}: ${stats.passes} passed, ${failures.length} failed, ${stats.pending} skipped`);
  return failures.length;
}

/** Compiled files under `dir` (recursively) whose name ends with `suffix`, sorted. */
export function compiledFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => path.join(dir, file));
}

/** Runs an async `main` that resolves with an exit code, then exits (running the host's cleanup). */
export function runMain(main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
