// @ts-check
// Pieces shared by the test runners and `npm start`.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDebianPackages, ensureNpmPackages, logStep, repoRoot, secondsSince } from './bootstrap.mjs';

export const EXTENSION_ID = 'svc-tools.service-value-chain';
/** The documents a person opens with `npm start`; tests never read them (they have test/fixtures/workspace). */
export const samplesDir = path.join(repoRoot, 'samples');
const testWorkspaceDir = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/**
 * What `npm test` and `npm start` do first on any machine, each step reported in one line: the npm packages (`npm ci`
 * when node_modules does not match the lock), then with `tests` the Debian packages the tests use, and with `host`
 * the Debian packages code-server is built with and the VS Code host (`.vscode-test/`).
 */
export async function setUp({ host = true, tests = true } = {}) {
  const started = Date.now();
  logStep(await ensureNpmPackages());
  if (tests) logStep(await ensureDebianPackages('tests'));
  if (host) {
    logStep(await ensureDebianPackages('host'));
    const { ensureHost } = await import('./vscode-host.mjs');
    logStep(await ensureHost());
  }
  logStep(`done in ${secondsSince(started)} s`);
}

/** Installs the npm packages when they are missing or out of date, then runs `node esbuild.mjs` with this Node. */
export async function buildProject() {
  await ensureNpmPackages();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`build failed (node esbuild.mjs exited ${code})`))));
  });
}

/**
 * @typedef {object} TestWorkspaceOptions
 * @property {readonly string[]} [fixtureFiles] only these files of test/fixtures/workspace
 * @property {Readonly<Record<string, string>>} [files] files to write, by path relative to the folder
 */

/**
 * A fresh workspace folder for a test run inside `parentDir`: a copy of test/fixtures/workspace (the documents the
 * tests are written against), or, with options, only the fixture files and written files named. Tests create, edit
 * and configure files in their workspace, so the committed fixture stays as it is.
 * @param {string} parentDir
 * @param {TestWorkspaceOptions} [options]
 */
export function makeTestWorkspace(parentDir, { fixtureFiles, files } = {}) {
  const target = path.join(parentDir, 'workspace');
  if (!fixtureFiles && !files) {
    cpSync(testWorkspaceDir, target, { recursive: true });
    return target;
  }
  mkdirSync(target, { recursive: true });
  for (const file of fixtureFiles ?? []) cpSync(path.join(testWorkspaceDir, file), path.join(target, file));
  for (const [file, text] of Object.entries(files ?? {})) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    writeFileSync(path.join(target, file), text);
  }
  return target;
}

/**
 * A copy of the multi-root fixture (test/fixtures/multi-root: two folders with a glossary and a checks configuration
 * each) inside `parentDir`; returns the path of its `.code-workspace` file.
 */
export function copyMultiRootWorkspace(/** @type {string} */ parentDir) {
  const target = path.join(parentDir, 'multi-root');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'multi-root'), target, { recursive: true });
  return path.join(target, 'multi-root.code-workspace');
}

/** Resolves after `ms`; `unref` so a pending timer never keeps a finished runner alive. */
export function delay(/** @type {number} */ ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * @typedef {object} MochaRun
 * @property {string} stage the name in the summary line
 * @property {string[]} files compiled test files
 * @property {number} timeout per test, in ms
 * @property {string} [grep]
 * @property {number} [retries]
 */

/**
 * Runs compiled mocha test files in this process and prints what the aggregating runner parses: one
 * `FAIL <stage>: <test>: <error>` line per failure, then `<stage>: N passed, N failed, N skipped`. Returns the
 * failure count; a run that executed no test counts as a failure, since it proves nothing.
 * (test/integration/summary.ts does the same inside the extension host.)
 * @param {MochaRun} options
 */
export async function runMocha({ stage, files, timeout, grep, retries = 0 }) {
  const { default: Mocha } = await import('mocha');
  // Colours only for a terminal: mocha would also colour piped output on CI machines (CI=true).
  const mocha = new Mocha({ ui: 'tdd', timeout, retries, color: Boolean(process.stdout.isTTY), ...(grep ? { grep } : {}) });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  /** @type {string[]} */
  const failures = [];
  /** @type {Mocha.Stats} */
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 }));
    runner.on('fail', (test, error) => failures.push(`${test.fullTitle()}: ${String(error?.message ?? error).split('\n')[0]}`));
  });
  if (stats.passes === 0 && stats.failures === 0) failures.push('no test ran');
  for (const failure of failures) console.log(`FAIL ${stage}: ${failure}`);
  console.log(`${stage}: ${stats.passes} passed, ${failures.length} failed, ${stats.pending} skipped`);
  return failures.length;
}

/** Runs an async `main` that resolves with an exit code, then exits (running the host's cleanup). */
export function runMain(/** @type {() => Promise<number>} */ main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
