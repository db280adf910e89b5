/**
 * The ways into a value-stream preview that the editor shows: a "Preview" CodeLens above each stream (or each
 * ```valuestream block) and the context key behind the editor title button on Markdown documents. They live
 * apart from the preview panels so that showing them never loads the diagram code.
 */
import * as vscode from 'vscode';
import { VALUE_STREAM_LANGUAGE, type ValueStreamDocuments } from './valueStreamDocuments';
import { mayContainValueStream } from '../../model/documents';

const CODE_LENS_SETTING = 'svc.valueStreams.codeLens';
/** Context key for the editor title button on Markdown documents. */
const HAS_BLOCKS_CONTEXT = 'svc.activeEditorHasValueStreams';

export class ValueStreamPreviewLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly codeLensChange = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.codeLensChange.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly documents: ValueStreamDocuments) {
    this.disposables = [
      this.codeLensChange,
      vscode.languages.registerCodeLensProvider([{ language: VALUE_STREAM_LANGUAGE }, { language: 'markdown' }], this),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CODE_LENS_SETTING)) this.codeLensChange.fire();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.updateContext();
      }),
    ];
    this.updateContext();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration().get<boolean>(CODE_LENS_SETTING, true)) return [];
    const source = this.documents.parse(document)?.result;
    const streams = source?.streams ?? [];
    const lens = (offset: number, streamIndex: number | undefined) => {
      const line = document.positionAt(offset).line;
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: vscode.l10n.t('Preview'),
        tooltip: vscode.l10n.t('Open the value-stream preview to the side'),
        command: 'svc.openPreviewToSide',
        arguments: streamIndex === undefined ? [document.uri] : [document.uri, streamIndex],
      });
    };
    if (document.languageId === VALUE_STREAM_LANGUAGE) {
      // Above the `valueStream:` line (a stream's range may start at a comment or at `---`).
      return streams.map((stream, index) => lens(stream.nameRange.end > stream.nameRange.start ? stream.nameRange.start : stream.range.start, index));
    }
    return (source?.sections ?? []).map((section) => {
      const first = streams.findIndex((stream) => stream.range.start >= section.range.start && stream.range.start <= section.range.end);
      return lens(section.range.start, first === -1 ? undefined : first);
    });
  }

  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    const hasBlocks = document?.languageId === 'markdown' && mayContainValueStream(document.getText());
    void vscode.commands.executeCommand('setContext', HAS_BLOCKS_CONTEXT, hasBlocks);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
