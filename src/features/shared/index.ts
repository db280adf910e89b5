/**
 * What several features share on the host side: the delays before the host reacts to changes, the per-document
 * debouncer, cards as workbench Markdown, the editor's severity of a finding, settings that the checks configuration
 * also sets, the files of `.svc/` folders (watched, read, their problems shown), and webview nonces.
 */
export * from './cardMarkdownString';
export * from './delays';
export * from './diagnosticSeverities';
export * from './documentDebouncer';
export * from './explicitSetting';
export * from './nonce';
export * from './svcFiles';
