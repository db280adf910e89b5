// Builds every bundle the extension and its tests need. Extension code is bundled twice from the same
// sources: for the Node extension host (`main`) and for the web worker host (`browser`).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compiledTestEntries } from './scripts/test-files.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** Files under `dir` (recursively) whose path ends with `suffix`; Node 20 has no fs.globSync. */
function filesUnder(dir, suffix) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: false })
      .map((file) => path.join(dir, String(file)))
      .filter((file) => file.endsWith(suffix) && !file.endsWith('.d.ts'));
  } catch {
    return [];
  }
}

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

// Node built-ins must never reach code that also runs in a browser: fail the build instead.
const forbidNodeBuiltins = {
  name: 'forbid-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(fs|path|os|child_process|process|crypto|url|util|stream|events|buffer)(\/.*)?$/ }, (args) => ({
      errors: [{ text: `Node built-in "${args.path}" imported from ${args.importer}; shared code must use workspace.fs and web APIs` }],
    }));
  },
};

// The web worker has no `process`, `Buffer` or `global` either, and a free reference to one fails only at run time:
// mark them through `define`, and fail the build when a mark reaches the bundle.
const NODE_GLOBALS = ['process', 'Buffer', 'global'];
const forbidNodeGlobals = {
  name: 'forbid-node-globals',
  setup(build) {
    const mark = (name) => `__nodeGlobalInWebBundle_${name}`;
    build.initialOptions.define = { ...build.initialOptions.define, ...Object.fromEntries(NODE_GLOBALS.map((name) => [name, mark(name)])) };
    build.onEnd((result) => {
      if (result.errors.length > 0) return undefined;
      const bundle = readFileSync(build.initialOptions.outfile, 'utf8');
      const used = NODE_GLOBALS.filter((name) => bundle.includes(mark(name)));
      if (used.length === 0) return undefined;
      return { errors: [{ text: `${build.initialOptions.outfile} refers to the Node global(s) ${used.join(', ')}, which the web worker host does not have` }] };
    });
  },
};

// Library files that use a Node global only after checking that it exists. The web bundle gives each of them a
// variable of that name of its own, undefined (declared at the end, where it keeps a 'use strict' the first
// statement), so the check answers truthfully there and no reference to the Node global remains:
//   docx writes Node's Buffer only for the `nodebuffer` output; the web bundle asks for an ArrayBuffer.
//   picomatch asks `process.platform` whether paths use backslashes; the checks give it `/` paths everywhere.
const FEATURE_TESTED_NODE_GLOBALS = [
  { files: /[\\/]node_modules[\\/]docx[\\/]dist[\\/][\w-]+\.mjs$/, global: 'Buffer' },
  { files: /[\\/]node_modules[\\/]picomatch[\\/]lib[\\/]utils\.js$/, global: 'process' },
];
const nodeGlobalsUndefinedForFeatureTests = {
  name: 'node-globals-undefined-for-feature-tests',
  setup(build) {
    for (const { files, global } of FEATURE_TESTED_NODE_GLOBALS) {
      build.onLoad({ filter: files }, async (args) => ({
        contents: `${await readFile(args.path, 'utf8')}\nvar ${global};\n`,
        loader: 'js',
      }));
    }
  },
};

// The `yaml` package's Node build imports node:process and node:buffer; its browser build is the same parser
// without them, so the Node host's parser bundle uses it too and stays free of Node built-ins.
const yamlWithoutNodeBuiltins = { yaml: './node_modules/yaml/browser/index.js' };

