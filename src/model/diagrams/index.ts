/**
 * The diagrams' contract with their webviews and sources: the messages between the diagram panels and the host
 * (checked on arrival), how a diagram and its source point at each other, and the print-safe palette of exports.
 * The Mermaid text itself is in mermaid/, which the host loads only with the diagram panels and the webviews
 * bundle on their own; the value chain picture, drawn without Mermaid, is in valueChain/, which only the SVC
 * diagram's webview uses.
 */
export * from './diagramLinks';
export * from './diagramPalette';
export * from './diagramProtocol';
