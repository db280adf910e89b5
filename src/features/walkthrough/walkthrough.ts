import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE } from '../../model/diagrams';
import { findValueStreamBlocks } from '../../model/valueStreams';
import { DIAGNOSTIC_SOURCE, FIX_ALL_COMMAND } from '../terms';
import { VALUE_STREAM_LANGUAGE } from '../valueStreams';

/**
 * A short consultant-style document for the walkthrough to open: it names practices, activities and concepts to
 * hover, and a few ITIL v3 names for the terminology checker to modernise. It ships as a file beside the
 * walkthrough's pages, so activation does not carry its text.
 */
const SAMPLE_DOCUMENT = ['walkthrough', 'sample-proposal.md'];

const RECENT_DOCUMENTS = 10;

/** Set while a value-stream preview is open: completes the walkthrough's "open its preview" step. */
export const VALUE_STREAM_PREVIEW_OPEN_CONTEXT = 'svc.valueStreamPreviewOpen';

/**
 * Commands the getting-started walkthrough links to, and the state its steps complete on. The walkthrough's
 * buttons are clicked while the walkthrough page, not a text editor, is active: the ones that act on a document
 * act on a text document the user worked in lately.
 */
export class Walkthrough implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];
  /**
   * The text documents the user last worked in, most recent first, by URI: a document object is replaced when its
   * language changes, its URI stays.
   */
  private recentUris: string[] = [];
  private previewOpen = false;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables = [
      vscode.commands.registerCommand('svc.walkthrough.openSample', () => this.openSample()),
      vscode.commands.registerCommand('svc.walkthrough.openPreview', () => this.openPreview()),
      vscode.commands.registerCommand('svc.walkthrough.replaceOutdatedTerms', () => this.replaceOutdatedTerms()),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.workedOn(editor?.document)),
      vscode.window.tabGroups.onDidChangeTabs(() => this.updatePreviewContext()),
    ];
    this.workedOn(vscode.window.activeTextEditor?.document);
    this.updatePreviewContext();
  }

  private workedOn(document: vscode.TextDocument | undefined): void {
    if (!document) return;
    const uri = document.uri.toString();
    this.recentUris = [uri, ...this.recentUris.filter((recent) => recent !== uri)].slice(0, RECENT_DOCUMENTS);
  }

  private async openSample(): Promise<vscode.TextEditor> {
    const sample = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...SAMPLE_DOCUMENT));
    // An untitled copy: the user edits and fixes it freely, and the shipped file stays as it was.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(sample) });
    return vscode.window.showTextDocument(document);
  }

  /** Previews the document worked on last that defines a value stream (a value-stream file or a Markdown block). */
  private async openPreview(): Promise<void> {
    const document = this.openRecentDocuments().find(
      (recent) => recent.languageId === VALUE_STREAM_LANGUAGE || (recent.languageId === 'markdown' && findValueStreamBlocks(recent.getText()).length > 0),
    );
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Create or open a value stream first, then preview it.'));
      return;
    }
    await vscode.commands.executeCommand('svc.openPreviewToSide', document.uri);
  }

  /** Modernises the document worked on last that has outdated terms (the sample, when the user followed the steps). */
  private async replaceOutdatedTerms(): Promise<void> {
    const document = this.openRecentDocuments().find((recent) =>
      vscode.languages.getDiagnostics(recent.uri).some((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE),
    );
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No open document has outdated ITIL terms. Open the sample document first.'));
      return;
    }
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand(FIX_ALL_COMMAND, document.uri);
  }

  /**
   * The recent documents still open in an editor tab, most recent first (the active editor's before all). A closed
   * tab's document can stay loaded for a while: the tabs say what the user still has open.
   */
  private openRecentDocuments(): vscode.TextDocument[] {
    const inTabs = new Set(
      vscode.window.tabGroups.all.flatMap((group) => group.tabs.flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : []))),
    );
    const open = new Map(vscode.workspace.textDocuments.filter((document) => inTabs.has(document.uri.toString())).map((document) => [document.uri.toString(), document]));
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const uris = active ? [active, ...this.recentUris.filter((uri) => uri !== active)] : this.recentUris;
    return uris.flatMap((uri) => open.get(uri) ?? []);
  }

  /** Webview tabs carry the view type the extension gave the panel, prefixed by the workbench. */
  private updatePreviewContext(): void {
    const open = vscode.window.tabGroups.all.some((group) =>
      group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PREVIEW_VIEW_TYPE)),
    );
    if (open === this.previewOpen) return;
    this.previewOpen = open;
    void vscode.commands.executeCommand('setContext', VALUE_STREAM_PREVIEW_OPEN_CONTEXT, open);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