// `main` stays small (budget 150 KB minified): code that only a user's action needs lives in lazily loaded bundles
// beside it. Each has a seam module that the rest of the code imports; the seam `require`s the bundle's entry on
// first use. The web and CLI builds (and the tests) bundle the entry in like any module: the web worker loads one
// script. In the Node host's builds `lazySeams` turns the seam's require into one of the sibling dist/<name>.js,
// and `keepOut` fails the build when a file under a lazy bundle's folders (its seam aside) reaches another bundle.
//   yamlParsers: the value-stream, glossary and configuration readers, the `yaml` library and picomatch (first parse);
//   coverage:    the Document Coverage scanner (the Coverage view first shown, or the first export with its appendix);
//   diagrams:    the diagram panels, their webview plumbing and Mermaid text generation (first diagram);
//   terminologyChecker: the terminology checker and its check, with document evidence, advice and slicing
//                (the host's first turn after activation);
//   documentExport: SVC: Export Document… with markdown-it, docx and the Word and HTML writers (first export).
// `shares` lists folders another lazy bundle owns that this one may hold a copy of too: they must be pure and
// stateless (the export writes the same Mermaid text as the panels, and `main` still must not include it).
const LAZY_BUNDLES = [
  {
    name: 'yamlParsers',
    seam: 'src/model/yamlParsers/index.ts',
    entry: 'src/model/yamlParsers/parsers.ts',
    folders: ['src/model/yamlParsers/', 'node_modules/yaml/', 'node_modules/picomatch/'],
  },
  {
    name: 'coverage',
    seam: 'src/model/coverage/index.ts',
    entry: 'src/model/coverage/coverage.ts',
    folders: ['src/model/coverage/'],
  },
  {
    name: 'diagrams',
    seam: 'src/features/diagrams/panels/index.ts',
    entry: 'src/features/diagrams/panels/diagramPanels.ts',
    folders: ['src/features/diagrams/panels/', 'src/model/diagrams/mermaid/'],
  },
  {
    name: 'terminologyChecker',
    seam: 'src/features/terms/checker/index.ts',
    entry: 'src/features/terms/checker/terminologyChecker.ts',
    folders: ['src/features/terms/checker/', 'src/model/terms/checker/'],
  },
  {
    name: 'documentExport',
    seam: 'src/features/export/run/index.ts',
    entry: 'src/features/export/run/exportRun.ts',
    folders: ['src/features/export/run/', 'src/model/export/', 'node_modules/docx/', 'node_modules/markdown-it/'],
    shares: ['src/model/diagrams/mermaid/'],
  },
];

/** A path relative to this folder, with `/` separators, as the metafile and LAZY_BUNDLES write them. */
const repoPath = (file) => path.relative(process.cwd(), file).split(path.sep).join('/');

const lazySeams = {
  name: 'lazy-seams',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'require-call') return undefined;
      const bundle = LAZY_BUNDLES.find((candidate) => candidate.seam === repoPath(args.importer));
      if (!bundle || `${repoPath(path.resolve(args.resolveDir, args.path))}.ts` !== bundle.entry) return undefined;
      return { path: `./${bundle.name}.js`, external: true };
    });
  },
};

/**
 * Fails the build when an input under one of `bundles`' folders (its seam aside) reaches the bundle being built,
 * unless it is under one of the `shared` folders the built bundle may hold a copy of.
 */
function keepOut(bundles, shared) {
  return {
    name: 'keep-lazy-code-out',
    setup(build) {
      build.onEnd((result) => {
        const inputs = Object.keys(result.metafile?.inputs ?? {}).filter((input) => !shared.some((folder) => input.startsWith(folder)));
        const errors = bundles.flatMap((bundle) => {
          const leaked = inputs.filter((input) => input !== bundle.seam && bundle.folders.some((folder) => input.startsWith(folder)));
          if (leaked.length === 0) return [];
          const modules = [...new Set(leaked.map((input) => (input.startsWith('node_modules/') ? input.split('/')[1] : input)))];
          return [{ text: `${build.initialOptions.outfile} must not include ${modules.join(', ')}: import it through ${bundle.seam}, which loads it on first use` }];
        });
        return errors.length > 0 ? { errors } : undefined;
      });
    },
  };
}

// The modules of src/ only define things: importing one runs nothing else. Saying so lets the bundles drop every
// module a folder index re-exports that the bundle does not use, with its top-level tables.
const SOURCE_FOLDER = path.resolve('src') + path.sep;
const sourceWithoutSideEffects = {
  name: 'source-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.resolvingSource) return undefined;
      const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolvingSource: true } });
      if (result.errors.length > 0 || result.external || !result.path.startsWith(SOURCE_FOLDER)) return result;
      return { ...result, sideEffects: false };
    });
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    alias: yamlWithoutNodeBuiltins,
    metafile: true,
    plugins: [forbidNodeBuiltins, lazySeams, sourceWithoutSideEffects, keepOut(LAZY_BUNDLES, [])],
  },
  ...LAZY_BUNDLES.map((bundle) => {
    const others = LAZY_BUNDLES.filter((other) => other !== bundle);
    return {
      ...common,
      entryPoints: [bundle.entry],
      outfile: `dist/${bundle.name}.js`,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      alias: yamlWithoutNodeBuiltins,
      metafile: true,
      plugins: [forbidNodeBuiltins, lazySeams, sourceWithoutSideEffects, keepOut(others, bundle.shares ?? [])],
    };
  }),
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    plugins: [forbidNodeBuiltins, nodeGlobalsUndefinedForFeatureTests, forbidNodeGlobals, sourceWithoutSideEffects],
  },
];

