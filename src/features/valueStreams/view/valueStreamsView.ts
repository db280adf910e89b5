import * as vscode from 'vscode';
import { getActivity } from '../../../model/itil/activities';
import { escapeMarkdown } from '../../../model/cards';
import { EXAMPLE_STREAMS } from '../../../model/itil/exampleStreams';
import {
  MAX_SOURCE_BYTES,
  ValueStreamIndex,
  indexSource,
  looksBinary,
  type IndexedSource,
  type IndexedStep,
  type IndexedStream,
} from '../../../model/valueStreams/valueStreamIndex';
import { documentKind } from '../../../model/documents/documentKind';
import type { SourcePosition } from '../../../model/documents/lineMap';
import { holdsValueStreams, readValueStreams, type ValueStreamSourceKind } from '../../../model/valueStreams/valueStreamSources';

export const VALUE_STREAMS_VIEW = 'svc.valueStreams';
/** Read-only documents holding the seed's example streams, so their steps can be opened like files. */
export const EXAMPLE_SCHEME = 'svc-example-stream';

/** Set once the first scan is done: the welcome ("no value streams yet") must not show while it runs. */
const SCANNED_CONTEXT = 'svc.valueStreams.scanned';
const SOURCE_GLOB = '**/*.{valuestream.yaml,valuestream.yml,md,markdown}';
const VALUE_STREAM_GLOB = '**/*.{valuestream.yaml,valuestream.yml}';
/** Edits and file events arriving within this window are handled together. */
const DEBOUNCE_MS = 250;
/** Tree reloads caused by file and document events are merged within this window. */
const REFRESH_COALESCE_MS = 150;
const READ_BATCH = 32;
const MAX_SCANNED_FILES = 20000;
/** Schemes of documents that can be value-stream sources; others (git, output, …) are views of them. */
const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web']);

export type StreamTreeNode =
  | { readonly kind: 'examples' }
  | { readonly kind: 'source'; readonly source: IndexedSource }
  | { readonly kind: 'stream'; readonly source: IndexedSource; readonly stream: IndexedStream; readonly index: number }
  | {
      readonly kind: 'step';
      readonly source: IndexedSource;
      readonly stream: IndexedStream;
      readonly streamIndex: number;
      readonly step: IndexedStep;
      readonly index: number;
    };

function exampleUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EXAMPLE_SCHEME, path: `/${id}.valuestream.yaml` });
}

