/**
 * The value streams of the workspace, kept in an index: the value-stream files and the Markdown files with
 * ```valuestream blocks, scanned once on first use; afterwards only the file a watcher event or an edit touched is
 * read and parsed again.
 */
import * as vscode from 'vscode';
import { documentKind } from '../../../model/documents';
import {
  MAX_SOURCE_BYTES,
  ValueStreamIndex,
  looksBinary,
  type IndexedSource,
  holdsValueStreams,
  type ValueStreamSourceKind,
} from '../../../model/valueStreams';
import { DELAYS_MS } from '../../shared';

/** Set once the first scan is done: the welcome ("no value streams yet") must not show while it runs. */
const SCANNED_CONTEXT = 'svc.valueStreams.scanned';
const SOURCE_GLOB = '**/*.{valuestream.yaml,valuestream.yml,md,markdown}';
const VALUE_STREAM_GLOB = '**/*.{valuestream.yaml,valuestream.yml}';
const READ_BATCH = 32;
const MAX_SCANNED_FILES = 20000;
/** Schemes of documents that can be value-stream sources; others (git, output, …) are views of them. */
const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web']);

export class WorkspaceValueStreams implements vscode.Disposable {
  private readonly index = new ValueStreamIndex();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the listing changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly watching: vscode.Disposable[] = [];
  private scan: Promise<void> | undefined;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private processing: Promise<void> = Promise.resolve();

  /** The sources found so far, sorted by URI. */
  get sources(): readonly IndexedSource[] {
    return this.index.list();
  }

  /** Resolves once the first scan and every queued re-read are done (the testing entry waits for it). */
  async settled(): Promise<void> {
    await this.ensureScanned();
    while (this.timer !== undefined || this.pending.size > 0) {
      this.flushSoon(0);
      await this.processing;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await this.processing;
  }

  /** Scans the whole workspace again. */
  async rescan(): Promise<void> {
    this.scan = undefined;
    await this.ensureScanned();
    this.changeEmitter.fire();
  }

  /** Scans the workspace on first call (and starts watching it); later calls wait for that scan. */
  ensureScanned(): Promise<void> {
    if (!this.scan) {
      this.startWatching();
      this.scan = this.scanWorkspace();
    }
    return this.scan;
  }

  private scanMarkdown(): boolean {
    return vscode.workspace.getConfiguration('svc.valueStreams').get<boolean>('scanMarkdown', true);
  }

  private async scanWorkspace(): Promise<void> {
    const index = this.index;
    index.clear();
    if ((vscode.workspace.workspaceFolders?.length ?? 0) > 0) {
      const uris = (await vscode.workspace.findFiles(this.scanMarkdown() ? SOURCE_GLOB : VALUE_STREAM_GLOB, undefined, MAX_SCANNED_FILES)).filter(
        (uri) => !uri.path.includes('/node_modules/'),
      );
      for (let start = 0; start < uris.length; start += READ_BATCH) {
        await Promise.all(uris.slice(start, start + READ_BATCH).map((uri) => this.reindex(uri)));
      }
    }
    for (const document of vscode.workspace.textDocuments) {
      if (this.isSourceDocument(document)) this.reindexDocument(document);
    }
    void vscode.commands.executeCommand('setContext', SCANNED_CONTEXT, true);
  }

  private startWatching(): void {
    if (this.watching.length > 0) return;
    const watcher = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB);
    this.watching.push(
      watcher,
      watcher.onDidCreate((uri) => this.queue(uri)),
      watcher.onDidChange((uri) => this.queue(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isSourceDocument(event.document)) this.queue(event.document.uri);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isSourceDocument(document) && !this.index.has(document.uri.toString())) this.queue(document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!this.isSourceDocument(document)) return;
        // Unsaved edits are gone: fall back to the file on disk, or drop a document that has no file in the workspace.
        if (document.isUntitled || !vscode.workspace.getWorkspaceFolder(document.uri)) this.forget(document.uri);
        else this.queue(document.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('svc.valueStreams.scanMarkdown')) void this.rescan();
      }),
    );
  }

  private kindOf(uri: vscode.Uri, languageId?: string): ValueStreamSourceKind | undefined {
    const kind = documentKind({ languageId, path: uri.path });
    if (!holdsValueStreams(kind) || (kind === 'markdown' && !this.scanMarkdown())) return undefined;
    return kind;
  }

  private isSourceDocument(document: vscode.TextDocument): boolean {
    // A virtual workspace's files have its file system's own scheme: being in a workspace folder is enough.
    const inWorkspace = DOCUMENT_SCHEMES.has(document.uri.scheme) || vscode.workspace.getWorkspaceFolder(document.uri) !== undefined;
    return inWorkspace && this.kindOf(document.uri, document.languageId) !== undefined;
  }

  private queue(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
    this.flushSoon(DELAYS_MS.workspaceEvents);
  }

  private flushSoon(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.processing = this.processing.then(() => this.processPending());
    }, delay);
  }

  private async processPending(): Promise<void> {
    if (!this.scan) {
      this.pending.clear();
      return;
    }
    await this.scan;
    const keys = [...this.pending];
    this.pending.clear();
    const changed = await Promise.all(keys.map((key) => this.reindex(vscode.Uri.parse(key))));
    if (changed.some(Boolean)) this.notifyChanged();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pending.delete(key);
    const removed = this.index.remove(key);
    const removedUnder = this.index.removeUnder(key.endsWith('/') ? key : `${key}/`);
    if (removed || removedUnder.length > 0) this.notifyChanged();
  }

  /**
   * Tells the view to reload, at most once per short window: refreshes that overlap in the workbench (a
   * document opened and closed in quick succession) can make it look for rows that are already gone.
   */
  private notifyChanged(): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.changeEmitter.fire();
    }, DELAYS_MS.viewRefresh);
  }

  /** Reads one source (its open document if there is one) and updates the index; returns whether the listing changed. */
  private async reindex(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (document && !document.isClosed) return this.reindexDocument(document);
    const kind = this.kindOf(uri);
    const text = kind ? await readSourceText(uri) : undefined;
    return this.update(key, kind, text);
  }

  private reindexDocument(document: vscode.TextDocument): boolean {
    return this.update(document.uri.toString(), this.kindOf(document.uri, document.languageId), document.getText());
  }

  private update(key: string, kind: ValueStreamSourceKind | undefined, text: string | undefined): boolean {
    if (!kind || text === undefined) return this.index.remove(key);
    try {
      return this.index.update(key, kind, text);
    } catch (error) {
      // A parser failure on one odd file must not empty the whole view; the file is left out instead.
      console.error(`svc: could not index ${key}:`, error);
      return this.index.remove(key);
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.watching.forEach((disposable) => disposable.dispose());
    this.changeEmitter.dispose();
  }
}

/** The text of a small text file, or undefined for a missing, huge or binary one. */
async function readSourceText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || stat.size > MAX_SOURCE_BYTES) return undefined;
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return looksBinary(text) ? undefined : text;
  } catch {
    return undefined;
  }
}
