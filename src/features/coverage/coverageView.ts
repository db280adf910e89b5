/**
 * The Document Coverage view: for the active Markdown, plain text or value-stream document, the activities
 * and practices it mentions (count, first mention; selecting one jumps there) and the practices its
 * activities usually involve that it never names, read with the document's glossary. Recomputed on editor
 * switch, when the glossary changes and, debounced, while typing — but only while the view is shown: a hidden
 * view remembers which document it owes and catches up when it is shown again.
 */
import * as vscode from 'vscode';
import { getActivity, type ActivityId, getPractice } from '../../model/itil';
import { documentKind } from '../../model/documents';
import { computeCoverage, type DocumentCoverage, type MentionedItem, type UnmentionedPractice } from '../../model/coverage';
import { cardTooltip } from '../explorer';
import type { GlossaryService } from '../glossary';
import { DELAYS_MS, DocumentDebouncer } from '../shared';

export const COVERAGE_VIEW = 'svc.coverage';
export const REVEAL_MENTION_COMMAND = 'svc.coverage.revealMention';
const HAS_DOCUMENT_CONTEXT = 'svc.coverage.hasDocument';

export type CoverageNode =
  | { readonly kind: 'group'; readonly group: 'activities' | 'practices' | 'unmentioned' }
  | { readonly kind: 'activity'; readonly item: MentionedItem<ActivityId> }
  | { readonly kind: 'practice'; readonly item: MentionedItem }
  | { readonly kind: 'unmentioned'; readonly practice: UnmentionedPractice };

/** What the view shows: the document and its coverage, or nothing when no supported document is active. */
export interface CoverageState {
  readonly document: vscode.TextDocument;
  readonly coverage: DocumentCoverage;
  /** The document version the coverage was computed from. */
  readonly version: number;
}

const GROUPS: readonly CoverageNode[] = [
  { kind: 'group', group: 'activities' },
  { kind: 'group', group: 'practices' },
  { kind: 'group', group: 'unmentioned' },
];

function activityIcon(id: ActivityId): vscode.ThemeIcon {
  return new vscode.ThemeIcon(getActivity(id).icon, new vscode.ThemeColor(getActivity(id).colorId));
}

