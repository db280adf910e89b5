// @ts-check
// Runs the integration suite (test/integration) with mocha INSIDE a real VS Code extension host: code-server's
// Node extension host by default, its web worker extension host with --web. With --multi-root it opens a
// two-folder workspace instead of the test workspace and runs only the tests in test/integration/multi-root/ (a
// single-folder window cannot become multi-root without restarting the extension host). Usage:
//   node scripts/test-integration.mjs [--grep <pattern>] [--web] [--multi-root] [--prebuilt]
// --prebuilt runs the bundles in dist/ and the tests in out/ as they are (e.g. `npm run bench` measures activation
// with the production bundles) instead of building first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { ensureDebianPackages, repoRoot } from './bootstrap.mjs';
import { EXTENSION_ID, buildProject, copyMultiRootWorkspace, delay, makeTestWorkspace, runMain } from './harness.mjs';
import { compiledTests, testSources } from './test-files.mjs';
import { ensureHost, launchBrowser, startServer, stopAllServers, workbenchUrl } from './vscode-host.mjs';

const SUITE_TIMEOUT_MS = 15 * 60_000;

// The page reports the workbench's own log too. These lines are its harmless offline chatter: code-server cannot
// reach the Open VSX marketplace nor GitHub sign-in, and the agent host (AI sessions) logs its lifecycle. Anything
// else, in particular every extension host line, is shown.
const NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /^\[AgentHost/,
  /^Timed out waiting for authentication provider 'github'/,
  /^\[AccountPolicyGate\]/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] registered$/,
  /^Creation of workbench contribution '[^']+' took \d+ms\.$/,
];

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    web: { type: 'boolean', default: false },
    'multi-root': { type: 'boolean', default: false },
    prebuilt: { type: 'boolean', default: false },
  },
});

const suite = options['multi-root'] ? 'integration-multi-root' : 'integration';

/**
 * The tests assert with Node's `node:assert/strict`; in the web worker the npm port of Node's assert stands in.
 * `assert/strict` has no file of its own there: it is the package's `strict` export.
 * @type {import('esbuild').Plugin}
 */
const nodeAssertForBrowser = {
  name: 'node-assert-for-browser',
  setup(build) {
    build.onResolve({ filter: /^(node:assert(\/strict)?|assert\/strict)$/ }, ({ path: request }) => ({
      path: request.endsWith('/strict') ? 'strict' : 'legacy',
      namespace: 'node-assert-for-browser',
    }));
    build.onLoad({ filter: /.*/, namespace: 'node-assert-for-browser' }, ({ path: mode }) => ({
      contents: mode === 'strict' ? "module.exports = require('assert').strict;" : "module.exports = require('assert');",
      resolveDir: repoRoot,
      loader: 'js',
    }));
  },
};

/**
 * mocha's browser build is a UMD script: inside a CommonJS bundle it would see the bundle's `module` and replace
 * the suite's exports with mocha itself (the host then calls mocha's `run` instead of ours). Hidden from those
 * names it does what it does in a page: it sets `globalThis.mocha`.
 * @type {import('esbuild').Plugin}
 */
