/**
 * The terminology checker's reading of prose: outdated ITIL v3/2011 names and the names a glossary asks writers
 * to avoid, weighed against what the whole document is about, each finding with how sure it is and the rewrites
 * that keep the writer's style. In the Node extension host this folder is part of the terminology checker's bundle,
 * which loads on the host's first turn after activation (see esbuild.mjs); the command-line checker and the web
 * bundle include it like any folder.
 */
export * from './terminology';
