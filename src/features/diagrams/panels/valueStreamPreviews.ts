/**
 * The panels of `SVC: Open Value Stream Preview` (and to the side): one preview per document that draws its
 * value streams as flowcharts and a Gantt chart, follows edits (debounced), shows the source's errors instead
 * of a blank or stale diagram, links steps and source both ways, and comes back after a reload.
 */
import * as vscode from 'vscode';
import {
  sameStep,
  stepAtOffset,
  triedDurationsProblem,
  PREVIEW_VIEW_TYPE,
  type RenderReport,
  type SourceError,
  type StepRef,
  type TriedDurations,
  type WebviewMessage,
} from '../../../model/diagrams';
import { documentKind } from '../../../model/documents';
import { applyEdits } from '../../../model/terms';
import { durationEdit, formatTime, readValueStreams, type Finding, type ValueStreamParseResult } from '../../../model/valueStreams';
import { DELAYS_MS, DocumentDebouncer } from '../../shared';
import { DiagramWebview, diagramPageHtml, diagramWebviewOptions } from './diagramWebview';
import { isValueStreamDocument, toRange, type ValueStreamDocuments } from '../../valueStreams';
import type { TextRange } from '../../../model/documents';

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

function errorsOf(document: vscode.TextDocument, findings: readonly Finding[]): { errors: SourceError[]; ranges: TextRange[] } {
  const shown = findings.filter((finding) => finding.severity === 'error');
  return {
    errors: shown.map((finding) => {
      const position = document.positionAt(finding.range.start);
      return { message: finding.message, code: finding.code, line: position.line, character: position.character };
    }),
    ranges: shown.map((finding) => finding.range),
  };
}

function cursorOf(document: vscode.TextDocument, position: vscode.Position | undefined): { offset: number; line: TextRange } {
  const active = position ?? new vscode.Position(0, 0);
  const line = document.lineAt(active.line).range;
  return { offset: document.offsetAt(active), line: { start: document.offsetAt(line.start), end: document.offsetAt(line.end) } };
}

/** The full lines `range` covers; a range that ends at the start of a line does not take that line. */
function linesOf(document: vscode.TextDocument, range: vscode.Range): vscode.Selection {
  const lastLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return new vscode.Selection(range.start.line, 0, lastLine, document.lineAt(lastLine).text.length);
}

