// @ts-check
// `npm run bench`: runs every feature benchmark (bench/*.bench.ts, compiled to out/bench), measures bundle
// and VSIX sizes and activation in the real extension host, then writes bench/results.json and prints a
// Markdown table of figure, value, budget and pass/fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { repoRoot as root } from './bootstrap.mjs';
import { buildProject } from './harness.mjs';
import { compiledTests } from './test-files.mjs';

const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));

/**
 * A figure as the bench modules report it (bench/figures.ts).
 * @typedef {object} Figure
 * @property {string} name
 * @property {number} value
 * @property {string} unit
 * @property {number} [budget]
 * @property {'lower' | 'higher'} [better]
 * @property {string} [note]
 */

function run(/** @type {string} */ command, /** @type {string[]} */ commandArgs) {
  execFileSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
}

/** @type {Figure[]} */
const figures = [];

/** Median time V8 takes to compile `file` as the web worker host does (a fresh source each time, so no code cache). */
function compileMs(/** @type {string} */ file) {
  const source = readFileSync(path.join(root, file), 'utf8');
  const times = Array.from({ length: 21 }, (_, index) => {
    const started = performance.now();
    new Function('module', 'exports', 'require', `${source}\n//# sourceURL=compile-${index}`);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[10] ?? 0;
}

function sizeFigures() {
  run('npm', ['run', '--silent', 'package']);
  const kib = (/** @type {string} */ file) => statSync(path.join(root, file)).size / 1024;
  const kibUnder = (/** @type {string} */ dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + kib(path.join(dir, file)), 0);
  figures.push({ name: 'Extension bundle (main, minified): all the Node host loads at activation', value: kib('dist/extension.js'), unit: 'KB', budget: 150, better: 'lower' });
  figures.push({ name: 'Loaded when the Coverage view is first shown: dist/coverage.js (the Document Coverage scanner)', value: kib('dist/coverage.js'), unit: 'KB', better: 'lower' });
  figures.push({ name: 'Loaded on the first diagram: dist/diagrams.js (panels, Mermaid text)', value: kib('dist/diagrams.js'), unit: 'KB', better: 'lower' });
  figures.push({ name: 'Loaded on the first parse: dist/yamlParsers.js (value-stream and glossary readers, yaml)', value: kib('dist/yamlParsers.js'), unit: 'KB', better: 'lower' });
  figures.push({ name: 'Loaded right after activation: dist/terminologyChecker.js (terminology checker and check)', value: kib('dist/terminologyChecker.js'), unit: 'KB', better: 'lower' });
  figures.push({ name: 'Loaded on the first export: dist/documentExport.js (markdown-it, docx, the Word and HTML writers)', value: kib('dist/documentExport.js'), unit: 'KB', better: 'lower' });
  figures.push({ name: 'Webview scripts (Mermaid), loaded only inside diagram panels and the export’s drawing page', value: kibUnder('dist/webview'), unit: 'KB', better: 'lower' });
  // VS Code's web worker host runs an extension as one script (it fetches `browser` and evaluates it with a require
  // that knows only `vscode`; importScripts throws there), so the web bundle carries the export's markdown-it and
  // docx too. Their code runs on the first export only (behind the export's seam); at load the worker only parses it.
  figures.push({ name: 'Extension bundle (browser, minified): the one script the web worker host loads', value: kib('dist/web/extension.js'), unit: 'KB', budget: 1100, better: 'lower' });
  figures.push({ name: 'Web bundle: compile time in V8 (new Function, as the web worker host loads it), median of 21', value: compileMs('dist/web/extension.js'), unit: 'ms', budget: 50, better: 'lower' });
  figures.push({ name: 'VSIX size', value: kib('service-value-chain.vsix') / 1024, unit: 'MB', budget: 2.5, better: 'lower' });
}

async function featureFigures() {
  await buildProject();
  for (const file of compiledTests('bench')) {
    console.error(`bench: ${path.basename(file)}`);
    const module = require(file);
    figures.push(...(await module.run()));
  }
}

/** Host launches for the activation figure: the workbench starts beside it on the same 2 cores, so one is noisy. */
const ACTIVATION_RUNS = 5;

/**
 * Activation of the shipped (production) bundles, in a fresh extension host each time: runs after sizeFigures
 * built them, with the tests in out/. The median of the runs is the figure.
 */
function activationFigures() {
  /** @type {Figure[]} */
  const runs = [];
  for (let run = 0; run < ACTIVATION_RUNS; run++) {
    const result = spawnSync('node', ['scripts/test-integration.mjs', '--prebuilt', '--grep', 'activation time is measured'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SVC_BENCH: '1' },
    });
    const match = /SVC_BENCH activation (\{.*\})/.exec(result.stdout ?? '');
    if (!match) {
      console.error(result.stdout, result.stderr);
      throw new Error('activation benchmark printed no figure');
    }
    runs.push(JSON.parse(match[1] ?? '{}').figures[0]);
  }
  const [first] = runs;
  if (!first) throw new Error('no activation run');
  const values = runs.map((figure) => figure.value).sort((a, b) => a - b);
  figures.push({
    ...first,
    name: `${first.name}, median of ${ACTIVATION_RUNS} host launches`,
    value: values[Math.floor(values.length / 2)] ?? first.value,
    note: `runs: ${values.map((value) => value.toFixed(1)).join(', ')} ms`,
  });
}

function verdict(/** @type {Figure} */ figure) {
  if (figure.budget === undefined) return '—';
  const within = figure.better === 'lower' ? figure.value <= figure.budget : figure.value >= figure.budget;
  return within ? 'pass' : 'FAIL';
}

function format(/** @type {number} */ value) {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

await featureFigures();
if (!args.has('--no-package')) sizeFigures();
else run('node', ['esbuild.mjs', '--production']);
if (!args.has('--no-host')) activationFigures();
run('node', ['esbuild.mjs']);

const rows = figures.map((figure) => ({ ...figure, verdict: verdict(figure) }));
writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), figures: rows }, null, 2) + '\n');
const budgetText = (/** @type {Figure} */ figure) => (figure.budget === undefined ? '—' : `${figure.better === 'lower' ? '≤' : '≥'} ${figure.budget} ${figure.unit}`);
console.log('| Figure | Value | Budget | Result |');
console.log('|---|---|---|---|');
for (const figure of rows) {
  const note = figure.note ? ` (${figure.note})` : '';
  console.log(`| ${figure.name} | ${format(figure.value)} ${figure.unit}${note} | ${budgetText(figure)} | ${figure.verdict} |`);
}
const failed = rows.filter((figure) => figure.verdict === 'FAIL');
console.log(`\n${rows.length} figures, ${failed.length} over budget; results in bench/results.json`);
process.exitCode = failed.length > 0 ? 1 : 0;
