/**
 * What the extension knows about a document before it reads any ITIL in it: ranges and line positions of its text,
 * its front matter, and which parts of it are prose (fenced code, inline code, markup, URLs and switched-off
 * regions are not). The terms, value-stream and coverage code build on these.
 */
export * from './documentKind';
export * from './fences';
export * from './frontMatter';
export * from './lineMap';
export * from './proseRanges';
export * from './proseSlices';
export * from './textRange';
