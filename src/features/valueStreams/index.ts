/**
 * The value-stream language in the editor: each document parsed once and shared, diagnostics, completion, the
 * outline, quick fixes, rename, hovers, templates and the New / Open Example commands, the Preview CodeLenses, and
 * (in view/) the Value Streams view of the workspace.
 */
export * from './markdownTemplateCompletion';
export * from './valueStreamCodeActions';
export * from './valueStreamCommands';
export * from './valueStreamCompletion';
export * from './valueStreamDiagnostics';
export * from './valueStreamDocuments';
export * from './valueStreamHover';
export * from './valueStreamPreviewLenses';
export * from './valueStreamRename';
export * from './valueStreamSymbols';
export * from './view';
