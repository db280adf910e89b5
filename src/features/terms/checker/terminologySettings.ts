/**
 * The `svc.terminology` settings as the checker reads them, and the severity a finding is reported at: the
 * setting where a user or workspace sets it, else the checks configuration (`.svc/config.yaml`) of the document,
 * else the terminology default; a likely finding is information at most (model/checks decides).
 */
import * as vscode from 'vscode';
import { configuredSeverity, reportedSeverity, TERMINOLOGY_SEVERITY, type ConfiguredSeverity } from '../../../model/checks';
import type { TerminologyFinding } from '../../../model/terms';
import type { FindingSeverity } from '../../../model/valueStreams';
import type { DocumentConfig } from '../../checks';
import { explicitSetting, isFindingSeverity } from '../../shared';

const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];
/** Default of `svc.terminology.maxFileSize`, in megabytes. */
const DEFAULT_MAX_FILE_SIZE_MB = 16;

export interface TerminologySettings {
  /**
   * `svc.terminology.severity` where a user or workspace sets it: it then decides for every terminology finding,
   * over the checks configuration. Undefined when it is left at its default.
   */
  readonly severity: ConfiguredSeverity | undefined;
  readonly languages: readonly string[];
  readonly ignore: readonly string[];
  /** Documents longer than this many characters are not checked. */
  readonly maxLength: number;
}

export function readTerminologySettings(): TerminologySettings {
  const configuration = vscode.workspace.getConfiguration('svc.terminology');
  const severity = explicitSetting<string>('svc.terminology', 'severity');
  const languages = configuration.get<unknown>('languages', DEFAULT_LANGUAGES);
  const ignore = configuration.get<unknown>('ignore', []);
  const maxFileSize = configuration.get<unknown>('maxFileSize', DEFAULT_MAX_FILE_SIZE_MB);
  return {
    severity: severity === undefined ? undefined : severity === 'off' || isFindingSeverity(severity) ? severity : TERMINOLOGY_SEVERITY,
    languages: Array.isArray(languages) ? languages.filter((language): language is string => typeof language === 'string') : DEFAULT_LANGUAGES,
    ignore: Array.isArray(ignore) ? ignore.filter((term): term is string => typeof term === 'string') : [],
    maxLength: (typeof maxFileSize === 'number' && maxFileSize >= 0 ? maxFileSize : DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024,
  };
}

/** The severity `finding` is reported at in a document with `config`; undefined when its code is off there. */
export function severityOf(finding: TerminologyFinding, settings: TerminologySettings, config: DocumentConfig): FindingSeverity | undefined {
  const severity = reportedSeverity(settings.severity ?? configuredSeverity(config.config, finding.code, TERMINOLOGY_SEVERITY), finding.confidence);
  return severity === 'off' ? undefined : severity;
}
