import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE } from '../model/diagramProtocol';
import { FIX_ALL_COMMAND } from './terminology';

/**
 * A short consultant-style document for the walkthrough: it names practices, activities and concepts to
 * hover, and a few ITIL v3 names for the terminology checker to modernise.
 */
const SAMPLE_DOCUMENT = `# Service desk improvement proposal

## Where we are

Our Service Desk handles calls and e-mails, but Request Fulfilment and Incident Management share one queue.
Changes go through Change Management and a weekly Change Advisory Board.

## What we propose

1. Split the queue: incident management restores service fast, service request management handles routine requests.
2. Give service level management clear targets agreed with the customer, reported every month.
3. Feed recurring incidents into problem management and track every idea in the continual improvement register.

In value chain terms the desk lives in Engage and Deliver and Support, while the review cycle belongs to Improve.
Keep the guiding principle focus on value in mind: every step should help the user.
`;

/** Set while a value-stream preview is open: completes the walkthrough's "open its preview" step. */
export const VALUE_STREAM_PREVIEW_OPEN_CONTEXT = 'svc.valueStreamPreviewOpen';

/**
 * Commands the getting-started walkthrough links to, and the state its steps complete on. The walkthrough's
 * buttons are clicked while the walkthrough page, not a text editor, is active: the ones that act on a document
 * act on the text document the user worked in last.
 */
export class Walkthrough implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];
  private lastDocument: vscode.TextDocument | undefined = vscode.window.activeTextEditor?.document;
  private previewOpen = false;

  constructor() {
    this.disposables = [
      vscode.commands.registerCommand('svc.walkthrough.openSample', () => this.openSample()),
      vscode.commands.registerCommand('svc.walkthrough.openPreview', () => this.openPreview()),
      vscode.commands.registerCommand('svc.walkthrough.replaceOutdatedTerms', () => this.replaceOutdatedTerms()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastDocument = editor.document;
      }),
      vscode.window.tabGroups.onDidChangeTabs(() => this.updatePreviewContext()),
    ];
    this.updatePreviewContext();
  }

  private async openSample(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE_DOCUMENT });
    return vscode.window.showTextDocument(document);
  }

  private async openPreview(): Promise<void> {
    const document = this.documentWorkedOn();
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Create or open a value stream first, then preview it.'));
      return;
    }
    // The preview command explains itself when the document holds no value stream.
    await vscode.commands.executeCommand('svc.openPreviewToSide', document.uri);
  }

  private async replaceOutdatedTerms(): Promise<void> {
    const document = this.documentWorkedOn();
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the sample document (or one of yours) first, then replace its outdated terms.'));
      return;
    }
    await vscode.commands.executeCommand(FIX_ALL_COMMAND, document.uri);
  }

  /** The text document the user worked in last, while it is still open. */
  private documentWorkedOn(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document ?? this.lastDocument;
    return document && !document.isClosed ? document : undefined;
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
