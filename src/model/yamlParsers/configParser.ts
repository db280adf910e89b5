/**
 * The checks configuration (`.svc/config.yaml`): severities per finding code, ignored files and the edition.
 * Reading never throws: every problem becomes a finding with the range of the node it is about, and the settings
 * that are fine still apply.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { CHECK_CODES, isCheckCode } from '../checks/codes';
import {
  CONFIG_VERSION,
  CONFIGURED_SEVERITIES,
  EMPTY_CONFIG,
  type ConfigFinding,
  type ConfigFindingCode,
  type ConfigParseResult,
  type ConfiguredSeverity,
  type SvcConfig,
} from '../checks/config';
import type { TextRange } from '../documents';
import { EDITIONS, type EditionId } from '../itil';
import { closestMatches } from '../terms/editDistance';
import type { FindingSeverity } from '../valueStreams/valueStreamTypes';
import { dereference, quoteList, rangeOf, readSettingsFile, splitFields, type Field } from './yamlNodes';

const ROOT_KEYS = ['version', 'edition', 'severity', 'ignore'] as const;

const SEVERITIES: Readonly<Record<ConfigFindingCode, FindingSeverity>> = {
  'svc/config-syntax': 'error',
  'svc/config-version': 'error',
  'svc/config-unknown-key': 'warning',
  'svc/config-invalid': 'error',
  'svc/config-unknown-code': 'warning',
};

export function parseSvcConfig(text: string): ConfigParseResult {
  const syntax = { code: 'svc/config-syntax', what: 'configuration', rest: 'The settings that can be read still apply.' } as const;
  const { settings, findings } = readSettingsFile(text, EMPTY_CONFIG, syntax, (document, found) => new ConfigReader(document, text.length, found).read());
  return { config: settings, findings };
}

/** A value that is absent or written empty (`severity:`): the key's default applies without a finding. */
function isEmpty(field: Field): boolean {
  return isScalar(field.value) && field.value.value === null;
}

class ConfigReader {
  private readonly whole: TextRange;

  constructor(
    private readonly document: Document.Parsed,
    textLength: number,
    private readonly findings: ConfigFinding[],
  ) {
    this.whole = { start: 0, end: textLength };
  }

  read(): SvcConfig {
    const root = dereference(this.document, this.document.contents);
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
      this.report('svc/config-version', `Start the configuration with \`version: ${CONFIG_VERSION}\`.`, { start: 0, end: 0 });
      return EMPTY_CONFIG;
    }
    if (!isMap(root)) {
      this.report('svc/config-invalid', `The configuration is a YAML mapping with \`version: ${CONFIG_VERSION}\` and the keys ${quoteList(ROOT_KEYS.slice(1))}.`, this.rangeOf(root));
      return EMPTY_CONFIG;
    }
    const { fields, others } = splitFields(this.document, root.items, ROOT_KEYS, (key) => (isScalar(key) ? String(key.value) : undefined), this.whole);
    for (const other of others) {
      if (other.node === null) continue;
      const written = other.text ?? '';
      const suggestion = closestMatches(written, ROOT_KEYS, (known) => [known], { limit: 1 })[0];
      this.report(
        'svc/config-unknown-key',
        `\`${written}\` is not a key of the configuration; it is ignored.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} Keys: ${quoteList(ROOT_KEYS)}.`,
        other.range,
      );
    }
    this.readVersion(fields.get('version'), this.rangeOf(root));
    const edition = this.readEdition(fields.get('edition'));
    return {
      ...(edition ? { edition } : {}),
      severity: this.readSeverities(fields.get('severity')),
      ignore: this.readIgnore(fields.get('ignore')),
    };
  }

  private report(code: ConfigFindingCode, message: string, range: TextRange): void {
    this.findings.push({ code, severity: SEVERITIES[code], message, range });
  }

  private rangeOf(node: Node | null | undefined, fallback: TextRange = this.whole): TextRange {
    return rangeOf(node, fallback);
  }

  /** Where a finding about a field's value goes: the value, or its key when the value is missing. */
  private valueRange(field: Field): TextRange {
    return this.rangeOf(field.value, this.rangeOf(field.key));
  }

  private readVersion(field: Field | undefined, rootRange: TextRange): void {
    if (!field) {
      this.report('svc/config-version', `Add \`version: ${CONFIG_VERSION}\` so later formats can be told apart.`, { start: rootRange.start, end: rootRange.start });
    } else if (!isScalar(field.value) || field.value.value !== CONFIG_VERSION) {
      this.report('svc/config-version', `This release reads configuration version ${CONFIG_VERSION}; write \`version: ${CONFIG_VERSION}\`. The settings are read as version ${CONFIG_VERSION}.`, this.valueRange(field));
    }
  }

  private readEdition(field: Field | undefined): EditionId | undefined {
    if (!field || isEmpty(field)) return undefined;
    const value = isScalar(field.value) ? String(field.value.value) : undefined;
    const edition = EDITIONS.find((candidate) => candidate.id === value);
    if (edition) return edition.id;
    this.report('svc/config-invalid', `\`edition\` is one of ${quoteList(EDITIONS.map((candidate) => candidate.id))}; the default edition applies.`, this.valueRange(field));
    return undefined;
  }

  private readSeverities(field: Field | undefined): Map<string, ConfiguredSeverity> {
    const severities = new Map<string, ConfiguredSeverity>();
    if (!field || isEmpty(field)) return severities;
    if (!isMap(field.value)) {
      this.report('svc/config-invalid', '`severity` maps finding codes to a severity, one per line: `svc/legacy-term: error`.', this.valueRange(field));
      return severities;
    }
    for (const pair of field.value.items) {
      const key = dereference(this.document, pair.key);
      const value = dereference(this.document, pair.value);
      const code = isScalar(key) ? String(key.value) : '';
      if (!isCheckCode(code)) {
        const suggestion = closestMatches(code, CHECK_CODES, (known) => [known, known.replace(/^svc\//, '')], { limit: 1 })[0];
        this.report('svc/config-unknown-code', `No check reports \`${code}\`; this setting has no effect.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, this.rangeOf(key));
        continue;
      }
      const written = isScalar(value) ? String(value.value) : undefined;
      const severity = CONFIGURED_SEVERITIES.find((candidate) => candidate === written);
      if (!severity) {
        this.report('svc/config-invalid', `The severity of \`${code}\` is one of ${quoteList(CONFIGURED_SEVERITIES)}.`, this.rangeOf(value, this.rangeOf(key)));
        continue;
      }
      severities.set(code, severity);
    }
    return severities;
  }

  private readIgnore(field: Field | undefined): string[] {
    if (!field || isEmpty(field)) return [];
    if (!isSeq(field.value)) {
      this.report('svc/config-invalid', '`ignore` is a list of file patterns, each on its own line: `- archive/**`.', this.valueRange(field));
      return [];
    }
    const patterns: string[] = [];
    for (const item of field.value.items) {
      const node = dereference(this.document, item);
      if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
        patterns.push(node.value.trim());
      } else {
        this.report('svc/config-invalid', 'Each entry of `ignore` is a file pattern such as `archive/**` or `**/CHANGELOG.md`.', this.rangeOf(node, this.rangeOf(field.key)));
      }
    }
    return patterns;
  }
}
