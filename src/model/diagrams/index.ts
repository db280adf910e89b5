/**
 * The diagrams' contract with their webviews and sources: the messages between the diagram panels and the host
 * (checked on arrival), and how a diagram and its source point at each other. The Mermaid text itself is in
 * mermaid/, which the host loads only with the diagram panels and the webviews bundle on their own.
 */
export * from './diagramLinks';
export * from './diagramProtocol';
