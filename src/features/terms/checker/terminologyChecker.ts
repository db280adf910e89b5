/**
 * The terminology checker in the editor: diagnostics, quick fixes, "fix all", the ignore list and explanations.
 * This is the entry of a lazily loaded folder: TerminologyFeature reaches it through the seam (index.ts), which the
 * Node extension host's build turns into dist/terminologyChecker.js, loaded on the host's first turn after
 * activation with the check itself (model/terms/checker).
 */
import * as vscode from 'vscode';
import { documentKind } from '../../../model/documents';
import { LEGACY_TERMS } from '../../../model/itil';
import { fixAllEdits } from '../../../model/checks';
import { CHECK_SLICE_MS, LEGACY_TERM_CODE, normalizeForm, type EffectiveTerms, type TerminologyFinding } from '../../../model/terms';
import { TerminologyCheck } from '../../../model/terms/checker';
import type { FindingSeverity } from '../../../model/valueStreams';
import type { ConfigService } from '../../checks';
import type { GlossaryService } from '../../glossary';
import { DELAYS_MS, DIAGNOSTIC_SEVERITIES, DocumentDebouncer } from '../../shared';
import { DIAGNOSTIC_SOURCE, OUTDATED_TERMS_REPLACED_CONTEXT } from '../terminologyCommands';
import { FIX_ALL_KIND, fixAllEdit, terminologyCodeActions } from './terminologyCodeActions';
import { readTerminologySettings, severityOf } from './terminologySettings';

/** Documents of these schemes are views of other documents (diffs, output), not the writer's text. */
const SKIPPED_SCHEMES = new Set(['git', 'output', 'vscode-scm']);
/** Findings become diagnostics a batch at a time, so that a long document's many findings never hold the host. */
const DIAGNOSTICS_BATCH = 500;
/** Characters past which copying a document's text is worth a turn of the host of its own. */
const LONG_DOCUMENT = 256 * 1024;

/** A finding as the document's settings and configuration have it reported. */
type ReportedFinding = TerminologyFinding & { readonly severity: FindingSeverity };

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

/** The checker, with its side of the commands TerminologyFeature registers. */
export interface TerminologyChecker extends vscode.Disposable {
  /** Replaces every outdated term that has a safe replacement; returns how many were replaced. */
  fixAll(uri?: vscode.Uri): Promise<number>;
  ignoreTerm(term?: string): Promise<void>;
  explain(uri?: vscode.Uri, offset?: number): Promise<void>;
}

type Configs = Pick<ConfigService, 'forDocument' | 'onDidChange'>;

export function createTerminologyChecker(glossary: GlossaryService, configs: Configs): TerminologyChecker {
  return new TerminologyDiagnostics(glossary, configs);
}

/**
 * Diagnostics on outdated ITIL v3/2011 names and on names the workspace glossary's preferred-term rules
 * flag, in prose, with quick fixes, "fix all" and a workspace ignore list. Certain findings take the configured
 * severity and a preferred quick fix; likely ones are information at most, with fixes offered but none preferred.
 * The checks configuration (`.svc/config.yaml`) sets the severities, switches codes off and leaves files out;
 * quick fixes and "fix all" offer only what is reported.
 */
class TerminologyDiagnostics implements vscode.CodeActionProvider, TerminologyChecker {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('svc-terminology');
  private readonly edits = new DocumentDebouncer(DELAYS_MS.afterTyping);
  private readonly checks = new Map<string, Check>();
  /** Documents already reported as too large, so the message comes once. */
  private readonly reportedTooLarge = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private codeActionRegistration: vscode.Disposable | undefined;
  private settings = readTerminologySettings();

  constructor(
    private readonly glossary: GlossaryService,
    private readonly configs: Configs,
  ) {
    this.disposables.push(
      glossary.onDidChange((folder) => {
        for (const document of vscode.workspace.textDocuments) {
          if (vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() === folder.uri.toString()) this.check(document);
        }
      }),
      // The findings stay; what is reported of them changes.
      configs.onDidChange(() => {
        for (const document of vscode.workspace.textDocuments) this.check(document);
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
    this.settings = readTerminologySettings();
    this.codeActionRegistration?.dispose();
    this.codeActionRegistration = vscode.languages.registerCodeActionsProvider(
      this.settings.languages.map((language) => ({ language })),
      this,
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] },
    );
    this.edits.clear();
    for (const check of this.checks.values()) check.cancellation.cancelled = true;
    this.checks.clear();
    this.reportedTooLarge.clear();
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

  /** The findings of `document` that are reported, each at its severity. */
  private reported(document: vscode.TextDocument, findings: readonly TerminologyFinding[]): ReportedFinding[] {
    const config = this.configs.forDocument(document.uri);
    return findings.flatMap((finding) => {
      const severity = severityOf(finding, this.settings, config);
      return severity ? [{ ...finding, severity }] : [];
    });
  }

  /** Checks again once the writer pauses; typing never waits for a check. */
  private schedule(document: vscode.TextDocument): void {
    this.edits.schedule(document.uri, () => this.check(document));
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
    const reported = this.reported(check.document, findings);
    const diagnostics: vscode.Diagnostic[] = [];
    for (let from = 0; from < reported.length; from += DIAGNOSTICS_BATCH) {
      if (from > 0) {
        await yieldToHost();
        if (!isCurrent()) return;
      }
      for (const finding of reported.slice(from, from + DIAGNOSTICS_BATCH)) diagnostics.push(this.toDiagnostic(check.document, finding));
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
    const format = documentKind({ languageId: document.languageId }) === 'markdown' ? 'markdown' : 'plaintext';
    const model = new TerminologyCheck(text, { format, ignore: this.settings.ignore, terms });
    for (;;) {
      const deadline = performance.now() + CHECK_SLICE_MS;
      if (model.advance(() => performance.now() >= deadline)) return model.findings;
      await yieldToHost();
      if (stale()) return undefined;
    }
  }

  /** The reported findings of the document as it is now, waiting for the check to finish; undefined when it is not checked. */
  private async findingsOf(document: vscode.TextDocument): Promise<readonly ReportedFinding[] | undefined> {
    if (!this.applies(document) || this.isTooLarge(document)) return undefined;
    for (;;) {
      const check = this.checkOf(document);
      const findings = await check.findings;
      if (findings) return this.reported(document, findings);
      if (document.isClosed) return undefined;
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
    this.edits.cancel(uri);
    const check = this.checks.get(key);
    if (check) check.cancellation.cancelled = true;
    this.checks.delete(key);
    this.diagnostics.delete(uri);
  }

  private toDiagnostic(document: vscode.TextDocument, finding: ReportedFinding): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, DIAGNOSTIC_SEVERITIES[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = finding.code;
    return diagnostic;
  }

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const findings = await this.findingsOf(document);
    if (!findings) return [];
    return terminologyCodeActions(document, findings, range, context);
  }

  async fixAll(uri?: vscode.Uri): Promise<number> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to replace its outdated ITIL terms.'));
      return 0;
    }
    if (!this.applies(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The ITIL 4 terminology check is off for this document (see the svc.terminology settings and the workspace’s .svc/config.yaml).'));
      return 0;
    }
    const findings = (await this.findingsOf(document)) ?? [];
    const edit = fixAllEdit(document, findings);
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
    this.edits.dispose();
    for (const check of this.checks.values()) check.cancellation.cancelled = true;
    this.codeActionRegistration?.dispose();
    this.diagnostics.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
