/**
 * Every diagram panel the host drives (value chain, value-stream previews, lifecycle), and the Mermaid text of
 * ```valuestream blocks in the Markdown preview: what the diagrams seam (index.ts) loads on first use.
 * DiagramCommands creates the panels on the first diagram command or restored panel.
 */
import type * as vscode from 'vscode';
import type { ExplorerNode } from '../../../model/explorer';
import { ValueChainPanel } from './valueChainPanel';
import { activeDiagramWebview, type DiagramWebview } from './diagramWebview';
import { LifecyclePanel } from './lifecyclePanel';
import { ValueStreamPreviews } from './valueStreamPreviews';
import type { ValueStreamDocuments } from '../../valueStreams';

export { valueStreamBlockDiagrams } from '../../../model/diagrams/mermaid/markdownDiagrams';

export function createDiagramPanels(extensionUri: vscode.Uri, valueChainTree: vscode.TreeView<ExplorerNode>, valueStreams: ValueStreamDocuments): DiagramPanels {
  return new DiagramPanels(extensionUri, valueChainTree, valueStreams);
}

export class DiagramPanels implements vscode.Disposable {
  readonly valueChain: ValueChainPanel;
  readonly previews: ValueStreamPreviews;
  readonly lifecycle: LifecyclePanel;

  constructor(extensionUri: vscode.Uri, valueChainTree: vscode.TreeView<ExplorerNode>, valueStreams: ValueStreamDocuments) {
    this.valueChain = new ValueChainPanel(extensionUri, valueChainTree);
    this.previews = new ValueStreamPreviews(extensionUri, valueStreams);
    this.lifecycle = new LifecyclePanel(extensionUri);
  }

  /** The diagram panel the user is looking at, or else the one they looked at last that is still open. */
  activeDiagram(): DiagramWebview | undefined {
    return activeDiagramWebview();
  }

  dispose(): void {
    this.valueChain.dispose();
    this.previews.dispose();
    this.lifecycle.dispose();
  }
}
