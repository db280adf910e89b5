import * as vscode from 'vscode';
import { configuredSeverity, TERMINOLOGY_SEVERITY, type ConfiguredSeverity } from '../../model/checks';
import { documentKind } from '../../model/documents';
import { DELAYS_MS, DIAGNOSTIC_SEVERITIES, DocumentDebouncer, explicitSetting, isFindingSeverity } from '../shared';
import { LEGACY_TERMS, getLegacyTerm } from '../../model/itil';
import { normalizeForm, type EffectiveTerms, LEGACY_TERM_CODE, findOutdatedTerms, fixAllEdits, type TerminologyFinding } from '../../model/terms';
import type { FindingSeverity } from '../../model/valueStreams';
import type { ConfigService, DocumentConfig } from '../checks';
import type { GlossaryService } from '../glossary';

export const DIAGNOSTIC_SOURCE = 'ITIL 4';
export const FIX_ALL_COMMAND = 'svc.terminology.fixAll';
/** Set once the fix-all command has replaced outdated terms: completes that walkthrough step. */
export const OUTDATED_TERMS_REPLACED_CONTEXT = 'svc.outdatedTermsReplaced';
export const IGNORE_TERM_COMMAND = 'svc.terminology.ignoreTerm';
export const EXPLAIN_TERM_COMMAND = 'svc.terminology.explain';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('svc');

const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];
/** Documents of these schemes are views of other documents (diffs, output), not the writer's text. */
const SKIPPED_SCHEMES = new Set(['git', 'output', 'vscode-scm']);

interface Settings {
  /**
   * `svc.terminology.severity` where a user or workspace sets it: it then decides for every terminology finding, over
   * the checks configuration. Undefined when it is left at its default.
   */
  readonly severity: ConfiguredSeverity | undefined;
  readonly languages: readonly string[];
  readonly ignore: readonly string[];
}

function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration('svc.terminology');
  const severity = explicitSetting<string>('svc.terminology', 'severity');
  const languages = configuration.get<unknown>('languages', DEFAULT_LANGUAGES);
  const ignore = configuration.get<unknown>('ignore', []);
  return {
    severity: severity === undefined ? undefined : severity === 'off' || isFindingSeverity(severity) ? severity : TERMINOLOGY_SEVERITY,
    languages: Array.isArray(languages) ? languages.filter((language): language is string => typeof language === 'string') : DEFAULT_LANGUAGES,
    ignore: Array.isArray(ignore) ? ignore.filter((term): term is string => typeof term === 'string') : [],
  };
}

/** A finding the checker reports, with the severity it is reported at. */
type ReportedFinding = TerminologyFinding & { readonly severity: FindingSeverity };

interface CheckedDocument {
  /** Untitled documents reuse names: the same URI and version may belong to a new document. */
  readonly document: vscode.TextDocument;
  readonly version: number;
  /** The terms the findings were made with: a changed glossary invalidates them. */
  readonly terms: EffectiveTerms;
  readonly findings: readonly TerminologyFinding[];
}

/**
 * Diagnostics on outdated ITIL v3/2011 names and on names the workspace glossary's preferred-term rules
 * flag, in prose, with quick fixes, "fix all" and a workspace ignore list. The checks configuration
 * (`.svc/config.yaml`) sets their severities, switches them off and leaves files out; quick fixes and "fix all"
 * offer only what is reported.
 */