const mochaBrowserBuildAsGlobal = {
  name: 'mocha-browser-build-as-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async ({ path: file }) => ({
      contents: `(function (module, exports, define) {\n${await readFile(file, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/**
 * The web worker host cannot load test files one by one: bundle web-index.ts and every test of the suite after it (so
 * mocha's globals exist before the tests register) into one browser script inside the extension folder.
 */
async function buildWebSuite(/** @type {string | undefined} */ grep) {
  const esbuild = await import('esbuild');
  const integrationDir = path.join(repoRoot, 'test', 'integration');
  const entry = [
    "export { run } from './web-index';",
    ...testSources(suite).map((file) => `import ${JSON.stringify(file.replace(/\.ts$/, ''))};`),
  ].join('\n');
  const outfile = path.join(repoRoot, 'out', 'test', 'web', 'index.js');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: integrationDir, sourcefile: 'web-suite.ts', loader: 'ts' },
    bundle: true,
    outfile,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [nodeAssertForBrowser, mochaBrowserBuildAsGlobal],
    // `vscode` is provided by the host. Other Node built-ins stay unresolved: tests that need them skip in this
    // host (skipInWebHost) and load them lazily, so the bundle never evaluates them.
    external: ['vscode', 'node:*', 'fs', 'path', 'os', 'child_process', 'crypto'],
    // The worker has no `process`: the runner's settings are baked in, and the two places where the assert port
    // reads `process` (its `util` dependency's debug switch, the terminal width for messages) get plain values.
    define: {
      'process.env.SVC_TEST_GREP': JSON.stringify(grep ?? ''),
      'process.env.SVC_TEST_HOST': JSON.stringify('web'),
      'process.env.NODE_DEBUG': 'false',
      'process.stderr': 'undefined',
    },
  });
  return outfile;
}

/**
 * Opens the workbench on a fresh test workspace (or a copy of the multi-root fixture) with the extension from source
 * and resolves with the suite's exit code, or with why it has none.
 * @param {import('./vscode-host.mjs').WorkbenchServer} server
 * @param {{ extensionTestsPath: string, extensionEnvironment: Record<string, string>, multiRoot: boolean }} run
 * @returns {Promise<number | string>}
 */
async function runSuite(server, { extensionTestsPath, extensionEnvironment, multiRoot }) {
  const context = await launchBrowser(server.newBrowserProfileDir());
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    /** @type {(code: number | string) => void} */
    let reportExit = () => undefined;
    /** @type {Promise<number | string>} */
    const exitCode = new Promise((resolve) => { reportExit = resolve; });
    // Log calls arrive as console arguments: a format string (mocha's reporter uses %s and %d) and its values.
    await page.exposeFunction('codeAutomationLog', (/** @type {unknown} */ _type, /** @type {unknown} */ args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!NOISE.some((pattern) => pattern.test(text))) console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => reportExit(code));
    page.on('crash', () => reportExit('the workbench page crashed'));
    const opened = multiRoot ? { workspace: copyMultiRootWorkspace(server.runDir) } : { folder: makeTestWorkspace(server.runDir) };
    const url = workbenchUrl(server.base, { ...opened, extensionDevelopmentPath: repoRoot, extensionTestsPath, extensionEnvironment });
    // The suite timeout below bounds the whole run, page load included.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: SUITE_TIMEOUT_MS });
    const timedOut = delay(SUITE_TIMEOUT_MS).then(() => `no result within ${SUITE_TIMEOUT_MS / 60_000} min`);
    return await Promise.race([exitCode, timedOut]);
  } finally {
    await context.close();
  }
}

async function main() {
  const started = Date.now();
  if (!options.prebuilt) await buildProject();
  const extensionTestsPath = options.web ? await buildWebSuite(options.grep) : path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  await ensureDebianPackages('tests');
  await ensureHost();
  const server = await startServer({
    // A package with both `main` and `browser` runs in the Node host unless told to prefer the web worker.
    userSettings: options.web ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : {},
  });
  let result;
  try {
    result = await runSuite(server, {
      extensionTestsPath,
      extensionEnvironment: {
        SVC_TEST_HOST: 'node',
        SVC_TEST_FILES: JSON.stringify(compiledTests(suite)),
        ...(options.grep ? { SVC_TEST_GREP: options.grep } : {}),
        ...(options['multi-root'] ? { SVC_TEST_WORKSPACE: 'multi-root' } : {}),
      },
      multiRoot: options['multi-root'],
    });
  } finally {
    await stopAllServers();
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const stage = `integration${options.web ? ' (web)' : ''}${options['multi-root'] ? ' (multi-root)' : ''}`;
  if (typeof result === 'number') {
    console.log(`${stage}: host exited with code ${result} after ${seconds} s`);
    return result;
  }
  console.error(`${stage}: ${result}`);
  return 1;
}

runMain(main);