export class CoverageView implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  readonly view: vscode.TreeView<CoverageNode>;
  private current: CoverageState | undefined;
  /** Set while the view is hidden and something it shows changed: the document to show once it is visible. */
  private owed: { readonly document: vscode.TextDocument | undefined } | undefined;
  private readonly edits = new DocumentDebouncer(DELAYS_MS.afterTyping);
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly glossary: Pick<GlossaryService, 'termsFor' | 'onDidChange'>) {
    this.view = vscode.window.createTreeView(COVERAGE_VIEW, { treeDataProvider: this });
    this.disposables.push(
      this.view,
      this.changed,
      this.view.onDidChangeVisibility(() => {
        if (this.view.visible && this.owed) this.update(this.owed.document);
      }),
      glossary.onDidChange(() => {
        if (this.current && !this.current.document.isClosed) this.update(this.current.document);
      }),
      vscode.commands.registerCommand(REVEAL_MENTION_COMMAND, (uri: unknown, start: unknown, end: unknown) => this.revealMention(uri, start, end)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to a panel or the output leaves no text editor: keep showing the last document. An event
        // can arrive after its editor was closed (reverting an untitled file): a closed document is not shown.
        if (editor && !editor.document.isClosed) this.update(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.current?.document) this.scheduleUpdate(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current?.document) this.update(vscode.window.activeTextEditor?.document);
      }),
    );
    this.update(vscode.window.activeTextEditor?.document);
  }

  /** The document shown and its coverage, as the testing entry (src/testing.ts) shows it to the tests. */
  get state(): CoverageState | undefined {
    return this.current;
  }

  private scheduleUpdate(document: vscode.TextDocument): void {
    this.edits.schedule(document.uri, () => {
      if (!document.isClosed) this.update(document);
    });
  }

  private update(document: vscode.TextDocument | undefined): void {
    this.edits.clear();
    if (!this.view.visible) {
      this.owed = { document };
      return;
    }
    this.owed = undefined;
    if (document?.isClosed) document = vscode.window.activeTextEditor?.document;
    const format = document ? documentKind({ languageId: document.languageId }) : undefined;
    this.current = document && format ? { document, coverage: computeCoverage(document.getText(), { format, terms: this.glossary.termsFor(document.uri) }), version: document.version } : undefined;
    this.view.description = this.current ? vscode.workspace.asRelativePath(this.current.document.uri, false) : undefined;
    void vscode.commands.executeCommand('setContext', HAS_DOCUMENT_CONTEXT, this.current !== undefined);
    this.changed.fire(undefined);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    const coverage = this.current?.coverage;
    if (!coverage) return [];
    if (!node) return [...GROUPS];
    if (node.kind !== 'group') return [];
    switch (node.group) {
      case 'activities':
        return coverage.activities.map((item) => ({ kind: 'activity', item }));
      case 'practices':
        return coverage.practices.map((item) => ({ kind: 'practice', item }));
      case 'unmentioned':
        return coverage.unmentioned.map((practice) => ({ kind: 'unmentioned', practice }));
    }
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return this.groupItem(node.group);
      case 'activity': {
        const item = this.mentionItem(getActivity(node.item.id).name, node.item);
        item.iconPath = activityIcon(node.item.id);
        return item;
      }
      case 'practice': {
        const item = this.mentionItem(getPractice(node.item.id).name, node.item);
        item.iconPath = new vscode.ThemeIcon('tools');
        return item;
      }
      case 'unmentioned': {
        const practice = node.practice;
        const item = new vscode.TreeItem(getPractice(practice.id).name, vscode.TreeItemCollapsibleState.None);
        const activities = practice.activityIds.map((id) => getActivity(id).name).join(', ');
        item.description = practice.key ? vscode.l10n.t('key · {0}', activities) : activities;
        item.iconPath = new vscode.ThemeIcon(practice.key ? 'warning' : 'circle-large-outline', practice.key ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.contextValue = 'svc.coverage.unmentioned';
        item.command = { command: 'svc.openDetails', title: vscode.l10n.t('Open Details'), arguments: [practice.id] };
        return item;
      }
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: CoverageNode): vscode.TreeItem {
    if (node.kind === 'activity') item.tooltip = cardTooltip({ kind: 'activity', id: node.item.id });
    if (node.kind === 'practice' || node.kind === 'unmentioned') {
      item.tooltip = cardTooltip({ kind: 'practice', id: node.kind === 'practice' ? node.item.id : node.practice.id });
    }
    return item;
  }

  private groupItem(group: 'activities' | 'practices' | 'unmentioned'): vscode.TreeItem {
    const coverage = this.current?.coverage;
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    let item: vscode.TreeItem;
    if (group === 'activities') {
      item = new vscode.TreeItem(vscode.l10n.t('Activities'), expanded);
      item.description = `${coverage?.activities.length ?? 0}/${coverage?.activityTotal ?? 0}`;
      item.iconPath = new vscode.ThemeIcon('type-hierarchy');
      item.tooltip = vscode.l10n.t('Value chain activities this document mentions, in value chain order');
    } else if (group === 'practices') {
      item = new vscode.TreeItem(vscode.l10n.t('Practices'), expanded);
      item.description = `${coverage?.practices.length ?? 0}/${coverage?.practiceTotal ?? 0}`;
      item.iconPath = new vscode.ThemeIcon('tools');
      item.tooltip = vscode.l10n.t('Management practices this document mentions, in order of first mention');
    } else {
      item = new vscode.TreeItem(vscode.l10n.t('Not mentioned but usually involved'), expanded);
      item.description = String(coverage?.unmentioned.length ?? 0);
      item.iconPath = new vscode.ThemeIcon('question');
      item.tooltip = vscode.l10n.t('Practices that the mentioned activities usually involve but the document never names; key practices first');
    }
    item.id = `coverage:${group}`;
    item.contextValue = 'svc.coverage.group';
    return item;
  }

  private mentionItem(label: string, mention: MentionedItem): vscode.TreeItem {
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    const document = this.current?.document;
    const line = document ? document.positionAt(mention.first.start).line + 1 : 0;
    item.description = vscode.l10n.t('{0}× · line {1}', mention.count, line);
    item.contextValue = 'svc.coverage.mention';
    if (document) {
      item.command = {
        command: REVEAL_MENTION_COMMAND,
        title: vscode.l10n.t('Go to First Mention'),
        arguments: [document.uri.toString(), mention.first.start, mention.first.end],
      };
    }
    return item;
  }

  /** Selects a mention in its document's editor; the arguments come from a tree item or a test. */
  private async revealMention(uri: unknown, start: unknown, end: unknown): Promise<boolean> {
    if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return false;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  dispose(): void {
    this.edits.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
