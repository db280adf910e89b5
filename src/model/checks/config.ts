/**
 * The configuration the editor and `svc-check` share (`.svc/config.yaml`): a severity per finding code (or `off`),
 * files not to check, and the ITIL edition. This module holds its shape and the decisions made from it; the
 * reader, which needs the `yaml` library, is in model/yamlParsers.
 */
import picomatch from 'picomatch/posix';
import type { TextRange } from '../documents';
import type { EditionId } from '../itil';
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

/** The severity a finding is reported with under `config`. */
export function configuredSeverity(config: SvcConfig, code: string, reported: FindingSeverity): ConfiguredSeverity {
  return config.severity.get(code) ?? reported;
}

/**
 * A matcher of `/`-separated relative paths for globs as shells and `.gitignore` write them: `*`, `**`, `?`,
 * `{a,b}`, `[abc]` and `[!abc]`; `*` matches names that start with a dot too. The same on every platform.
 */
export function globMatcher(globs: string | readonly string[]): (relativePath: string) => boolean {
  return picomatch(typeof globs === 'string' ? globs : [...globs], { dot: true, posix: true });
}

/**
 * Whether a file is left out under `config`, from its `/`-separated path relative to the folder that holds
 * `.svc/`. A pattern that names a folder leaves out everything below it, as in `.gitignore`: `archive`,
 * `archive/` and `archive/**` are the same.
 */
export function ignoreMatcher(config: SvcConfig): (relativePath: string) => boolean {
  const patterns = config.ignore.map((pattern) => pattern.replace(/\/+$/, '')).filter((pattern) => pattern !== '');
  if (patterns.length === 0) return () => false;
  const matches = globMatcher(patterns);
  return (relativePath) => {
    const parts = relativePath.split('/');
    for (let length = parts.length; length > 0; length -= 1) {
      if (matches(parts.slice(0, length).join('/'))) return true;
    }
    return false;
  };
}