export class TerminologyFeature implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('svc-terminology');
  private readonly edits = new DocumentDebouncer(DELAYS_MS.afterTyping);
  private readonly checked = new Map<string, CheckedDocument>();
  private readonly disposables: vscode.Disposable[] = [];
  private codeActionRegistration: vscode.Disposable | undefined;
  private settings = readSettings();

  constructor(
    private readonly glossary: GlossaryService,
    private readonly configs: Pick<ConfigService, 'forDocument' | 'onDidChange'>,
  ) {
    this.disposables.push(
      glossary.onDidChange((folder) => {
        for (const document of vscode.workspace.textDocuments) {
          if (vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() === folder.uri.toString()) this.check(document);
        }
      }),
      configs.onDidChange(() => {
        for (const document of vscode.workspace.textDocuments) this.check(document);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('svc.terminology')) this.reconfigure();
      }),
      vscode.commands.registerCommand(FIX_ALL_COMMAND, (uri?: vscode.Uri) => this.fixAll(uri)),
      vscode.commands.registerCommand(IGNORE_TERM_COMMAND, (term?: string) => this.ignoreTerm(term)),
      vscode.commands.registerCommand(EXPLAIN_TERM_COMMAND, (uri?: vscode.Uri, offset?: number) => this.explain(uri, offset)),
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
    this.edits.clear();
    this.checked.clear();
    this.diagnostics.clear();
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private applies(document: vscode.TextDocument): boolean {
    return (
      this.settings.severity !== 'off' &&
      this.settings.languages.includes(document.languageId) &&
      !SKIPPED_SCHEMES.has(document.uri.scheme) &&
      !this.configs.forDocument(document.uri).ignored
    );
  }

  /** The severity a finding of `code` is reported at under a document's configuration; undefined when it is off. */
  private severityOf(code: string, config: DocumentConfig): FindingSeverity | undefined {
    const severity = this.settings.severity ?? configuredSeverity(config.config, code, TERMINOLOGY_SEVERITY);
    return severity === 'off' ? undefined : severity;
  }

  /** Checks again once the writer pauses; typing never waits for a check. */
  private schedule(document: vscode.TextDocument): void {
    this.edits.schedule(document.uri, () => this.check(document));
  }

  private check(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    if (!this.applies(document)) {
      this.forget(document.uri);
      return;
    }
    const findings = this.findingsOf(document);
    this.diagnostics.set(document.uri, findings.map((finding) => this.toDiagnostic(document, finding)));
  }

  /** The findings reported in a document that the checker reads. */
  private findingsOf(document: vscode.TextDocument): readonly ReportedFinding[] {
    const config = this.configs.forDocument(document.uri);
    return this.allFindingsOf(document).flatMap((finding) => {
      const severity = this.severityOf(finding.code, config);
      return severity ? [{ ...finding, severity }] : [];
    });
  }

  private allFindingsOf(document: vscode.TextDocument): readonly TerminologyFinding[] {
    const key = document.uri.toString();
    const terms = this.glossary.termsFor(document.uri);
    const cached = this.checked.get(key);
    if (cached && cached.document === document && cached.version === document.version && cached.terms === terms) return cached.findings;
    const findings = findOutdatedTerms(document.getText(), {
      format: documentKind({ languageId: document.languageId }) === 'markdown' ? 'markdown' : 'plaintext',
      ignore: this.settings.ignore,
      terms,
    });
    this.checked.set(key, { document, version: document.version, terms, findings });
    return findings;
  }

  private closed(document: vscode.TextDocument): void {
    this.forget(document.uri);
    // A new document may already have taken the closed one's URI (untitled documents reuse their names).
    const successor = vscode.workspace.textDocuments.find((open) => open !== document && open.uri.toString() === document.uri.toString());
    if (successor) this.check(successor);
  }

  private forget(uri: vscode.Uri): void {
    this.edits.cancel(uri);
    this.checked.delete(uri.toString());
    this.diagnostics.delete(uri);
  }

  private toDiagnostic(document: vscode.TextDocument, finding: ReportedFinding): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, DIAGNOSTIC_SEVERITIES[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = finding.code;
    return diagnostic;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.applies(document)) return [];
    const findings = this.findingsOf(document);
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

  /** Replaces every outdated term that has a safe replacement; returns how many were replaced. */
  private async fixAll(uri?: vscode.Uri): Promise<number> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to replace its outdated ITIL terms.'));
      return 0;
    }
    if (!this.applies(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The ITIL 4 terminology check is off for this document (see the svc.terminology settings and the workspace’s .svc/config.yaml).'));
      return 0;
    }
    const findings = this.findingsOf(document);
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
  private async ignoreTerm(term?: string): Promise<void> {
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
    const inDocument = document && this.applies(document) ? new Set(this.findingsOf(document).flatMap((finding) => (finding.code === LEGACY_TERM_CODE ? [finding.legacyId] : []))) : new Set<string>();
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
  private async explain(uri?: vscode.Uri, offset?: number): Promise<void> {
    if (!(uri instanceof vscode.Uri) || typeof offset !== 'number') return;
    const document = await vscode.workspace.openTextDocument(uri);
    const finding = this.findingsOf(document).find((candidate) => candidate.start <= offset && offset < candidate.end);
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
    this.edits.dispose();
    this.codeActionRegistration?.dispose();
    this.diagnostics.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
