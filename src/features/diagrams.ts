/**
 * The host's diagram code: the panels, and the Mermaid text that ```valuestream blocks become in the Markdown
 * preview. The web bundle includes it directly; in the Node extension host's bundle (`main`) esbuild.mjs puts
 * diagrams.node.ts in this module's place, which loads it from dist/diagrams.js on first use, so activation
 * neither loads nor pays for it.
 */
import type * as vscode from 'vscode';
import type { ExplorerNode } from '../model/explorerTree';
import { DiagramPanels } from './diagramPanels';
import type { ValueStreamDocuments } from './valueStreamDocuments';

export { valueStreamBlockDiagrams } from '../model/markdownDiagrams';

export function createDiagramPanels(extensionUri: vscode.Uri, valueChainTree: vscode.TreeView<ExplorerNode>, valueStreams: ValueStreamDocuments): DiagramPanels {
  return new DiagramPanels(extensionUri, valueChainTree, valueStreams);
}
