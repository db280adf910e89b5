/**
 * SVC: Export Document… from start to end: which Markdown document, which format and appendices (remembered per
 * workspace), where to save it; then the export under a progress notification that can be cancelled, written to
 * a temporary file beside the target and renamed over it, and "Open" / "Reveal" once it is there.
 */
import * as vscode from 'vscode';
import { exportOptionsFrom } from '../../../model/diagrams';
import { documentKind } from '../../../model/documents';
import { APPENDIX_IDS, ExportError, exportDocument, isAppendixId, type AppendixId, type ExportFormat, type ImageFile } from '../../../model/export';
import type { GlossaryService } from '../../glossary';
import { currentEdition } from '../../itil';
import { drawInWebview } from './drawingPanel';

/** What scripts and tests may pass to `svc.exportDocument` to skip the questions. */
export interface ExportCommandOptions {
  readonly format?: ExportFormat;
  readonly appendices?: readonly AppendixId[];
  /** Where to write, as a URI string; the save dialog is skipped. */
  readonly target?: string;
}

export interface ExportOutcome {
  readonly target: string;
  readonly figureCount: number;
  /** Blocks and figures shown as problem boxes. */
  readonly problemCount: number;
  readonly notes: readonly string[];
}

export interface ExportServices {
  readonly extensionUri: vscode.Uri;
  readonly workspaceState: vscode.Memento;
  readonly glossary: GlossaryService;
}

const FORMAT_KEY = 'svc.export.format';
const APPENDICES_KEY = 'svc.export.appendices';

const FILE_EXTENSION: Readonly<Record<ExportFormat, string>> = { docx: 'docx', html: 'html' };

function isMarkdown(document: vscode.TextDocument): boolean {
  return documentKind({ languageId: document.languageId, path: document.uri.path }) === 'markdown';
}

