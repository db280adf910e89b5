// @ts-check
// `npm test`: first sets up what the machine lacks (npm packages, Debian packages, the VS Code host), then runs the
// unit, integration and e2e stages in sequence (a failed stage does not stop the next), then a recap and exactly one
// closing line `N passed, N failed` summed over the stages. Exit code 1 if anything failed.
import { spawn } from 'node:child_process';
import { repoRoot } from './bootstrap.mjs';
import { setUp } from './harness.mjs';

const STAGES = [
  { name: 'unit', script: 'scripts/test-unit.mjs' },
  { name: 'integration', script: 'scripts/test-integration.mjs' },
  // The same suite with the extension in the web worker extension host (VS Code for the Web).
  { name: 'integration (web)', script: 'scripts/test-integration.mjs', args: ['--web'] },
  // A workspace of two folders, each with its own glossary: its own launch, since a window cannot turn multi-root
  // without restarting the extension host.
  { name: 'integration (multi-root)', script: 'scripts/test-integration.mjs', args: ['--multi-root'] },
  { name: 'e2e', script: 'scripts/test-e2e.mjs' },
];

const SUMMARY_LINE = /^[\w ()-]+: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;

/**
 * @typedef {object} Stage
 * @property {string} name
 * @property {string} script
 * @property {string[]} [args]
 */

/**
 * @typedef {object} StageResult
 * @property {string} name
 * @property {number} passed
 * @property {number} failed
 * @property {number} skipped
 * @property {number | string} exitCode
 * @property {string[]} failures
 * @property {number} seconds
 */

/**
 * Runs one stage with its output passed through, and keeps the lines the stage prints for the recap.
 * @param {Stage} stage
 * @returns {Promise<StageResult>}
 */
function runStage({ name, script, args = [] }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    /** @type {string[]} */
    const lines = [];
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const text = pending + chunk.toString('utf8');
      const parts = text.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    const finish = (/** @type {number | string} */ exitCode) => {
      if (pending) lines.push(pending);
      const summary = lines.map((line) => line.trim().match(SUMMARY_LINE)).filter(Boolean).at(-1);
      let passed = summary ? Number(summary[1]) : 0;
      let failed = summary ? Number(summary[2]) : 0;
      const skipped = summary?.[3] ? Number(summary[3]) : 0;
      const failures = lines.filter((line) => line.startsWith('FAIL '));
      // A stage that crashed or printed no counts still failed at least once.
      if (exitCode !== 0 && failed === 0) {
        failed = 1;
        failures.push(`FAIL ${name}: the stage exited with ${exitCode}${summary ? '' : ' without a summary'}`);
      }
      resolve({ name, passed, failed, skipped, exitCode, failures, seconds: Math.round((Date.now() - started) / 1000) });
    };
    child.on('error', (error) => {
      console.error(error);
      finish(`an error (${error.message})`);
    });
    child.on('close', (code, signal) => finish(code ?? signal ?? 'unknown'));
  });
}

try {
  await setUp();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.log('\nsetup failed, so no test stage ran');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** @type {StageResult[]} */
const results = [];
for (const stage of STAGES) {
  console.log(`\n=== ${stage.name} (node ${[stage.script, ...(stage.args ?? [])].join(' ')})`);
  results.push(await runStage(stage));
}

console.log('\n=== recap');
for (const { name, passed, failed, skipped, exitCode, seconds } of results) {
  console.log(`${name.padEnd(26)} ${passed} passed, ${failed} failed, ${skipped} skipped (exit ${exitCode}, ${seconds} s)`);
}
for (const failure of results.flatMap((result) => result.failures)) console.log(failure);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
