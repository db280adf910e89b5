/**
 * The configuration the editor and `svc-check` share (`.svc/config.yaml`): a severity per finding code (or `off`),
 * files not to check, and the ITIL edition. This module holds its shape and the decisions made from it; the
 * reader, which needs the `yaml` library, is in model/yamlParsers.
 */
import type { TextRange } from '../documents';
import type { EditionId } from '../itil';
import type { Confidence } from '../terms';
import type { FindingSeverity } from '../valueStreams/valueStreamTypes';

/** Where the configuration lives, relative to the folder it applies to. */
export const CONFIG_PATH = '.svc/config.yaml';
export const CONFIG_VERSION = 1;

export const CONFIG_FINDING_CODES = ['svc/config-syntax', 'svc/config-version', 'svc/config-unknown-key', 'svc/config-invalid', 'svc/config-unknown-code'] as const;

export type ConfigFindingCode = (typeof CONFIG_FINDING_CODES)[number];

export interface ConfigFinding {
  readonly code: ConfigFindingCode;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly range: TextRange;
}

export const CONFIGURED_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;

/** A severity a configuration gives a code; `off` drops the code's findings. */
export type ConfiguredSeverity = (typeof CONFIGURED_SEVERITIES)[number];

export interface SvcConfig {
  readonly edition?: EditionId;
  /** Severity per finding code, for the codes the configuration names. */
  readonly severity: ReadonlyMap<string, ConfiguredSeverity>;
  /** Globs of files not to check, relative to the folder that holds `.svc/`. */
  readonly ignore: readonly string[];
}

export interface ConfigParseResult {
  readonly config: SvcConfig;
  readonly findings: readonly ConfigFinding[];
}

export const EMPTY_CONFIG: SvcConfig = { severity: new Map(), ignore: [] };

/** The severity of terminology findings (outdated and avoided names) where no configuration or setting gives one. */
export const TERMINOLOGY_SEVERITY: FindingSeverity = 'warning';

/** The severity a finding is reported with under `config`. */
export function configuredSeverity(config: SvcConfig, code: string, reported: FindingSeverity): ConfiguredSeverity {
  return config.severity.get(code) ?? reported;
}

/**
 * The severity a finding with `confidence` is reported at when its code has `severity`: a finding that is only
 * likely (a CAB that may still be the change authority) is information at most, whatever is configured.
 */
export function reportedSeverity<S extends ConfiguredSeverity>(severity: S, confidence: Confidence | undefined): S | 'information' {
  return confidence === 'likely' && (severity === 'error' || severity === 'warning') ? 'information' : severity;
}

/**
 * Findings as `config` has them reported: each at its configured severity (a likely one information at most),
 * those of codes switched off left out.
 */
export function withConfiguredSeverities<T extends { readonly code: string; readonly severity: FindingSeverity; readonly confidence?: Confidence }>(
  findings: readonly T[],
  config: SvcConfig,
): T[] {
  if (config.severity.size === 0) return [...findings];
  return findings.flatMap((finding) => {
    const severity = reportedSeverity(configuredSeverity(config, finding.code, finding.severity), finding.confidence);
    return severity === 'off' ? [] : [{ ...finding, severity }];
  });
}

/**
 * Of the folders that hold a `.svc/config.yaml`, the one whose configuration applies to `file`: the nearest one
 * above it. Paths are absolute and `/`-separated.
 */
export function nearestConfigFolder(file: string, folders: Iterable<string>): string | undefined {
  let nearest: string | undefined;
  for (const folder of folders) {
    if (relativePathIn(folder, file) !== undefined && (nearest === undefined || folder.length > nearest.length)) nearest = folder;
  }
  return nearest;
}

/** The `/`-separated path of `file` relative to `folder`; undefined when the file is not inside the folder. */
export function relativePathIn(folder: string, file: string): string | undefined {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return file.startsWith(prefix) && file.length > prefix.length ? file.slice(prefix.length) : undefined;
}

