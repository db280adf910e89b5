/** The `svc.terminology` settings as the checker reads them, and the severity they give a finding. */
import * as vscode from 'vscode';
import type { TerminologyFinding } from '../../../model/terms/checker';
import { DIAGNOSTIC_SEVERITIES, isFindingSeverity } from '../../shared';

const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];
/** Default of `svc.terminology.maxFileSize`, in megabytes. */
const DEFAULT_MAX_FILE_SIZE_MB = 16;

export interface TerminologySettings {
  /** Undefined when the checker is off. */
  readonly severity: vscode.DiagnosticSeverity | undefined;
  readonly languages: readonly string[];
  readonly ignore: readonly string[];
  /** Documents longer than this many characters are not checked. */
  readonly maxLength: number;
}

export function readTerminologySettings(): TerminologySettings {
  const configuration = vscode.workspace.getConfiguration('svc.terminology');
  const severity = configuration.get<string>('severity', 'warning');
  const languages = configuration.get<unknown>('languages', DEFAULT_LANGUAGES);
  const ignore = configuration.get<unknown>('ignore', []);
  const maxFileSize = configuration.get<unknown>('maxFileSize', DEFAULT_MAX_FILE_SIZE_MB);
  return {
    severity: severity === 'off' ? undefined : isFindingSeverity(severity) ? DIAGNOSTIC_SEVERITIES[severity] : vscode.DiagnosticSeverity.Warning,
    languages: Array.isArray(languages) ? languages.filter((language): language is string => typeof language === 'string') : DEFAULT_LANGUAGES,
    ignore: Array.isArray(ignore) ? ignore.filter((term): term is string => typeof term === 'string') : [],
    maxLength: (typeof maxFileSize === 'number' && maxFileSize >= 0 ? maxFileSize : DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024,
  };
}

/** Certain findings take the configured severity; likely ones are information at most. */
export function severityOf(finding: TerminologyFinding, settings: TerminologySettings): vscode.DiagnosticSeverity {
  const configured = settings.severity ?? vscode.DiagnosticSeverity.Warning;
  return finding.confidence === 'certain' ? configured : Math.max(configured, vscode.DiagnosticSeverity.Information);
}
