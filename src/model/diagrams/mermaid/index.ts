/**
 * Mermaid text generated from the model, so the diagram panels, exported files and the Markdown preview draw the
 * same pictures: the service value chain, value streams (flowchart and Gantt chart), the product and service
 * lifecycle, and what a ```valuestream block becomes in the Markdown preview. In the Node extension host this
 * folder is part of the diagrams bundle, which loads on the first diagram (see esbuild.mjs).
 */
export * from './lifecycleChart';
export * from './markdownDiagrams';
export * from './mermaidText';
export * from './valueChainChart';
export * from './valueStreamCharts';
