import * as vscode from 'vscode';
import { isActivityId, getPractice } from '../../model/itil';
import { OPEN_DIAGRAM_COMMAND, type ItemRef } from '../../model/cards';
import { refFromId, refOfNode, activityTable, blockInsertion, practiceTable } from '../../model/explorer';
import type { DetailsPanel } from './detailsPanel';
import { currentEdition } from '../itil';
import type { ExplorerViews } from './explorerViews';

const MARKDOWN_EDITOR_CONTEXT = 'svc.markdownEditorActive';

/**
 * The commands of the Value Chain and Practices views: details, diagram, reveal, and the Markdown tables
 * (copy to the clipboard, insert at the cursor). Each takes a tree node or a plain item id.
 */
export class ExplorerCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly views: ExplorerViews,
    private readonly details: DetailsPanel,
  ) {
    details.setLinkHandler({
      revealInTree: async (ref) => {
        await this.views.reveal(ref);
      },
      openInDiagram: (activityId) => this.openInDiagram(activityId),
    });
    this.disposables.push(
      vscode.commands.registerCommand('svc.openDetails', (target: unknown) => this.openDetails(target)),
      vscode.commands.registerCommand('svc.revealInValueChain', (target: unknown) => this.revealInValueChain(target)),
      vscode.commands.registerCommand('svc.openInDiagram', (target: unknown) => this.openInDiagram(this.diagramNodeOf(target))),
      vscode.commands.registerCommand('svc.copyMarkdownTable', (target: unknown) => this.copyMarkdownTable(target)),
      vscode.commands.registerCommand('svc.insertMarkdownTable', (target: unknown) => this.insertMarkdownTable(target)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.updateMarkdownContext(editor)),
    );
    this.updateMarkdownContext(vscode.window.activeTextEditor);
  }

  private updateMarkdownContext(editor: vscode.TextEditor | undefined): void {
    void vscode.commands.executeCommand('setContext', MARKDOWN_EDITOR_CONTEXT, editor?.document.languageId === 'markdown');
  }

  /** Resolves a command argument: a node of either tree, an item id, or nothing (then the tree selection). */
  private refOf(target: unknown): ItemRef | undefined {
    if (typeof target === 'string') return refFromId(target);
    if (this.views.isNode(target)) return refOfNode(target);
    const selected = this.views.valueChainView.selection[0] ?? this.views.practicesView.selection[0];
    return target === undefined && selected ? refOfNode(selected) : undefined;
  }

  /** The diagram node to select: the activity, the entry or exit, or a practice's first activity. */
  private diagramNodeOf(target: unknown): string | undefined {
    const ref = this.refOf(target);
    if (ref?.kind === 'activity' || ref?.kind === 'demand' || ref?.kind === 'value') return ref.id;
    if (ref?.kind === 'practice') return getPractice(ref.id).activities[0];
    return undefined;
  }

  private openDetails(target: unknown): ItemRef | undefined {
    const ref = this.refOf(target);
    if (!ref) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Select an activity or practice in the Service Value Chain views to open its details.'));
      return undefined;
    }
    this.details.show(ref);
    return ref;
  }

  private async revealInValueChain(target: unknown): Promise<boolean> {
    const ref = this.refOf(target);
    const revealed = ref ? await this.views.reveal(ref, { focus: true }) : false;
    if (!revealed) {
      const text = typeof target === 'string' ? target : '';
      void vscode.window.showWarningMessage(vscode.l10n.t('“{0}” is not an activity or practice of the service value chain.', text));
    }
    return revealed;
  }

  private async openInDiagram(nodeId: string | undefined): Promise<void> {
    const available = (await vscode.commands.getCommands(true)).includes(OPEN_DIAGRAM_COMMAND);
    if (!available) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The SVC diagram is not available in this version of the extension.'));
      return;
    }
    const known = nodeId !== undefined && (isActivityId(nodeId) || nodeId === 'demand' || nodeId === 'value');
    await vscode.commands.executeCommand(OPEN_DIAGRAM_COMMAND, ...(known ? [nodeId] : []));
  }

  private tableOf(target: unknown): string | undefined {
    const ref = this.refOf(target);
    if (ref?.kind === 'activity' && isActivityId(ref.id)) return activityTable(ref.id);
    if (ref?.kind === 'practice') return practiceTable(ref.id, currentEdition());
    void vscode.window.showWarningMessage(vscode.l10n.t('Markdown tables exist for activities and practices only.'));
    return undefined;
  }

  private async copyMarkdownTable(target: unknown): Promise<string | undefined> {
    const table = this.tableOf(target);
    if (!table) return undefined;
    await vscode.env.clipboard.writeText(table);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Markdown table copied to the clipboard'), 3000);
    return table;
  }

  private async insertMarkdownTable(target: unknown): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown file and place the cursor where the table should go.'));
      return false;
    }
    const table = this.tableOf(target);
    if (!table) return false;
    const { document, selection } = editor;
    const line = document.lineAt(selection.start.line);
    const endLine = document.lineAt(selection.end.line);
    const text = blockInsertion(
      table,
      line.text.slice(0, selection.start.character),
      endLine.text.slice(selection.end.character),
      selection.start.line > 0 ? document.lineAt(selection.start.line - 1).text : undefined,
    );
    return editor.edit((builder) => builder.replace(selection, text));
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