function buildExamples(): IndexedSource[] {
  return EXAMPLE_STREAMS.flatMap((example) => indexSource(exampleUri(example.id).toString(), 'valuestream', example.source, readValueStreams) ?? []);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The Value Streams view: the workspace's value-stream files and ```valuestream blocks in Markdown, then the
 * seed's examples. The workspace is scanned once, when the view is first shown; afterwards only the file a
 * watcher event or an edit touched is read and parsed again.
 */
export class ValueStreamsView implements vscode.TreeDataProvider<StreamTreeNode>, vscode.Disposable {
  readonly view: vscode.TreeView<StreamTreeNode>;
  private readonly index = new ValueStreamIndex();
  private exampleSources: IndexedSource[] | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<StreamTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watching: vscode.Disposable[] = [];
  private scan: Promise<void> | undefined;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private processing: Promise<void> = Promise.resolve();

  constructor() {
    this.view = vscode.window.createTreeView(VALUE_STREAMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      vscode.workspace.registerTextDocumentContentProvider(EXAMPLE_SCHEME, {
        provideTextDocumentContent: (uri) => EXAMPLE_STREAMS.find((example) => exampleUri(example.id).path === uri.path)?.source ?? '',
      }),
      vscode.commands.registerCommand('svc.revealStep', (target: unknown) => this.revealStep(target)),
      vscode.commands.registerCommand('svc.valueStreams.refresh', () => this.refresh()),
    );
  }

  /** The seed's examples, parsed when first shown rather than at activation. */
  private get examples(): IndexedSource[] {
    this.exampleSources ??= buildExamples();
    return this.exampleSources;
  }

  /** Resolves once the first scan and every queued re-read are done: for tests and the refresh command. */
  async settled(): Promise<void> {
    await this.ensureScanned();
    while (this.timer !== undefined || this.pending.size > 0) {
      this.flushSoon(0);
      await this.processing;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await this.processing;
  }

  async refresh(): Promise<void> {
    this.scan = undefined;
    await this.ensureScanned();
    this.changeEmitter.fire(undefined);
  }

  /** Streams listed from the workspace, without the examples. */
  get workspaceSources(): readonly IndexedSource[] {
    return this.index.list();
  }

  async getChildren(node?: StreamTreeNode): Promise<StreamTreeNode[]> {
    if (!node) {
      await this.ensureScanned();
      const sources = this.index.list();
      // No workspace streams: an empty tree lets the view's welcome content (New / Open Example) show.
      if (sources.length === 0) return [];
      return [...sources.map((source): StreamTreeNode => ({ kind: 'source', source })), { kind: 'examples' }];
    }
    switch (node.kind) {
      case 'examples':
        return this.examples.flatMap((source) => source.streams.map((stream, index): StreamTreeNode => ({ kind: 'stream', source, stream, index })));
      case 'source':
        return node.source.streams.map((stream, index) => ({ kind: 'stream', source: node.source, stream, index }));
      case 'stream':
        return node.stream.steps.map((step, index) => ({
          kind: 'step',
          source: node.source,
          stream: node.stream,
          streamIndex: node.index,
          step,
          index,
        }));
      case 'step':
        return [];
    }
  }

  getParent(node: StreamTreeNode): StreamTreeNode | undefined {
    const isExample = node.kind !== 'examples' && this.examples.includes(node.source);
    switch (node.kind) {
      case 'examples':
      case 'source':
        return undefined;
      case 'stream':
        return isExample ? { kind: 'examples' } : { kind: 'source', source: node.source };
      case 'step':
        return { kind: 'stream', source: node.source, stream: node.stream, index: node.streamIndex };
    }
  }

  getTreeItem(node: StreamTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'examples': {
        const item = new vscode.TreeItem(vscode.l10n.t('ITIL 4 examples'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'examples';
        item.iconPath = new vscode.ThemeIcon('book');
        item.description = String(this.examples.length);
        item.contextValue = 'svc.valueStreamExamples';
        return item;
      }
      case 'source':
        return this.sourceItem(node.source);
      case 'stream':
        return this.streamItem(node.source, node.stream, node.index);
      case 'step':
        return this.stepItem(node);
    }
  }

  private sourceItem(source: IndexedSource): vscode.TreeItem {
    const uri = vscode.Uri.parse(source.key);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `source:${source.key}`;
    // Collapsible items with a resource would get a folder icon; this one is a file.
    item.iconPath = vscode.ThemeIcon.File;
    const shownPath = vscode.workspace.getWorkspaceFolder(uri)
      ? vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1)
      : uri.scheme === 'file'
        ? uri.fsPath
        : uri.toString(true);
    const directory = shownPath.includes('/') ? shownPath.slice(0, shownPath.lastIndexOf('/')) : '';
    const problems = [
      source.errorCount > 0 ? plural(source.errorCount, 'error', 'errors') : '',
      source.warningCount > 0 ? plural(source.warningCount, 'warning', 'warnings') : '',
    ].filter(Boolean);
    item.description = [directory, ...problems].filter(Boolean).join(' · ');
    item.tooltip = `${shownPath}\n${plural(source.streams.length, 'value stream', 'value streams')}${problems.length > 0 ? ` · ${problems.join(', ')}` : ''}`;
    item.contextValue = 'svc.valueStreamSource';
    if (source.streams.length === 0) item.collapsibleState = vscode.TreeItemCollapsibleState.None;
    return item;
  }

  private streamItem(source: IndexedSource, stream: IndexedStream, index: number): vscode.TreeItem {
    const state = stream.steps.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(stream.name || vscode.l10n.t('(unnamed value stream)'), state);
    item.id = `stream:${source.key}#${index}`;
    item.iconPath = new vscode.ThemeIcon('list-ordered');
    item.description = plural(stream.steps.length, 'step', 'steps');
    const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(stream.name)}**`);
    for (const [label, text] of [
      ['', stream.description],
      ['Trigger', stream.trigger],
      ['Outcome', stream.outcome],
    ] as const) {
      if (text) tooltip.appendMarkdown(`\n\n${label ? `*${label}:* ` : ''}${escapeMarkdown(text)}`);
    }
    item.tooltip = tooltip;
    item.contextValue = 'svc.valueStream';
    return item;
  }

  private stepItem(node: Extract<StreamTreeNode, { kind: 'step' }>): vscode.TreeItem {
    const { step } = node;
    const item = new vscode.TreeItem(step.title || step.id, vscode.TreeItemCollapsibleState.None);
    item.id = `step:${node.source.key}#${node.streamIndex}/${node.index}`;
    if (step.activity) {
      const activity = getActivity(step.activity);
      item.iconPath = new vscode.ThemeIcon(activity.icon, new vscode.ThemeColor(activity.colorId));
      item.description = activity.name;
      item.tooltip = `${step.id} · ${activity.name}`;
    } else {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.description = step.activityText ? vscode.l10n.t('unknown activity “{0}”', step.activityText) : vscode.l10n.t('no activity');
      item.tooltip = `${step.id} · ${item.description}`;
    }
    item.contextValue = 'svc.valueStreamStep';
    item.command = { command: 'svc.revealStep', title: vscode.l10n.t('Go to Step in Source'), arguments: [node] };
    return item;
  }

  private async revealStep(target: unknown): Promise<vscode.TextEditor | undefined> {
    const location = this.locationOf(target);
    if (!location) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Select a value-stream step in the Value Streams view to open it in its source.'));
      return undefined;
    }
    const position = new vscode.Position(location.position.line, location.position.character);
    try {
      // Focus stays in the tree, so a consultant can walk through the steps with the keyboard.
      return await vscode.window.showTextDocument(location.uri, { selection: new vscode.Range(position, position), preview: true, preserveFocus: true });
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', location.uri.toString(true), String(error)));
      return undefined;
    }
  }

  private locationOf(target: unknown): { uri: vscode.Uri; position: SourcePosition } | undefined {
    if (typeof target !== 'object' || target === null) return undefined;
    const candidate = target as Partial<StreamTreeNode> & { uri?: unknown; line?: unknown; character?: unknown };
    if (candidate.kind === 'step' && candidate.source && candidate.step) {
      return { uri: vscode.Uri.parse(candidate.source.key), position: candidate.step.position };
    }
    if (candidate.kind === 'stream' && candidate.source && candidate.stream) {
      return { uri: vscode.Uri.parse(candidate.source.key), position: candidate.stream.position };
    }
    if (typeof candidate.uri === 'string' && typeof candidate.line === 'number' && candidate.line >= 0) {
      const character = typeof candidate.character === 'number' && candidate.character >= 0 ? candidate.character : 0;
      return { uri: vscode.Uri.parse(candidate.uri), position: { line: candidate.line, character } };
    }
    return undefined;
  }

  private ensureScanned(): Promise<void> {
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
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('svc.valueStreams.scanMarkdown')) void this.refresh();
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
    this.flushSoon(DEBOUNCE_MS);
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
      this.changeEmitter.fire(undefined);
    }, REFRESH_COALESCE_MS);
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
    this.disposables.forEach((disposable) => disposable.dispose());
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
