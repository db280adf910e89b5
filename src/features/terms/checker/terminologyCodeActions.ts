/** The code actions of terminology findings: each finding's rewrites, an explanation, ignoring the name, and "fix all". */
import * as vscode from 'vscode';
import { fixAllEdits } from '../../../model/checks';
import { getLegacyTerm } from '../../../model/itil';
import { LEGACY_TERM_CODE, type TerminologyFinding } from '../../../model/terms';
import { DIAGNOSTIC_SOURCE, EXPLAIN_TERM_COMMAND, IGNORE_TERM_COMMAND } from '../terminologyCommands';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('svc');

/** The code actions `context` asks for over `range`: quick fixes of the findings it touches, and "fix all". */
export function terminologyCodeActions(
  document: vscode.TextDocument,
  findings: readonly TerminologyFinding[],
  range: vscode.Range,
  context: vscode.CodeActionContext,
): vscode.CodeAction[] {
  const wantsFixAll = context.only ? FIX_ALL_KIND.intersects(context.only) : false;
  const wantsQuickFixes = !context.only || vscode.CodeActionKind.QuickFix.intersects(context.only);
  const actions: vscode.CodeAction[] = [];
  if (wantsQuickFixes) {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const touched = findings.filter((finding) => finding.start <= end && start <= finding.end);
    for (const finding of touched) actions.push(...quickFixes(document, finding, context));
    if (touched.length > 0 && fixAllEdits(findings).length > 1) {
      const fixAll = fixAllAction(document, findings, vscode.CodeActionKind.QuickFix);
      if (fixAll) actions.push(fixAll);
    }
  }
  if (wantsFixAll) {
    const fixAll = fixAllAction(document, findings, FIX_ALL_KIND);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function quickFixes(document: vscode.TextDocument, finding: TerminologyFinding, context: vscode.CodeActionContext): vscode.CodeAction[] {
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

function fixAllAction(document: vscode.TextDocument, findings: readonly TerminologyFinding[], kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
  const edit = fixAllEdit(document, findings);
  if (!edit) return undefined;
  const action = new vscode.CodeAction('Replace all outdated ITIL terms in file', kind);
  action.edit = edit;
  return action;
}

/** The edit "fix all" makes in `document`: undefined when there is nothing it may replace. */
export function fixAllEdit(document: vscode.TextDocument, findings: readonly TerminologyFinding[]): vscode.WorkspaceEdit | undefined {
  const edits = fixAllEdits(findings);
  if (edits.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const { start, end, newText } of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
  }
  return edit;
}
