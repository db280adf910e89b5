/**
 * The value chain picture, drawn without Mermaid or a layout engine: a layout decided once (demand on the left,
 * the entry activities in one column, the others in the next, value on the right, links bundled on buses) and
 * its SVG, themed through CSS variables in the panel and in plain colours for exports. Only the SVC diagram's
 * webview (and its benchmark and tests) draw it, so no host bundle includes this folder.
 */
export * from './valueChainLayout';
export * from './valueChainSvg';
