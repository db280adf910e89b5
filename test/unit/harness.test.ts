// The harness's own promises: `npm test` and `npm start` set a fresh machine up (npm packages, the VS Code host
// installed from inside an npm script), and tests own their fixtures.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Bootstrap from '../../scripts/bootstrap.mjs';
import type * as VscodeHost from '../../scripts/vscode-host.mjs';

const ROOT = path.resolve(__dirname, '../../..');

/** The harness is ESM and runs before the build: load it as it is, never a bundled copy. */
function scriptModule<T>(name: string): Promise<T> {
  return import(pathToFileURL(path.join(ROOT, 'scripts', name)).href) as Promise<T>;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

suite('Harness: are the npm packages in step with package-lock.json', () => {
  let bootstrap: typeof Bootstrap;
  let root: string;

  const lock = {
    packages: {
      '': { name: 'project', devDependencies: { esbuild: '^0.28.0' } },
      'node_modules/esbuild': { version: '0.28.2', dev: true },
      'node_modules/@esbuild/linux-x64': { version: '0.28.2', optional: true, os: ['linux'], cpu: ['x64'] },
      'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true, os: ['darwin'], cpu: ['arm64'] },
      'node_modules/keytar': { version: '7.9.0', optional: true },
      'node_modules/mocha/node_modules/ms': { version: '2.1.3', dev: true },
    },
  };
  const thisPlatform = (key: string): boolean => !key.includes('darwin') && (key !== 'node_modules/@esbuild/linux-x64' || (process.platform === 'linux' && process.arch === 'x64'));

  /** Writes the lock, and node_modules as npm leaves it after installing `installed` (lock entries by key). */
  function project(installed: Record<string, { version?: string }>): void {
    writeJson(path.join(root, 'package-lock.json'), lock);
    writeJson(path.join(root, 'node_modules', '.package-lock.json'), { packages: installed });
    for (const [key, entry] of Object.entries(installed)) writeJson(path.join(root, key, 'package.json'), { version: entry.version });
  }

  const installedAsLocked = (): Record<string, { version?: string }> =>
    Object.fromEntries(
      Object.entries(lock.packages)
        .filter(([key]) => key.startsWith('node_modules/') && thisPlatform(key) && key !== 'node_modules/keytar')
        .map(([key, entry]) => [key, { version: 'version' in entry ? entry.version : undefined }]),
    );

  suiteSetup(async () => {
    bootstrap = await scriptModule<typeof Bootstrap>('bootstrap.mjs');
  });
  setup(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'svc-npm-packages-'));
  });
  teardown(() => rmSync(root, { recursive: true, force: true }));

  test('a fresh clone has no node_modules', () => {
    writeJson(path.join(root, 'package-lock.json'), lock);
    assert.equal(bootstrap.npmPackagesOutOfDate(root), 'node_modules is missing');
  });

  test('what npm installed from the lock is in step, other platforms\' packages and failed optional ones aside', () => {
    project(installedAsLocked());
    assert.equal(bootstrap.npmPackagesOutOfDate(root), undefined);
  });

  test('a package in another version than the lock says, or without its folder, or no longer locked, is out of date', () => {
    project({ ...installedAsLocked(), 'node_modules/esbuild': { version: '0.27.0' } });
    assert.equal(bootstrap.npmPackagesOutOfDate(root), 'node_modules is out of date with package-lock.json (esbuild 0.27.0 is installed, the lock has 0.28.2)');

    project(installedAsLocked());
    rmSync(path.join(root, 'node_modules', 'mocha'), { recursive: true });
    assert.match(bootstrap.npmPackagesOutOfDate(root) ?? '', /\(ms is missing from node_modules\)$/);

    project({ ...installedAsLocked(), 'node_modules/left-over': { version: '1.0.0' } });
    assert.match(bootstrap.npmPackagesOutOfDate(root) ?? '', /\(left-over is installed but no longer locked\)$/);
  });

  test('a locked package that was never installed is out of date, and the message counts the others', () => {
    const installed = installedAsLocked();
    delete installed['node_modules/esbuild'];
    delete installed['node_modules/mocha/node_modules/ms'];
    project(installed);
    assert.equal(bootstrap.npmPackagesOutOfDate(root), 'node_modules is out of date with package-lock.json (esbuild is not installed and 1 more)');
  });

  test('node_modules that npm did not install (no record of what it holds) is out of date', () => {
    writeJson(path.join(root, 'package-lock.json'), lock);
    mkdirSync(path.join(root, 'node_modules', 'esbuild'), { recursive: true });
    assert.match(bootstrap.npmPackagesOutOfDate(root) ?? '', /no record of an npm install/);
  });

  test('this checkout is in step (the unit stage runs after the set-up)', () => {
    assert.equal(bootstrap.npmPackagesOutOfDate(), undefined);
  });
});

