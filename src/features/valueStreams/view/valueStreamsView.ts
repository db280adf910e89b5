/**
 * The Value Streams view: the workspace's value-stream files and ```valuestream blocks in Markdown (see
 * workspaceValueStreams.ts), then the seed's examples; selecting a step opens it in its source.
 */
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../../model/cards';
import { getActivity } from '../../../model/itil';
import type { IndexedSource, IndexedStep, IndexedStream } from '../../../model/valueStreams';
import { figuresMarkdown } from '../valueStreamHover';
import { ExampleStreamDocuments } from './exampleStreamDocuments';
import { REVEAL_STEP_COMMAND, revealStep } from './revealStep';
import { WorkspaceValueStreams } from './workspaceValueStreams';

export const VALUE_STREAMS_VIEW = 'svc.valueStreams';

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

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export class ValueStreamsView implements vscode.TreeDataProvider<StreamTreeNode>, vscode.Disposable {
  readonly view: vscode.TreeView<StreamTreeNode>;
  readonly workspace = new WorkspaceValueStreams();
  private readonly examples = new ExampleStreamDocuments();
  private readonly changeEmitter = new vscode.EventEmitter<StreamTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.view = vscode.window.createTreeView(VALUE_STREAMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      this.workspace,
      this.examples,
      this.workspace.onDidChange(() => this.changeEmitter.fire(undefined)),
      vscode.commands.registerCommand(REVEAL_STEP_COMMAND, (target: unknown) => revealStep(target)),
      vscode.commands.registerCommand('svc.valueStreams.refresh', () => this.workspace.rescan()),
    );
  }

  async getChildren(node?: StreamTreeNode): Promise<StreamTreeNode[]> {
    if (!node) {
      await this.workspace.ensureScanned();
      const sources = this.workspace.sources;
      // No workspace streams: an empty tree lets the view's welcome content (New / Open Example) show.
      if (sources.length === 0) return [];
      return [...sources.map((source): StreamTreeNode => ({ kind: 'source', source })), { kind: 'examples' }];
    }
    switch (node.kind) {
      case 'examples':
        return this.examples.sources.flatMap((source) => source.streams.map((stream, index): StreamTreeNode => ({ kind: 'stream', source, stream, index })));
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
    const isExample = node.kind !== 'examples' && this.examples.sources.includes(node.source);
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
        item.description = String(this.examples.sources.length);
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
    const steps = plural(stream.steps.length, 'step', 'steps');
    // The lead time is always the first figure.
    const [leadTime] = stream.metrics.figures;
    item.description = stream.steps.length > 0 && leadTime ? vscode.l10n.t('{0} · lead time {1}', steps, leadTime.value) : steps;
    const tooltip = figuresMarkdown(stream);
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
    const figures = node.stream.metrics.steps[node.index];
    const timing = figures ? `\n${figures.timing}` : '';
    const item = new vscode.TreeItem(step.title || step.id, vscode.TreeItemCollapsibleState.None);
    item.id = `step:${node.source.key}#${node.streamIndex}/${node.index}`;
    if (step.activity) {
      const activity = getActivity(step.activity);
      item.iconPath = new vscode.ThemeIcon(activity.icon, new vscode.ThemeColor(activity.colorId));
      item.description = activity.name;
      item.tooltip = `${step.id} · ${activity.name}${timing}`;
    } else {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.description = step.activityText ? vscode.l10n.t('unknown activity “{0}”', step.activityText) : vscode.l10n.t('no activity');
      item.tooltip = `${step.id} · ${item.description}${timing}`;
    }
    item.contextValue = 'svc.valueStreamStep';
    item.command = { command: REVEAL_STEP_COMMAND, title: vscode.l10n.t('Go to Step in Source'), arguments: [node] };
    return item;
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
