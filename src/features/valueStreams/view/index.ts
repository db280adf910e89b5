/**
 * The Value Streams view: every value-stream file and ```valuestream block of the workspace, kept up to date by a
 * scanner and watcher, then the seed's examples, with a command that opens a step in its source.
 */
export * from './exampleStreamDocuments';
export * from './revealStep';
export * from './valueStreamsView';
export * from './workspaceValueStreams';