if (existsSync('src/cli/svc-check.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/cli/svc-check.ts'],
    outfile: 'dist/cli/svc-check.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    define: { SVC_CHECK_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  });
}

// The svc-check npm package (packages/svc-check): the same command line, minified, with its libraries bundled so
// that it installs without dependencies, and the package's version for --version and reports.
builds.push({
  ...common,
  entryPoints: ['src/cli/svc-check.ts'],
  outfile: 'packages/svc-check/dist/svc-check.js',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  banner: { js: '#!/usr/bin/env node' },
  define: { SVC_CHECK_VERSION: JSON.stringify(JSON.parse(readFileSync('packages/svc-check/package.json', 'utf8')).version) },
});

// svc-export drives a local Chromium through playwright-core, which stays a package of its own (it is not made to
// be bundled) and is a dependency of the CLI only: the extension never loads it.
if (existsSync('src/cli/svc-export.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/cli/svc-export.ts'],
    outfile: 'dist/cli/svc-export.js',
    platform: 'node',
    format: 'cjs',
    external: ['playwright-core'],
    banner: { js: '#!/usr/bin/env node' },
  });
}

// The diagram panels draw only flowcharts and Gantt charts; the export's drawing page also draws a document's own
// Mermaid blocks of the common types below (src/model/export/figures.ts lists the same). Mermaid loads every
// other diagram type, layout engine and KaTeX through dynamic imports: replace those with a module that fails
// clearly, so they are neither bundled nor shipped (elk alone is 1.5 MB).
const MERMAID_LAZY_ALLOWED = /(^|\/)(flowDiagram|ganttDiagram|dagre|sequenceDiagram|classDiagram-v2|stateDiagram-v2|erDiagram|journeyDiagram|timeline-definition|quadrantDiagram|pieDiagram|pie)-[\w-]+\.mjs$/;
const mermaidFlowchartAndGanttOnly = {
  name: 'mermaid-flowchart-and-gantt-only',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !/node_modules[\\/](mermaid|@mermaid-js)[\\/]/.test(args.importer)) return undefined;
      if (MERMAID_LAZY_ALLOWED.test(args.path)) return undefined;
      return { path: args.path, namespace: 'mermaid-excluded' };
    });
    build.onLoad({ filter: /.*/, namespace: 'mermaid-excluded' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`Not bundled: the diagram webviews do not draw this kind of diagram (${args.path})`)});`,
      loader: 'js',
    }));
  },
};

// `mermaid-chunk:<name>` (src/webview/lib/render.ts preloads them) is Mermaid's own chunk file of that name, whose
// hash changes with every Mermaid release. Both imports resolve to one module, so the page loads it once.
const MERMAID_CHUNK_DIR = 'node_modules/mermaid/dist/chunks/mermaid.core';
const mermaidChunksByName = {
  name: 'mermaid-chunks-by-name',
  setup(build) {
    build.onResolve({ filter: /^mermaid-chunk:/ }, (args) => {
      const name = args.path.slice('mermaid-chunk:'.length);
      const file = readdirSync(MERMAID_CHUNK_DIR).find((candidate) => candidate.startsWith(`${name}-`) && candidate.endsWith('.mjs'));
      if (!file) return { errors: [{ text: `Mermaid has no chunk named ${name} in ${MERMAID_CHUNK_DIR}` }] };
      return { path: path.resolve(MERMAID_CHUNK_DIR, file) };
    });
  },
};

const webviewEntries = filesUnder('src/webview', '.ts').filter((file) => path.dirname(file) === 'src/webview');
if (webviewEntries.length > 0) {
  builds.push({
    ...common,
    entryPoints: webviewEntries,
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    plugins: [forbidNodeBuiltins, mermaidFlowchartAndGanttOnly, mermaidChunksByName],
  });
}

const testEntries = compiledTestEntries();
if (!production && testEntries.length > 0) {
  // Compiled tests of deleted sources would still run: start from an empty out/.
  if (!watch) rmSync('out', { recursive: true, force: true });
  builds.push({
    ...common,
    entryPoints: testEntries,
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
  });
}

if (!watch) {
  rmSync('dist', { recursive: true, force: true });
}

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
