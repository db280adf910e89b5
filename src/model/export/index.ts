/**
 * Exporting a consultant's Markdown document as the deliverable they send: a Word file (`docx`) or one
 * self-contained HTML page, read with markdown-it, every ```valuestream and ```mermaid block a numbered figure
 * (or a visible box with its problems), and the optional appendices (the ITIL terms used, the Document Coverage
 * summary). The figures are drawn elsewhere, in a drawing page the caller runs (a webview, a local Chromium): this
 * folder holds that page's HTML shell and the checks its answers pass. Pure: no `vscode`, no Node built-ins. In the
 * Node extension host it loads with the export command, on the first export (see features/export/run).
 */
export * from './appendices';
export * from './drawing';
export * from './exportDocument';
export * from './figures';
export * from './markdownDocument';