class ValueStreamPreview implements vscode.Disposable {
  readonly webview: DiagramWebview;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly edits = new DocumentDebouncer(DELAYS_MS.afterValueStreamEdit);
  private parsed: ValueStreamParseResult | undefined;
  /** The text `parsed` was read from: a tried duration is written only into that text. */
  private parsedText: string | undefined;
  private errorRanges: TextRange[] = [];
  private focusStream: number | undefined;
  private updateCount = 0;
  /** The step under the cursor of the last editor of the document that moved it, as last told to the page. */
  private cursorStep: StepRef | undefined;
  private cursor: { readonly offset: number; readonly line: TextRange } | undefined;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly documents: ValueStreamDocuments,
    focusStream: number | undefined,
  ) {
    this.focusStream = focusStream;
    panel.webview.options = diagramWebviewOptions(extensionUri);
    panel.title = vscode.l10n.t('Preview {0}', fileName(uri));
    panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'media', 'valuestream-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'valuestream-dark.svg') };
    panel.webview.html = diagramPageHtml(panel.webview, extensionUri, {
      entry: 'valueStreamPreviewPage',
      title: panel.title,
      data: { documentUri: uri.toString() },
      tabs: [
        { id: 'flowchart', label: vscode.l10n.t('Flowchart') },
        { id: 'gantt', label: vscode.l10n.t('Schedule') },
      ],
      cardPane: false,
      viewportLabel: vscode.l10n.t('Value stream diagrams. Tab to a step and press Enter to go to its line; +, - and 0 zoom, arrow keys pan.'),
      metricsLabel: vscode.l10n.t('Lead time, work, waiting, flow efficiency and critical path'),
    });
    this.webview = new DiagramWebview(panel, () => fileName(uri).replace(/\.(valuestream\.ya?ml|md|markdown)$/i, '') || 'value-stream', (message) => void this.onMessage(message));
    this.disposables.push(
      this.webview,
      this.webview.onReady(() => void this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === uri.toString()) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() !== uri.toString()) return;
        this.cursor = cursorOf(event.textEditor.document, event.selections[0]?.active);
        this.highlightCursorStep();
      }),
    );
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString());
    if (editor) this.cursor = cursorOf(editor.document, editor.selection.active);
  }

  /** Tells the page which step the cursor is in, when that changed (also after an edit moved the steps). */
  private highlightCursorStep(force = false): void {
    if (!this.parsed) return;
    const step = this.cursor ? stepAtOffset(this.parsed.streams, this.cursor.offset, this.cursor.line) : undefined;
    if (!force && sameStep(step, this.cursorStep)) return;
    this.cursorStep = step;
    this.webview.post({ type: 'highlightStep', step });
  }

  /** Shows `streamIndex` on the next update (a CodeLens of that stream was used). */
  focus(streamIndex: number | undefined): void {
    this.focusStream = streamIndex;
    void this.update();
  }

  private scheduleUpdate(): void {
    this.edits.schedule(this.uri, () => void this.update());
  }

  private async update(): Promise<void> {
    const title = fileName(this.uri);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.uri);
    } catch (error) {
      this.parsed = undefined;
      this.parsedText = undefined;
      this.updateCount += 1;
      const message = vscode.l10n.t('Cannot read {0}: {1}', title, error instanceof Error ? error.message : String(error));
      this.webview.post({ type: 'update', title, streams: [], errors: [{ message, code: 'svc/unreadable', line: 0, character: 0 }], focusStream: undefined, revision: this.updateCount });
      return;
    }
    const parsed = this.documents.parse(document)?.result ?? { streams: [], findings: [] };
    const { errors, ranges } = errorsOf(document, parsed.findings);
    this.parsed = parsed;
    this.parsedText = document.getText();
    this.errorRanges = ranges;
    const focusStream = this.focusStream;
    this.focusStream = undefined;
    this.updateCount += 1;
    this.webview.post({ type: 'update', title, streams: parsed.streams, errors, focusStream, revision: this.updateCount });
    this.highlightCursorStep(true);
  }

  /** How many updates the host has sent, so the testing entry can tell a fresh render from an old one. */
  get updates(): number {
    return this.updateCount;
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    if (message.type === 'stepSelected') {
      const step = this.parsed?.streams[message.streamIndex]?.steps[message.stepIndex];
      if (step) {
        // The page already highlights the clicked step; the cursor landing in it must not repeat that.
        this.cursorStep = { streamIndex: message.streamIndex, stepIndex: message.stepIndex };
        await this.reveal(step.range, true);
      }
    } else if (message.type === 'errorSelected') {
      const range = this.errorRanges[message.errorIndex];
      if (range) await this.reveal(range);
    } else if (message.type === 'applyDurations') {
      await this.applyDurations(message);
    }
  }

  /**
   * "Apply" in the preview's what-if: the tried durations written into the document as one undoable edit, only
   * if the document is still the one the preview showed and the edited text reads back with exactly those
   * durations; otherwise nothing is written and the user is told why.
   */
  private async applyDurations(tried: TriedDurations): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const text = document.getText();
    const streams = this.parsed?.streams ?? [];
    const problem = triedDurationsProblem(tried, { revision: this.updateCount, textUnchanged: text === this.parsedText, streams });
    const stream = streams[tried.streamIndex];
    if (problem || !stream) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The tried durations were not applied: {0}', problem ?? ''));
      return;
    }
    const edits = tried.durations.map(({ stepIndex, duration }) => durationEdit(text, stream.steps[stepIndex], duration));
    const kind = documentKind({ languageId: document.languageId });
    const reread = readValueStreams(applyEdits(text, edits.map(({ range, newText }) => ({ ...range, newText }))), kind).streams[tried.streamIndex];
    const expected = stream.steps.map((step, index) => tried.durations.find((entry) => entry.stepIndex === index)?.duration ?? step.duration);
    if (!reread || reread.steps.length !== expected.length || reread.steps.some((step, index) => Math.abs(step.duration - expected[index]) > 1e-9 * Math.max(1, expected[index]))) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The tried durations were not applied: the edit would not read back as written. Change the durations in the editor instead.'),
      );
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const { range, newText } of edits) edit.replace(this.uri, toRange(document, range), newText);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The tried durations were not applied: the editor refused the edit.'));
      return;
    }
    const applied = tried.durations.map(({ stepId, duration }) => `${stepId} ${formatTime(duration, stream.unit)}`).join(', ');
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Applied: {0}', applied), 5000);
  }

  /** Selects `range` (a clicked step's lines, an error's place) in an editor of the document beside the preview. */
  private async reveal(range: TextRange, wholeLines = false): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.uri.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const selection = wholeLines ? linesOf(document, toRange(document, range)) : toRange(document, range);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.edits.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export class ValueStreamPreviews implements vscode.Disposable {
  private readonly previews = new Map<string, ValueStreamPreview>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly documents: ValueStreamDocuments,
  ) {}

  /** Opens or reveals the preview of a document (the given one, or the active editor's). */
  async open(target: unknown, streamIndex: unknown, toSide: boolean): Promise<vscode.WebviewPanel | undefined> {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    const focus = typeof streamIndex === 'number' && Number.isSafeInteger(streamIndex) && streamIndex >= 0 ? streamIndex : undefined;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a value-stream file or a Markdown document with valuestream blocks to preview it.'));
      return undefined;
    }
    const existing = this.previews.get(uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, false);
      existing.focus(focus);
      return existing.panel;
    }
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document && !isValueStreamDocument(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is neither a value-stream file nor a Markdown document.', fileName(uri)));
      return undefined;
    }
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Preview {0}', fileName(uri)), { viewColumn: column, preserveFocus: toSide }, diagramWebviewOptions(this.extensionUri));
    this.attach(uri, panel, focus);
    return panel;
  }

  /** Takes over a preview VS Code restores after a reload; one whose document is not known any more closes. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = typeof state === 'object' && state !== null ? (state as Record<string, unknown>).documentUri : undefined;
    let uri: vscode.Uri | undefined;
    try {
      uri = typeof saved === 'string' ? vscode.Uri.parse(saved, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!uri) {
      panel.dispose();
      return;
    }
    this.previews.get(uri.toString())?.panel.dispose();
    this.attach(uri, panel, undefined);
  }

  private attach(uri: vscode.Uri, panel: vscode.WebviewPanel, focus: number | undefined): void {
    const key = uri.toString();
    const preview = new ValueStreamPreview(uri, panel, this.extensionUri, this.documents, focus);
    this.previews.set(key, preview);
    panel.onDidDispose(() => {
      preview.dispose();
      if (this.previews.get(key) === preview) this.previews.delete(key);
    });
  }

  /** What the preview of `uri` reports it shows (read by src/testing.ts); undefined when it has none. */
  async inspect(uri: vscode.Uri): Promise<(RenderReport & { readonly updates: number }) | undefined> {
    const preview = this.previews.get(uri.toString());
    if (!preview) return undefined;
    return { ...(await preview.webview.inspect()), updates: preview.updates };
  }

  /** Leaves the panels open: disposing them on shutdown would keep VS Code from restoring them after a reload. */
  dispose(): void {
    for (const preview of this.previews.values()) preview.dispose();
  }
}
