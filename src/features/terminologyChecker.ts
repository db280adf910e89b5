/**
 * The terminology checker in the editor: diagnostics, quick fixes, "fix all", the ignore list and explanations.
 * The web bundle includes it directly; in the Node extension host's bundle (`main`) esbuild.mjs puts
 * terminologyChecker.node.ts in this module's place, which loads it (with the check itself) from
 * dist/terminologyChecker.js on the host's first turn after activation, so that activation neither loads nor
 * pays for it. TerminologyFeature (terminology.ts) registers the commands at activation and hands them over.
 */
import * as vscode from 'vscode';
import type { EffectiveTerms } from '../model/effectiveTerms';
import { LEGACY_TERMS, getLegacyTerm } from '../model/legacyTerms';
import { normalizeForm } from '../model/termMatcher';
import { CHECK_SLICE_MS, LEGACY_TERM_CODE, TerminologyCheck, fixAllEdits, type TerminologyFinding } from '../model/terminology';
import type { GlossaryService } from './glossary';
import { DIAGNOSTIC_SOURCE, EXPLAIN_TERM_COMMAND, IGNORE_TERM_COMMAND, OUTDATED_TERMS_REPLACED_CONTEXT } from './terminologyCommands';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('svc');

const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];
/** Pause after the last keystroke before a document is checked again. */
const TYPING_DELAY_MS = 300;
/** Documents of these schemes are views of other documents (diffs, output), not the writer's text. */
const SKIPPED_SCHEMES = new Set(['git', 'output', 'vscode-scm']);
/** Default of `svc.terminology.maxFileSize`, in megabytes. */
const DEFAULT_MAX_FILE_SIZE_MB = 16;
/** Findings become diagnostics a batch at a time, so that a long document's many findings never hold the host. */
const DIAGNOSTICS_BATCH = 500;
/** Characters past which copying a document's text is worth a turn of the host of its own. */
const LONG_DOCUMENT = 256 * 1024;

const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

interface Settings {
  /** Undefined when the checker is off. */
  readonly severity: vscode.DiagnosticSeverity | undefined;
  readonly languages: readonly string[];
  readonly ignore: readonly string[];
  /** Documents longer than this many characters are not checked. */
  readonly maxLength: number;
}

function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration('svc.terminology');
  const severity = configuration.get<string>('severity', 'warning');
  const languages = configuration.get<unknown>('languages', DEFAULT_LANGUAGES);
  const ignore = configuration.get<unknown>('ignore', []);
  const maxFileSize = configuration.get<unknown>('maxFileSize', DEFAULT_MAX_FILE_SIZE_MB);
  return {
    severity: severity === 'off' ? undefined : (SEVERITIES[severity] ?? vscode.DiagnosticSeverity.Warning),
    languages: Array.isArray(languages) ? languages.filter((language): language is string => typeof language === 'string') : DEFAULT_LANGUAGES,
    ignore: Array.isArray(ignore) ? ignore.filter((term): term is string => typeof term === 'string') : [],
    maxLength: (typeof maxFileSize === 'number' && maxFileSize >= 0 ? maxFileSize : DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024,
  };
}

/** The check of one version of a document with one set of terms, running or done. */
interface Check {
  /** Untitled documents reuse names: the same URI and version may belong to a new document. */
  readonly document: vscode.TextDocument;
  readonly version: number;
  /** The terms the findings are made with: a changed glossary invalidates them. */
  readonly terms: EffectiveTerms;
  /** The findings once the whole document is read; undefined when the check was given up (a newer version came). */
  readonly findings: Promise<readonly TerminologyFinding[] | undefined>;
  /** Set when a newer check takes over or the document leaves. */
  readonly cancellation: { cancelled: boolean };
}

