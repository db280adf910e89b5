/**
 * What several features share on the host side: the delays before the host reacts to changes, the per-document
 * debouncer, cards as workbench Markdown, the editor's severity of a finding, and webview nonces.
 */
export * from './cardMarkdownString';
export * from './delays';
export * from './diagnosticSeverities';
export * from './documentDebouncer';
export * from './nonce';
