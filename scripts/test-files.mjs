// @ts-check
// The one place that finds test files: the build compiles them to out/ (esbuild.mjs) and each runner runs its suite's.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './bootstrap.mjs';

/** @typedef {'unit' | 'integration' | 'integration-multi-root' | 'e2e' | 'bench'} TestSuite */

/**
 * Each suite's folder and the ending of its test files' names. The integration tests under multi-root/ need the
 * two-folder workspace, which only their own launch opens, so they are a suite of their own.
 * @type {Record<TestSuite, { dir: string, suffix: string }>}
 */
const SUITES = {
  unit: { dir: 'test/unit', suffix: '.test.ts' },
  integration: { dir: 'test/integration', suffix: '.test.ts' },
  'integration-multi-root': { dir: 'test/integration/multi-root', suffix: '.test.ts' },
  e2e: { dir: 'test/e2e', suffix: '.e2e.ts' },
  bench: { dir: 'bench', suffix: '.bench.ts' },
};

/** What a host loads besides test files: the Node extension host's suite runner (the web host's is bundled). */
const HOST_ENTRIES = ['test/integration/index.ts'];

/** @returns {string[]} */
function filesUnder(/** @type {string} */ dir) {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file));
  } catch {
    return [];
  }
}

/** The test sources of `suite`, absolute and sorted. */
export function testSources(/** @type {TestSuite} */ suite) {
  const { dir, suffix } = SUITES[suite];
  const nestedSuites = Object.values(SUITES)
    .map((other) => other.dir)
    .filter((other) => other !== dir && other.startsWith(`${dir}/`))
    .map((other) => path.join(repoRoot, other) + path.sep);
  return filesUnder(path.join(repoRoot, dir))
    .filter((file) => file.endsWith(suffix) && !nestedSuites.some((nested) => file.startsWith(nested)))
    .sort();
}

/** Every file the build compiles to out/: the tests of every suite and the hosts' entries. */
export function compiledTestEntries() {
  const suites = /** @type {TestSuite[]} */ (Object.keys(SUITES));
  return [...suites.flatMap(testSources), ...HOST_ENTRIES.map((entry) => path.join(repoRoot, entry))];
}

/** Where the build puts the compiled `source` (a path under the repository). */
function compiledPath(/** @type {string} */ source) {
  return path.join(repoRoot, 'out', path.relative(repoRoot, source)).replace(/\.ts$/, '.js');
}

/** The compiled test files of `suite`, for a runner. */
export function compiledTests(/** @type {TestSuite} */ suite) {
  return testSources(suite).map(compiledPath);
}