suite('Harness: the environment of the npm installs it runs', () => {
  let bootstrap: typeof Bootstrap;
  suiteSetup(async () => {
    bootstrap = await scriptModule<typeof Bootstrap>('bootstrap.mjs');
  });

  /** What npm 11 hands a script of /work/project on Node 20 (abridged), with the user's registry given on the command line. */
  const insideNpmScript = {
    HOME: '/home/consultant',
    LANG: 'C.UTF-8',
    PATH: ['/work/project/node_modules/.bin', '/work/node_modules/.bin', '/node_modules/.bin', '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
    NODE: '/usr/bin/node',
    INIT_CWD: '/work/project',
    COLOR: '0',
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_nodedir: '/usr',
    npm_config_allow_scripts: '',
    npm_config_globalconfig: '/usr/etc/npmrc',
    npm_config_userconfig: '/home/consultant/.npmrc',
    npm_config_registry: 'https://npm.example.org/',
    npm_node_execpath: '/usr/bin/node',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_lifecycle_event: 'test',
    npm_package_json: '/work/project/package.json',
  };

  test('nothing of the npm that started the harness reaches the install: its Node, user agent, scripts\' PATH entries', () => {
    const env = bootstrap.npmEnvironment({ nodeBinDir: '/opt/node24/bin', npmSettings: { nodedir: '/opt/node24' } }, insideNpmScript);
    assert.deepEqual(env, {
      HOME: '/home/consultant',
      LANG: 'C.UTF-8',
      PATH: ['/opt/node24/bin', '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
      npm_config_globalconfig: '/usr/etc/npmrc',
      npm_config_userconfig: '/home/consultant/.npmrc',
      npm_config_registry: 'https://npm.example.org/',
      npm_config_nodedir: '/opt/node24',
    });
  });

  test('started from plain node, the install still reads the global npmrc of the user\'s npm', () => {
    const fromShell = { HOME: os.homedir(), PATH: process.env.PATH ?? '' };
    const expected = execFileSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8', env: bootstrap.withoutNpmState() }).trim();
    assert.equal(bootstrap.npmEnvironment({}, fromShell).npm_config_globalconfig, expected);
  });
});

suite('Harness: provisioning the VS Code host from inside an npm script', () => {
  let bootstrap: typeof Bootstrap;
  let node24: string;
  let dir: string;

  suiteSetup(async function () {
    // Node 24 is provisioned once into .vscode-test/ (npm test has done it before this stage; alone, tens of seconds).
    this.timeout(15 * 60_000);
    bootstrap = await scriptModule<typeof Bootstrap>('bootstrap.mjs');
    const host = await scriptModule<typeof VscodeHost>('vscode-host.mjs');
    node24 = await host.ensureHostNode();
    dir = mkdtempSync(path.join(os.tmpdir(), 'svc-host-install-'));
  });
  suiteTeardown(() => rmSync(dir, { recursive: true, force: true }));

  test('an install the harness runs on Node 24 from an npm script on another Node sees Node 24, as code-server\'s postinstall checks it', function () {
    this.timeout(180_000);
    // A package whose postinstall reads the Node major from $npm_config_user_agent with code-server's own sed
    // expression (its postinstall.sh refuses anything but 24), and asks the `node` on its PATH.
    const probe = path.join(dir, 'probe');
    writeJson(path.join(probe, 'package.json'), {
      name: 'svc-node-probe',
      version: '1.0.0',
      scripts: {
        postinstall: `echo "user-agent-node=$(echo "$npm_config_user_agent" | sed -n 's/.*node\\/v\\([^.]*\\).*/\\1/p') path-node=$(node --version)"`,
      },
    });
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: probe, encoding: 'utf8' }).trim();
    const installed = path.join(dir, 'installed');
    writeJson(path.join(installed, 'package.json'), { private: true, dependencies: { 'svc-node-probe': `file:${path.join(dir, tarball)}` } });
    // The project that runs the harness: its npm script installs the way the harness installs code-server.
    const project = path.join(dir, 'project');
    const logFile = path.join(dir, 'install.log');
    writeJson(path.join(project, 'package.json'), { private: true, scripts: { provision: 'node provision.mjs' } });
    writeFileSync(
      path.join(project, 'provision.mjs'),
      [
        `import { npmInstallOnHostNode } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts', 'vscode-host.mjs')).href)};`,
        "console.log('outer-user-agent=' + process.env.npm_config_user_agent);",
        `await npmInstallOnHostNode(${JSON.stringify(installed)}, ${JSON.stringify(logFile)});`,
      ].join('\n'),
    );
    // Started the way a user starts `npm test`: from a shell, on this (the system's) Node.
    const outer = execFileSync('npm', ['run', 'provision'], { cwd: project, encoding: 'utf8', env: bootstrap.withoutNpmState() });

    const systemMajor = process.versions.node.split('.')[0];
    assert.match(outer, new RegExp(`outer-user-agent=npm/\\S+ node/v${systemMajor}\\.`), 'the harness ran inside an npm script on this Node');
    const log = readFileSync(logFile, 'utf8');
    const node24Version = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim();
    assert.match(log, new RegExp(`user-agent-node=24 path-node=${node24Version.replaceAll('.', '\\.')}\\b`), log);
  });
});

suite('Tests own their fixtures', () => {
  test('no file under test/ or bench/ refers to the samples folder, which is for people', () => {
    // A path to the folder: the name followed by a slash, or as a path segment between quotes or slashes.
    const samplesPath = /(['"`/\\]samples['"`/\\])|(\bsamples\/)/;
    const offenders: string[] = [];
    for (const dir of ['test', 'bench']) {
      for (const file of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        const full = path.join(ROOT, dir, file);
        let text: string;
        try {
          text = readFileSync(full, 'utf8');
        } catch {
          continue; // a folder
        }
        text.split('\n').forEach((line, index) => {
          if (samplesPath.test(line)) offenders.push(`${dir}/${file}:${index + 1}: ${line.trim()}`);
        });
      }
    }
    assert.deepEqual(offenders, []);
  });
});
