import * as vscode from 'vscode';
import { findingDiagnostic, readEditedText, watchSvcFiles } from '../shared';
import type { ConfigService } from '../checks';
import { withConfiguredSeverities } from '../../model/checks';
import { LineMap } from '../../model/documents';
import { builtInTerms, effectiveTerms, type EffectiveTerms } from '../../model/terms';
import { GLOSSARY_PATH, type GlossaryFinding } from '../../model/glossary';
import { parseGlossary } from '../../model/yamlParsers';

export const GLOSSARY_DIAGNOSTIC_SOURCE = 'SVC glossary';

interface FolderGlossary {
  readonly folder: vscode.WorkspaceFolder;
  readonly uri: vscode.Uri;
  /** Undefined until the folder's glossary has been read: the built-in terms apply (built on first use, not at activation). */
  terms: EffectiveTerms | undefined;
  /** The glossary's own problems as read, before the checks configuration sets their severities. */
  problems: { readonly lines: LineMap; readonly findings: readonly GlossaryFinding[] } | undefined;
  /** Bumped on every reload, so a slow read never overwrites a newer one. */
  generation: number;
}

/**
 * One organisation glossary per workspace folder (`.svc/glossary.yaml`), read through `workspace.fs` and
 * read again when the file is created, changed, deleted or edited. Features ask for the terms of a
 * document (its folder's glossary, or the built-in terms) and listen to `onDidChange`. The glossary's own
 * problems are shown in it at the severities the checks configuration gives them.
 */
export class GlossaryService implements vscode.Disposable {
  private readonly folders = new Map<string, FolderGlossary>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('svc-glossary');
  private readonly changeEmitter = new vscode.EventEmitter<vscode.WorkspaceFolder>();
  private readonly disposables: vscode.Disposable[] = [];
  private loading: Promise<void>;

  /** Fires with the folder whose glossary changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly configs: Pick<ConfigService, 'forDocument' | 'onDidChange'>) {
    this.disposables.push(
      watchSvcFiles(GLOSSARY_PATH, (uri) => this.glossaryOf(uri) !== undefined, (uri) => this.reloadFile(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.syncFolders()),
      configs.onDidChange(() => {
        for (const entry of this.folders.values()) this.showProblems(entry);
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
        const entry: FolderGlossary = { folder, uri: vscode.Uri.joinPath(folder.uri, GLOSSARY_PATH), terms: undefined, problems: undefined, generation: 0 };
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

  /** Reads the glossary: unsaved edits in an editor win over the file, since they are what the writer sees. */
  private async load(entry: FolderGlossary): Promise<void> {
    const generation = ++entry.generation;
    // No glossary in this folder (or one that cannot be read): the built-in terms apply.
    const text = await readEditedText(entry.uri);
    if (generation !== entry.generation || this.folders.get(entry.folder.uri.toString()) !== entry) return;
    if (text === undefined) {
      entry.problems = undefined;
      this.showProblems(entry);
      this.replaceTerms(entry, builtInTerms());
      return;
    }
    const parsed = parseGlossary(text);
    entry.problems = { lines: new LineMap(text), findings: parsed.findings };
    this.showProblems(entry);
    this.replaceTerms(entry, effectiveTerms(parsed.glossary));
  }

  private showProblems(entry: FolderGlossary): void {
    if (!entry.problems) {
      this.diagnostics.delete(entry.uri);
      return;
    }
    const { lines, findings } = entry.problems;
    const configured = withConfiguredSeverities(findings, this.configs.forDocument(entry.uri).config);
    this.diagnostics.set(entry.uri, configured.map((finding) => findingDiagnostic(lines, finding, GLOSSARY_DIAGNOSTIC_SOURCE)));
  }

  private replaceTerms(entry: FolderGlossary, terms: EffectiveTerms): void {
    if ((entry.terms ?? builtInTerms()) === terms) return;
    entry.terms = terms;
    this.changeEmitter.fire(entry.folder);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
