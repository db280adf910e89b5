/** The editor's severity for each severity of a model finding (value streams, glossary, terminology settings). */
import * as vscode from 'vscode';
import type { FindingSeverity } from '../../model/valueStreams';

export const DIAGNOSTIC_SEVERITIES: Readonly<Record<FindingSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Whether a setting's value names one of the severities. */
export function isFindingSeverity(name: string): name is FindingSeverity {
  return Object.hasOwn(DIAGNOSTIC_SEVERITIES, name);
}
