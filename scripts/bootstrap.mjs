// @ts-check
// What a fresh machine lacks before `npm start` or `npm test` can run: the project's npm packages and the Debian
// packages, and the environment in which this harness runs npm itself. Runs before `npm ci`, so it uses nothing
// but Node's built-ins.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A bootstrap step's progress line, the same prefix for every step so that a CI log shows what set-up did. */
export function logStep(/** @type {string} */ message) {
  console.log(`[setup] ${message}`);
}

/** Seconds since `started` (a `Date.now()`), for progress lines. */
export function secondsSince(/** @type {number} */ started) {
  return Math.round((Date.now() - started) / 1000);
}

/**
 * @typedef {object} RunOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {string} [logFile] output goes there (appended) instead of to this process's output
 * @property {Set<number>} [ownGroups] when given, the command leads its own process group, whose id is kept in the
 *   set while it runs (for the caller to kill if it exits first: an interrupted `npm install` would otherwise go on
 *   compiling in the background)
 */

/** Runs a command to completion; rejects, naming the command and the log, when it fails. */
export function run(/** @type {string} */ command, /** @type {string[]} */ args, /** @type {RunOptions} */ { cwd = repoRoot, env = process.env, logFile, ownGroups } = {}) {
  return new Promise((resolve, reject) => {
    const logStream = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    const child = spawn(command, args, {
      cwd, env, detached: Boolean(ownGroups), stdio: ['ignore', logStream ? 'pipe' : 'inherit', logStream ? 'pipe' : 'inherit'],
    });
    const pid = child.pid;
    if (ownGroups && pid !== undefined) ownGroups.add(pid);
    if (logStream) {
      child.stdout?.pipe(logStream, { end: false });
      child.stderr?.pipe(logStream, { end: false });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (pid !== undefined) ownGroups?.delete(pid);
      logStream?.end();
      if (code === 0) resolve(undefined);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${logFile ? `; log: ${logFile}` : ''}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The environment of the npm installs this harness runs

/**
 * npm settings carried from the npm that started this process to the installs it runs: where the user's npmrc files
 * are (npm running on another Node would look for its global npmrc beside that Node) and how to reach the registry
 * (set on the command line or in the environment, they exist nowhere else). Everything else npm hands its scripts
 * describes the outer npm and its Node, not the install.
 */
const CARRIED_NPM_SETTINGS = ['globalconfig', 'userconfig', 'registry', 'proxy', 'https_proxy', 'noproxy', 'cafile', 'ca', 'strict_ssl'];

/** A PATH entry that an npm script gets from npm: every `node_modules/.bin` above the package, npm's node-gyp shim. */
function addedByNpm(/** @type {string} */ entry) {
  return entry.endsWith(`${path.sep}node_modules${path.sep}.bin`) || entry.endsWith(`${path.sep}node-gyp-bin`);
}

/**
 * The global npmrc that the user's `npm`, on the user's Node, reads. The npm that started this process names it in
 * `source`; from plain `node`, npm is asked.
 */
function globalNpmrc(/** @type {NodeJS.ProcessEnv} */ source) {
  if (source.npm_config_globalconfig) return source.npm_config_globalconfig;
  const answer = spawnSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8', env: withoutNpmState(source) });
  return answer.status === 0 ? answer.stdout.trim() || undefined : undefined;
}

/**
 * `source` without the state npm hands its scripts, which describes the npm that started this process and its Node:
 * every `npm_*` variable, `NODE`, `INIT_CWD`, `COLOR`, and the PATH entries npm adds. `nodeBinDir` goes first on the
 * PATH.
 */
export function withoutNpmState(/** @type {NodeJS.ProcessEnv} */ source = process.env, /** @type {string | undefined} */ nodeBinDir = undefined) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(source)) {
    if (/^npm_/i.test(name) || name === 'NODE' || name === 'INIT_CWD' || name === 'COLOR') continue;
    env[name] = value;
  }
  const pathEntries = (source.PATH ?? '').split(path.delimiter).filter((entry) => entry !== '' && !addedByNpm(entry));
  env.PATH = [...(nodeBinDir ? [nodeBinDir] : []), ...pathEntries].join(path.delimiter);
  return env;
}

/**
 * @typedef {object} NpmEnvironmentOptions
 * @property {string} [nodeBinDir] folder of the `node` the install (npm itself and every script it runs) must use
 * @property {Record<string, string>} [npmSettings] further `npm_config_*` settings, by name without the prefix
 */

/**
 * A clean, explicit environment for an npm install run by this harness, the same whether the harness was started by
 * npm (`npm test`) or by plain `node`. npm's `npm_config_user_agent` names the outer npm's Node, and a nested npm
 * takes that variable as its own user agent and hands it on: code-server's postinstall, which reads the Node major
 * from it, saw Node 20 while Node 24 ran it. So npm's state is dropped ({@link withoutNpmState}), the user's npm
 * settings ({@link CARRIED_NPM_SETTINGS}) are carried, and `npmSettings` are set.
 */
export function npmEnvironment(/** @type {NpmEnvironmentOptions} */ { nodeBinDir, npmSettings = {} } = {}, source = process.env) {
  const env = withoutNpmState(source, nodeBinDir);
  /** @type {Record<string, string | undefined>} */
  const settings = {};
  for (const name of CARRIED_NPM_SETTINGS) settings[name] = source[`npm_config_${name}`] || undefined;
  settings.globalconfig ??= globalNpmrc(source);
  Object.assign(settings, npmSettings);
  for (const [name, value] of Object.entries(settings)) if (value !== undefined) env[`npm_config_${name}`] = value;
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// The project's npm packages

/**
 * @typedef {object} LockedPackage
 * @property {string} [version]
 * @property {boolean} [optional]
 * @property {boolean} [link]
 * @property {string[]} [os]
 * @property {string[]} [cpu]
 * @property {string[]} [libc]
 */

/** Whether a lock entry's `os`/`cpu`/`libc` list admits `value` (npm's rules: `!x` excludes, a positive list includes). */
function admits(/** @type {string[] | undefined} */ list, /** @type {string} */ value) {
  if (!list || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const positive = list.filter((item) => !item.startsWith('!'));
  return positive.length === 0 || positive.includes(value);
}

function libc() {
  const header = /** @type {{ header?: { glibcVersionRuntime?: string } }} */ (process.report?.getReport() ?? {}).header;
  return header?.glibcVersionRuntime ? 'glibc' : 'musl';
}

function readJson(/** @type {string} */ file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Why `node_modules` in `root` does not hold what `package-lock.json` locks, or undefined when it does. npm records
 * what it installed in `node_modules/.package-lock.json`; each locked package for this platform must be there in the
 * locked version, with its folder. Optional packages may be missing: npm skips those whose install failed.
 * @returns {string | undefined}
 */
export function npmPackagesOutOfDate(root = repoRoot) {
  const lock = readJson(path.join(root, 'package-lock.json'));
  if (!lock?.packages) return 'package-lock.json is missing or unreadable';
  if (!existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
  const installed = readJson(path.join(root, 'node_modules', '.package-lock.json'));
  if (!installed?.packages) return 'node_modules has no record of an npm install (node_modules/.package-lock.json)';
  /** @type {Record<string, LockedPackage>} */
  const locked = lock.packages;
  /** @type {Record<string, LockedPackage>} */
  const have = installed.packages;
  const platformLibc = libc();
  /** @type {string[]} */
  const differences = [];
  for (const [key, entry] of Object.entries(locked)) {
    if (!key.startsWith('node_modules/')) continue;
    if (!admits(entry.os, process.platform) || !admits(entry.cpu, process.arch) || !admits(entry.libc, platformLibc)) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const present = have[key];
    if (!present) {
      if (!entry.optional) differences.push(`${name} is not installed`);
    } else if (present.version !== entry.version) {
      differences.push(`${name} ${present.version} is installed, the lock has ${entry.version}`);
    } else if (!existsSync(path.join(root, key, 'package.json'))) {
      differences.push(`${name} is missing from node_modules`);
    }
  }
  for (const key of Object.keys(have)) {
    if (key.startsWith('node_modules/') && !locked[key]) differences.push(`${key.slice('node_modules/'.length)} is installed but no longer locked`);
  }
  if (differences.length === 0) return undefined;
  const more = differences.length > 1 ? ` and ${differences.length - 1} more` : '';
  return `node_modules is out of date with package-lock.json (${differences[0]}${more})`;
}

/**
 * Runs `npm ci` when `node_modules` does not hold what `package-lock.json` locks, saying why in one line. Returns
 * what it found or did, for a caller that reports every bootstrap step.
 */
export async function ensureNpmPackages() {
  const reason = npmPackagesOutOfDate();
  if (!reason) return 'npm packages: node_modules matches package-lock.json';
  logStep(`npm packages: ${reason}; running npm ci`);
  const started = Date.now();
  await run('npm', ['ci', '--no-audit', '--no-fund'], { env: npmEnvironment() });
  const stillOutOfDate = npmPackagesOutOfDate();
  if (stillOutOfDate) throw new Error(`npm ci finished, but ${stillOutOfDate}`);
  return `npm packages: installed with npm ci in ${secondsSince(started)} s`;
}

// ---------------------------------------------------------------------------------------------------------------
// Debian packages

/**
 * The Debian packages each part of the set-up needs. `host`: code-server's native modules are compiled on this
 * machine (kerberos needs the gssapi headers of libkrb5-dev). `tests`: Chromium runs the workbench the tests drive
 * and draws svc-export's figures; LibreOffice's Writer and poppler's pdftoppm open an exported Word file as a word
 * processor does and turn its pages into pictures. `npm start` needs only the first list.
 */
export const DEBIAN_PACKAGES = {
  host: ['libkrb5-dev', 'pkg-config', 'python3', 'make', 'g++'],
  tests: ['chromium', 'libreoffice-writer-nogui', 'poppler-utils'],
};

/**
 * Installs the Debian packages of `purpose` that are missing (as root, with apt-get); as another user it stops and
 * names them. Returns what it found or did.
 * @param {keyof typeof DEBIAN_PACKAGES} purpose
 */
export async function ensureDebianPackages(purpose) {
  const packages = DEBIAN_PACKAGES[purpose];
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...packages], { encoding: 'utf8' });
  if (query.error) {
    throw new Error(`dpkg-query is not available: this harness needs Debian's packages ${packages.join(' ')}`);
  }
  const installed = new Set(query.stdout.split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(' ')[0]));
  const missing = packages.filter((name) => !installed.has(name));
  if (missing.length === 0) return `Debian packages (${purpose}): ${packages.join(', ')} installed`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}\nInstall them once with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\nthen run the command again.`);
  }
  logStep(`Debian packages: installing ${missing.join(' ')} with apt-get`);
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', ...missing], { env });
  return `Debian packages (${purpose}): installed ${missing.join(', ')} in ${secondsSince(started)} s`;
}