async function documentToExport(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
  return vscode.window.activeTextEditor?.document;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function stem(uri: vscode.Uri): string {
  return fileName(uri).replace(/\.(md|markdown)$/i, '') || 'document';
}

async function pickFormat(state: vscode.Memento): Promise<ExportFormat | undefined> {
  const last = state.get<string>(FORMAT_KEY) === 'html' ? 'html' : 'docx';
  const items: (vscode.QuickPickItem & { format: ExportFormat })[] = [
    { format: 'docx', label: '$(file) ' + vscode.l10n.t('Word document (.docx)'), detail: vscode.l10n.t('Headings in Word styles, figures as images sized to the page') },
    { format: 'html', label: '$(globe) ' + vscode.l10n.t('Web page (.html)'), detail: vscode.l10n.t('One self-contained file: figures as SVG, no script, nothing loaded from the network') },
  ];
  items.sort((a, b) => Number(b.format === last) - Number(a.format === last));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Document (1/2): format'), placeHolder: vscode.l10n.t('Export the document as…') });
  return picked?.format;
}

async function pickAppendices(state: vscode.Memento): Promise<AppendixId[] | undefined> {
  const remembered = new Set(state.get<unknown[]>(APPENDICES_KEY, []).filter(isAppendixId));
  const labels: Record<AppendixId, { label: string; detail: string }> = {
    terms: { label: vscode.l10n.t('ITIL terms used in this document'), detail: vscode.l10n.t('Every activity, practice, concept and glossary term it mentions, with its definition') },
    coverage: { label: vscode.l10n.t('Document coverage'), detail: vscode.l10n.t('The activities and practices it mentions, and the practices it does not name') },
  };
  const items = APPENDIX_IDS.map((id) => ({ id, ...labels[id], picked: remembered.has(id) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export Document (2/2): appendices'),
    placeHolder: vscode.l10n.t('Choose the appendices to add, then press Enter (none is fine)'),
    canPickMany: true,
  });
  return picked?.map((item) => item.id);
}

function askWhereToSave(document: vscode.TextDocument, format: ExportFormat): Thenable<vscode.Uri | undefined> {
  const folder = document.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  const name = `${stem(document.uri)}.${FILE_EXTENSION[format]}`;
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Document'),
    saveLabel: vscode.l10n.t('Export'),
    filters: format === 'docx' ? { [vscode.l10n.t('Word document')]: ['docx'] } : { [vscode.l10n.t('Web page')]: ['html', 'htm'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
}

/** Reads an image of the document; only files next to or below a saved document can be read. */
function imageReader(document: vscode.TextDocument): (path: string) => Promise<ImageFile> {
  return async (path) => {
    if (document.uri.scheme === 'untitled') return { problem: vscode.l10n.t('the document is not saved, so its images cannot be found') };
    try {
      return { bytes: await vscode.workspace.fs.readFile(vscode.Uri.joinPath(document.uri, '..', path)) };
    } catch (error) {
      return { problem: error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? vscode.l10n.t('the file does not exist') : String(error) };
    }
  };
}

/** Writes `bytes` beside `target` first and renames it over the target, so a failure never leaves half a file. */
async function writeWhole(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = target.with({ path: `${target.path}.${Date.now().toString(36)}.svc-export.tmp` });
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}

function summary(outcome: ExportOutcome, target: vscode.Uri): string {
  const where = vscode.workspace.asRelativePath(target);
  if (outcome.problemCount > 0) {
    return vscode.l10n.t('Exported {0} with {1} figure(s). {2} problem(s) kept blocks from being drawn: the document shows them in boxes where the figures would be.', where, outcome.figureCount, outcome.problemCount);
  }
  return vscode.l10n.t('Exported {0} with {1} figure(s).', where, outcome.figureCount);
}

async function offerToOpen(outcome: ExportOutcome, target: vscode.Uri): Promise<void> {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal');
  const message = summary(outcome, target);
  const choice = outcome.problemCount > 0 ? await vscode.window.showWarningMessage(message, open, reveal) : await vscode.window.showInformationMessage(message, open, reveal);
  if (choice === open) await vscode.env.openExternal(target);
  else if (choice === reveal) {
    const desktopFile = target.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
    await vscode.commands.executeCommand(desktopFile ? 'revealFileInOS' : 'revealInExplorer', target);
  }
}

function notesMessage(notes: readonly string[]): string {
  const shown = notes.slice(0, 3).join(' ');
  return notes.length > 3 ? vscode.l10n.t('{0} ({1} more notes.)', shown, notes.length - 3) : shown;
}

/**
 * The options a script passed, checked; anything else is ignored (the Explorer passes its selected files as the
 * second argument).
 */
function commandOptions(value: unknown): ExportCommandOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const given = value as Record<string, unknown>;
  return {
    ...(given.format === 'docx' || given.format === 'html' ? { format: given.format } : {}),
    ...(Array.isArray(given.appendices) ? { appendices: given.appendices.filter(isAppendixId) } : {}),
    ...(typeof given.target === 'string' ? { target: given.target } : {}),
  };
}

/** Runs the command; resolves with what was written, or undefined when the user stopped or it failed (after saying why). */
export async function runDocumentExport(services: ExportServices, resource: unknown, passed?: unknown): Promise<ExportOutcome | undefined> {
  const options = commandOptions(passed);
  const document = await documentToExport(resource);
  if (!document || !isMarkdown(document)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export Document works on a Markdown document: open one, or right-click it in the Explorer.'));
    return undefined;
  }
  const format = options.format ?? (await pickFormat(services.workspaceState));
  if (!format) return undefined;
  const appendices = options.appendices ?? (await pickAppendices(services.workspaceState));
  if (!appendices) return undefined;
  const target = options.target ? vscode.Uri.parse(options.target) : await askWhereToSave(document, format);
  if (!target) return undefined;
  await services.workspaceState.update(FORMAT_KEY, format);
  await services.workspaceState.update(APPENDICES_KEY, appendices);

  const configuration = vscode.workspace.getConfiguration();
  const { theme, pngScale } = exportOptionsFrom(configuration.get('svc.export.theme'), configuration.get('svc.export.pngScale'));
  await services.glossary.ready();
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}', fileName(document.uri)), cancellable: true },
      async (progress, token) => {
        const aborting = new AbortController();
        token.onCancellationRequested(() => aborting.abort(new vscode.CancellationError()));
        let reported = 0;
        const report = (fraction: number, message: string) => {
          progress.report({ increment: Math.max(0, fraction * 100 - reported), message });
          reported = Math.max(reported, fraction * 100);
        };
        const result = await exportDocument({
          markdown: document.getText(),
          format,
          fileName: fileName(document.uri),
          appendices,
          terms: services.glossary.termsFor(document.uri),
          edition: currentEdition(),
          theme,
          pngScale,
          draw: (jobs, drawOptions, onDrawn) => drawInWebview(services.extensionUri, jobs, drawOptions, onDrawn, token),
          readImage: imageReader(document),
          onProgress: (step) => {
            if (step.step === 'drawing') report(0.1 + (0.8 * step.done) / step.total, vscode.l10n.t('Drawing figure {0} of {1}…', Math.min(step.done + 1, step.total), step.total));
            else if (step.step === 'reading') report(0.05, vscode.l10n.t('Reading the document and its images…'));
            else report(0.9, vscode.l10n.t('Writing the file…'));
          },
          signal: aborting.signal,
        });
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        await writeWhole(target, result.bytes);
        return { target: target.toString(), figureCount: result.figureCount, problemCount: result.problems.length, notes: result.notes };
      },
    );
    if (!options.target) void offerToOpen(outcome, target);
    if (outcome.notes.length > 0) void vscode.window.showWarningMessage(notesMessage(outcome.notes));
    return outcome;
  } catch (error) {
    if (error instanceof vscode.CancellationError) return undefined;
    const reason = error instanceof ExportError || error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export {0}: {1}', fileName(document.uri), reason));
    return undefined;
  }
}