/** Lets the extension host run other work (typing, hovers, other extensions) before the check goes on. */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The length of a document without copying its text. */
function lengthOf(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/** The checker's side of the commands TerminologyFeature registers. */
export interface TerminologyCommands {
  /** Replaces every outdated term that has a safe replacement; returns how many were replaced. */
  fixAll(uri?: vscode.Uri): Promise<number>;
  ignoreTerm(term?: string): Promise<void>;
  explain(uri?: vscode.Uri, offset?: number): Promise<void>;
}

export function createTerminologyChecker(glossary: GlossaryService): TerminologyCommands & vscode.Disposable {
  return new TerminologyChecker(glossary);
}

/**
 * Diagnostics on outdated ITIL v3/2011 names and on names the workspace glossary's preferred-term rules
 * flag, in prose, with quick fixes, "fix all" and a workspace ignore list. Certain findings take the configured
 * severity and a preferred quick fix; likely ones are information at most, with fixes offered but none preferred.
 */
class TerminologyChecker implements vscode.CodeActionProvider, TerminologyCommands, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('svc-terminology');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly checks = new Map<string, Check>();
  /** Documents already reported as too large, so the message comes once. */
  private readonly reportedTooLarge = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private codeActionRegistration: vscode.Disposable | undefined;
  private settings = readSettings();

  constructor(private readonly glossary: GlossaryService) {
    this.disposables.push(
      glossary.onDidChange((folder) => {
        for (const document of vscode.workspace.textDocuments) {
          if (vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() === folder.uri.toString()) this.check(document);
        }
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('svc.terminology')) this.reconfigure();
      }),
    );
    this.reconfigure();
  }

  private reconfigure(): void {
    this.settings = readSettings();
    this.codeActionRegistration?.dispose();
    this.codeActionRegistration = vscode.languages.registerCodeActionsProvider(
      this.settings.languages.map((language) => ({ language })),
      this,
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] },
    );
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const check of this.checks.values()) check.cancellation.cancelled = true;
    this.checks.clear();
    this.reportedTooLarge.clear();
    this.diagnostics.clear();
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private applies(document: vscode.TextDocument): boolean {
    return this.settings.severity !== undefined && this.settings.languages.includes(document.languageId) && !SKIPPED_SCHEMES.has(document.uri.scheme);
  }

  /** Checks again once the writer pauses; typing never waits for a check. */
  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.check(document);
      }, TYPING_DELAY_MS),
    );
  }

  private check(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    if (!this.applies(document) || this.isTooLarge(document)) {
      this.forget(document.uri);
      return;
    }
    const check = this.checkOf(document);
    void check.findings.then((findings) => this.publish(check, findings));
  }

  /** Turns findings into diagnostics, a batch at a time, unless a newer check has taken over. */
  private async publish(check: Check, findings: readonly TerminologyFinding[] | undefined): Promise<void> {
    const isCurrent = (): boolean => !check.cancellation.cancelled && this.checks.get(check.document.uri.toString()) === check;
    if (!findings || !isCurrent()) return;
    const diagnostics: vscode.Diagnostic[] = [];
    for (let from = 0; from < findings.length; from += DIAGNOSTICS_BATCH) {
      if (from > 0) {
        await yieldToHost();
        if (!isCurrent()) return;
      }
      for (const finding of findings.slice(from, from + DIAGNOSTICS_BATCH)) diagnostics.push(this.toDiagnostic(check.document, finding));
    }
    this.diagnostics.set(check.document.uri, diagnostics);
  }

  /** The check of the document's current version with its current terms: the one running or done, or a new one. */
  private checkOf(document: vscode.TextDocument): Check {
    const key = document.uri.toString();
    const terms = this.glossary.termsFor(document.uri);
    const current = this.checks.get(key);
    if (current && !current.cancellation.cancelled && current.document === document && current.version === document.version && current.terms === terms) return current;
    if (current) current.cancellation.cancelled = true;
    const cancellation = { cancelled: false };
    const check: Check = { document, version: document.version, terms, cancellation, findings: this.run(document, terms, cancellation) };
    this.checks.set(key, check);
    return check;
  }

  /**
   * Reads the document a slice at a time, letting the host breathe between slices, and gives up as soon as the
   * document changes: a newer check will follow. A short document is read in one go, before this returns.
   */
  private async run(document: vscode.TextDocument, terms: EffectiveTerms, cancellation: { readonly cancelled: boolean }): Promise<readonly TerminologyFinding[] | undefined> {
    const version = document.version;
    const stale = (): boolean => cancellation.cancelled || document.isClosed || document.version !== version;
    const text = document.getText();
    // Copying a long document's text is a piece of work of its own: the check starts after the host had a turn.
    if (text.length > LONG_DOCUMENT) {
      await yieldToHost();
      if (stale()) return undefined;
    }
    const model = new TerminologyCheck(text, { format: document.languageId === 'markdown' ? 'markdown' : 'plaintext', ignore: this.settings.ignore, terms });
    for (;;) {
      const deadline = performance.now() + CHECK_SLICE_MS;
      if (model.advance(() => performance.now() >= deadline)) return model.findings;
      await yieldToHost();
      if (stale()) return undefined;
    }
  }

  /** The findings of the document as it is now, waiting for the check to finish; undefined when it is not checked. */
  private async findingsOf(document: vscode.TextDocument): Promise<readonly TerminologyFinding[] | undefined> {
    if (!this.applies(document) || this.isTooLarge(document)) return undefined;
    for (;;) {
      const check = this.checkOf(document);
      const findings = await check.findings;
      if (findings || document.isClosed) return findings;
    }
  }

  /** Whether the document is over `svc.terminology.maxFileSize`; says so once per document. */
  private isTooLarge(document: vscode.TextDocument): boolean {
    const length = lengthOf(document);
    if (length <= this.settings.maxLength) return false;
    const key = document.uri.toString();
    if (!this.reportedTooLarge.has(key)) {
      this.reportedTooLarge.add(key);
      const megabytes = (length / 1024 / 1024).toFixed(1);
      const change = vscode.l10n.t('Change the Limit');
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('{0} is {1} MB, over svc.terminology.maxFileSize: outdated ITIL terms are not checked in it.', vscode.workspace.asRelativePath(document.uri), megabytes),
          change,
        )
        .then((choice) => choice === change && vscode.commands.executeCommand('workbench.action.openSettings', 'svc.terminology.maxFileSize'));
    }
    return true;
  }

  private closed(document: vscode.TextDocument): void {
    this.forget(document.uri);
    // A new document may already have taken the closed one's URI (untitled documents reuse their names).
    const successor = vscode.workspace.textDocuments.find((open) => open !== document && open.uri.toString() === document.uri.toString());
    if (successor) this.check(successor);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    const check = this.checks.get(key);
    if (check) check.cancellation.cancelled = true;
    this.checks.delete(key);
    this.diagnostics.delete(uri);
  }

  private toDiagnostic(document: vscode.TextDocument, finding: TerminologyFinding): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, this.severityOf(finding));
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = finding.code;
    return diagnostic;
  }

  /** Certain findings take the configured severity; likely ones are information at most. */
  private severityOf(finding: TerminologyFinding): vscode.DiagnosticSeverity {
    const configured = this.settings.severity ?? vscode.DiagnosticSeverity.Warning;
    return finding.confidence === 'certain' ? configured : Math.max(configured, vscode.DiagnosticSeverity.Information);
  }

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const findings = await this.findingsOf(document);
    if (!findings) return [];
    const wantsFixAll = context.only ? FIX_ALL_KIND.intersects(context.only) : false;
    const wantsQuickFixes = !context.only || vscode.CodeActionKind.QuickFix.intersects(context.only);
    const actions: vscode.CodeAction[] = [];
    if (wantsQuickFixes) {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const touched = findings.filter((finding) => finding.start <= end && start <= finding.end);
      for (const finding of touched) {
        actions.push(...this.quickFixes(document, finding, context));
      }
      if (touched.length > 0 && fixAllEdits(findings).length > 1) {
        const fixAll = this.fixAllAction(document, findings, vscode.CodeActionKind.QuickFix);
        if (fixAll) actions.push(fixAll);
      }
    }
    if (wantsFixAll) {
      const fixAll = this.fixAllAction(document, findings, FIX_ALL_KIND);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private quickFixes(document: vscode.TextDocument, finding: TerminologyFinding, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostics = context.diagnostics.filter(
      (diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === finding.code && diagnostic.range.isEqual(range),
    );
    const actions: vscode.CodeAction[] = [];
    for (const fix of finding.fixes) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, range, fix.newText);
      action.isPreferred = fix.preferred;
      action.diagnostics = diagnostics;
      actions.push(action);
    }
    if (finding.code === LEGACY_TERM_CODE && finding.mapping === 'absorbed') {
      const explain = new vscode.CodeAction(`Show what ITIL 4 says instead of “${finding.written}”`, vscode.CodeActionKind.QuickFix);
      explain.command = { title: explain.title, command: EXPLAIN_TERM_COMMAND, arguments: [document.uri, finding.start] };
      explain.diagnostics = diagnostics;
      actions.push(explain);
    }
    const ignoredName = finding.code === LEGACY_TERM_CODE ? getLegacyTerm(finding.legacyId).term : finding.written;
    const ignore = new vscode.CodeAction(`Ignore “${ignoredName}” in this workspace`, vscode.CodeActionKind.QuickFix);
    ignore.command = { title: ignore.title, command: IGNORE_TERM_COMMAND, arguments: [ignoredName] };
    ignore.diagnostics = diagnostics;
    actions.push(ignore);
    return actions;
  }

  private fixAllAction(document: vscode.TextDocument, findings: readonly TerminologyFinding[], kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
    const edit = this.fixAllEdit(document, findings);
    if (!edit) return undefined;
    const action = new vscode.CodeAction('Replace all outdated ITIL terms in file', kind);
    action.edit = edit;
    return action;
  }

  private fixAllEdit(document: vscode.TextDocument, findings: readonly TerminologyFinding[]): vscode.WorkspaceEdit | undefined {
    const edits = fixAllEdits(findings);
    if (edits.length === 0) return undefined;
    const edit = new vscode.WorkspaceEdit();
    for (const { start, end, newText } of edits) {
      edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
    }
    return edit;
  }

  async fixAll(uri?: vscode.Uri): Promise<number> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to replace its outdated ITIL terms.'));
      return 0;
    }
    if (!this.applies(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The ITIL 4 terminology check is off for this document (see the svc.terminology settings).'));
      return 0;
    }
    const findings = (await this.findingsOf(document)) ?? [];
    const edit = this.fixAllEdit(document, findings);
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No outdated ITIL term with an ITIL 4 replacement in this file.'));
      return 0;
    }
    const count = fixAllEdits(findings).length;
    if (!(await vscode.workspace.applyEdit(edit))) return 0;
    void vscode.commands.executeCommand('setContext', OUTDATED_TERMS_REPLACED_CONTEXT, true);
    return count;
  }

  /** Adds a term to `svc.terminology.ignore` in the workspace (user settings when no folder is open). */
  async ignoreTerm(term?: string): Promise<void> {
    const chosen = term ?? (await this.pickTermToIgnore());
    if (!chosen) return;
    const configuration = vscode.workspace.getConfiguration('svc.terminology');
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const inspected = configuration.inspect<string[]>('ignore');
    const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
    if (current.some((existing) => normalizeForm(existing) === normalizeForm(chosen))) return;
    await configuration.update('ignore', [...current, chosen], target);
  }

  private async pickTermToIgnore(): Promise<string | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    const findings = document ? ((await this.findingsOf(document)) ?? []) : [];
    const inDocument = new Set(findings.flatMap((finding) => (finding.code === LEGACY_TERM_CODE ? [finding.legacyId] : [])));
    const items = LEGACY_TERMS.map((legacy) => ({
      label: legacy.term,
      description: inDocument.has(legacy.id) ? 'in this file' : undefined,
    })).sort((a, b) => Number(Boolean(b.description)) - Number(Boolean(a.description)));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Outdated ITIL term to accept in this workspace') });
    return picked?.label;
  }

  /**
   * Explains an absorbed term: its hover card where hovers are on for the document, otherwise the same
   * advice in a message.
   */
  async explain(uri?: vscode.Uri, offset?: number): Promise<void> {
    if (!(uri instanceof vscode.Uri) || typeof offset !== 'number') return;
    const document = await vscode.workspace.openTextDocument(uri);
    const finding = (await this.findingsOf(document))?.find((candidate) => candidate.start <= offset && offset < candidate.end);
    if (!finding) return;
    const hover = vscode.workspace.getConfiguration('svc.hover');
    if (hover.get<boolean>('enabled', true) && (hover.get<string[]>('languages') ?? []).includes(document.languageId)) {
      const editor = await vscode.window.showTextDocument(document);
      const position = document.positionAt(offset);
      editor.selection = new vscode.Selection(position, position);
      await vscode.commands.executeCommand('editor.action.showHover');
    } else {
      void vscode.window.showInformationMessage(finding.message);
    }
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const check of this.checks.values()) check.cancellation.cancelled = true;
    this.codeActionRegistration?.dispose();
    this.diagnostics.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
