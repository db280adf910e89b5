import * as vscode from 'vscode';
import { DELAYS_MS, DIAGNOSTIC_SEVERITIES, DocumentDebouncer } from '../shared';
import { LineMap } from '../../model/documents';
import { builtInTerms, effectiveTerms, type EffectiveTerms } from '../../model/terms';
import { GLOSSARY_PATH, type GlossaryFinding } from '../../model/glossary';
import { parseGlossary } from '../../model/yamlParsers';

export const GLOSSARY_DIAGNOSTIC_SOURCE = 'SVC glossary';
const GLOSSARY_FOLDER = GLOSSARY_PATH.slice(0, GLOSSARY_PATH.lastIndexOf('/'));
const GLOSSARY_FILE_NAME = GLOSSARY_PATH.slice(GLOSSARY_PATH.lastIndexOf('/') + 1);

interface FolderGlossary {
  readonly folder: vscode.WorkspaceFolder;
  readonly uri: vscode.Uri;
  /** Undefined until the folder's glossary has been read: the built-in terms apply (built on first use, not at activation). */
  terms: EffectiveTerms | undefined;
  /** Bumped on every reload, so a slow read never overwrites a newer one. */
  generation: number;
}

/**
 * One organisation glossary per workspace folder (`.svc/glossary.yaml`), read through `workspace.fs` and
 * read again when the file is created, changed, deleted or edited. Features ask for the terms of a
 * document (its folder's glossary, or the built-in terms) and listen to `onDidChange`.
 */
export class GlossaryService implements vscode.Disposable {
  private readonly folders = new Map<string, FolderGlossary>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('svc-glossary');
  private readonly changeEmitter = new vscode.EventEmitter<vscode.WorkspaceFolder>();
  private readonly edits = new DocumentDebouncer(DELAYS_MS.afterTyping);
  private readonly disposables: vscode.Disposable[] = [];
  private loading: Promise<void>;

  /** Fires with the folder whose glossary changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${GLOSSARY_PATH}`);
    // Deleting or renaming the `.svc` folder may be reported for the folder only, not for the file in it.
    const folderWatcher = vscode.workspace.createFileSystemWatcher(`**/${GLOSSARY_FOLDER}`, true, true, false);
    this.disposables.push(
      watcher,
      folderWatcher,
      watcher.onDidCreate((uri) => this.reloadFile(uri)),
      watcher.onDidChange((uri) => this.reloadFile(uri)),
      watcher.onDidDelete((uri) => this.reloadFile(uri)),
      folderWatcher.onDidDelete((uri) => this.reloadFile(vscode.Uri.joinPath(uri, GLOSSARY_FILE_NAME))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.syncFolders()),
      vscode.workspace.onDidChangeTextDocument((event) => this.edited(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Unsaved edits are gone: the file on disk is the glossary again.
        if (this.glossaryOf(document.uri)) this.reloadFile(document.uri);
      }),
      this.changeEmitter,
      this.diagnostics,
    );
    this.loading = this.syncFolders();
  }

  /** Resolves once every folder's glossary has been read (again, after a change). */
  ready(): Promise<void> {
    return this.loading;
  }

  /** The terms documents at `uri` are read with. */
  termsFor(uri: vscode.Uri): EffectiveTerms {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.folders.get(folder.uri.toString())?.terms) ?? builtInTerms();
  }

  private async syncFolders(): Promise<void> {
    const current = new Set((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString()));
    for (const [key, entry] of this.folders) {
      if (current.has(key)) continue;
      this.folders.delete(key);
      this.diagnostics.delete(entry.uri);
    }
    const loads = (vscode.workspace.workspaceFolders ?? [])
      .filter((folder) => !this.folders.has(folder.uri.toString()))
      .map((folder) => {
        const entry: FolderGlossary = { folder, uri: vscode.Uri.joinPath(folder.uri, GLOSSARY_FOLDER, GLOSSARY_FILE_NAME), terms: undefined, generation: 0 };
        this.folders.set(folder.uri.toString(), entry);
        return this.load(entry);
      });
    this.loading = Promise.all([this.loading, ...loads]).then(() => undefined);
    await this.loading;
  }

  private glossaryOf(uri: vscode.Uri): FolderGlossary | undefined {
    const key = uri.toString();
    return [...this.folders.values()].find((entry) => entry.uri.toString() === key);
  }

  private reloadFile(uri: vscode.Uri): void {
    const entry = this.glossaryOf(uri);
    if (!entry) return;
    this.loading = Promise.all([this.loading, this.load(entry)]).then(() => undefined);
  }

  private edited(document: vscode.TextDocument): void {
    const entry = this.glossaryOf(document.uri);
    if (entry) this.edits.schedule(entry.uri, () => this.reloadFile(document.uri));
  }

  /** Reads the glossary: unsaved edits in an editor win over the file, since they are what the writer sees. */
  private async load(entry: FolderGlossary): Promise<void> {
    const generation = ++entry.generation;
    const text = await this.readText(entry.uri);
    if (generation !== entry.generation || this.folders.get(entry.folder.uri.toString()) !== entry) return;
    if (text === undefined) {
      this.diagnostics.delete(entry.uri);
      this.replaceTerms(entry, builtInTerms());
      return;
    }
    const parsed = parseGlossary(text);
    const lines = new LineMap(text);
    this.diagnostics.set(entry.uri, parsed.findings.map((finding) => toDiagnostic(lines, finding)));
    this.replaceTerms(entry, effectiveTerms(parsed.glossary));
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open && !open.isClosed && open.isDirty) return open.getText();
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // No glossary in this folder (or it cannot be read): the built-in terms apply.
      return undefined;
    }
  }

  private replaceTerms(entry: FolderGlossary, terms: EffectiveTerms): void {
    if ((entry.terms ?? builtInTerms()) === terms) return;
    entry.terms = terms;
    this.changeEmitter.fire(entry.folder);
  }

  dispose(): void {
    this.edits.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function toDiagnostic(lines: LineMap, finding: GlossaryFinding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(positionAt(lines, finding.range.start), positionAt(lines, finding.range.end)), finding.message, DIAGNOSTIC_SEVERITIES[finding.severity]);
  diagnostic.source = GLOSSARY_DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}

/** The position of an offset in a text that has no TextDocument (the glossary is often not open). */
function positionAt(lines: LineMap, offset: number): vscode.Position {
  const { line, character } = lines.positionAt(offset);
  return new vscode.Position(line, character);
}
