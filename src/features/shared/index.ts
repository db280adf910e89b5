/**
 * What several features share on the host side: the delays before the host reacts to changes, the per-document
 * debouncer, cards as workbench Markdown, and the editor's severity of a finding.
 */
export * from './cardMarkdownString';
export * from './delays';
export * from './diagnosticSeverities';
export * from './documentDebouncer';
