/**
 * Reads `.svc/config.yaml`. Reading never throws: every problem becomes a finding with the range of the node
 * it is about, and the settings that are fine still apply.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { closestMatches } from '../editDistance';
import { EDITIONS } from '../editions';
import type { EditionId } from '../editions/types';
import type { FindingSeverity, TextRange } from '../valueStreamTypes';
import { CHECK_CODES, isCheckCode } from './codes';
import {
  CONFIG_VERSION,
  CONFIGURED_SEVERITIES,
  EMPTY_CONFIG,
  type ConfigFinding,
  type ConfigFindingCode,
  type ConfigParseResult,
  type ConfiguredSeverity,
} from './config';

const ROOT_KEYS = ['version', 'edition', 'severity', 'ignore'] as const;

const SEVERITIES: Readonly<Record<ConfigFindingCode, FindingSeverity>> = {
  'svc/config-syntax': 'error',
  'svc/config-version': 'error',
  'svc/config-unknown-key': 'warning',
  'svc/config-invalid': 'error',
  'svc/config-unknown-code': 'warning',
};

export function parseSvcConfig(text: string): ConfigParseResult {
  const findings: ConfigFinding[] = [];
  const add = (code: ConfigFindingCode, severity: FindingSeverity, message: string, range: TextRange): void => {
    const start = Math.min(Math.max(range.start, 0), text.length);
    findings.push({ code, severity, message, range: { start, end: Math.min(Math.max(range.end, start), text.length) } });
  };
  const report = (code: ConfigFindingCode, message: string, range: TextRange): void => add(code, SEVERITIES[code], message, range);
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The yaml library is not expected to throw on any string; if it does, the user still gets a finding.
    report('svc/config-syntax', `The configuration could not be read (${String(error)}).`, { start: 0, end: Math.min(1, text.length) });
    return { config: EMPTY_CONFIG, findings };
  }
  for (const [problems, severity] of [[document.errors, 'error'], [document.warnings, 'warning']] as const) {
    for (const problem of problems) {
      const message = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.') ?? '';
      add('svc/config-syntax', severity, `${message} The settings that can be read still apply.`, { start: problem.pos[0], end: problem.pos[1] });
    }
  }
  const config = new ConfigReader(document, text.length, report).read();
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { config, findings };
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `\`${item}\``).join(', ');
}

class ConfigReader {
  constructor(
    private readonly document: Document.Parsed,
    private readonly textLength: number,
    private readonly report: (code: ConfigFindingCode, message: string, range: TextRange) => void,
  ) {}

  read(): ConfigParseResult['config'] {
    const root = this.resolve(this.document.contents);
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
      this.report('svc/config-version', `Start the configuration with \`version: ${CONFIG_VERSION}\`.`, { start: 0, end: 0 });
      return EMPTY_CONFIG;
    }
    if (!isMap(root)) {
      this.report('svc/config-invalid', `The configuration is a YAML mapping with \`version: ${CONFIG_VERSION}\` and the keys ${quoteList(ROOT_KEYS.slice(1))}.`, this.rangeOf(root));
      return EMPTY_CONFIG;
    }
    const fields = new Map<string, { key: Node; value: Node | null }>();
    for (const pair of root.items) {
      const key = this.resolve(pair.key);
      if (!key) continue;
      const name = isScalar(key) ? String(key.value) : '';
      if ((ROOT_KEYS as readonly string[]).includes(name)) {
        fields.set(name, { key, value: this.resolve(pair.value) });
        continue;
      }
      const suggestion = closestMatches(name, ROOT_KEYS, (known) => [known], { limit: 1 })[0];
      this.report(
        'svc/config-unknown-key',
        `\`${name}\` is not a key of the configuration; it is ignored.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} Keys: ${quoteList(ROOT_KEYS)}.`,
        this.rangeOf(key),
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

  private resolve(node: unknown): Node | null {
    let current = node;
    for (let hops = 0; hops < 8 && isAlias(current); hops += 1) current = current.resolve(this.document) ?? null;
    return isAlias(current) ? null : ((current as Node | null | undefined) ?? null);
  }

  private rangeOf(node: Node | null | undefined, fallback: TextRange = { start: 0, end: this.textLength }): TextRange {
    const range = node?.range;
    return range ? { start: range[0], end: Math.max(range[0], range[1]) } : fallback;
  }

  private readVersion(field: { key: Node; value: Node | null } | undefined, rootRange: TextRange): void {
    if (!field) {
      this.report('svc/config-version', `Add \`version: ${CONFIG_VERSION}\` so later formats can be told apart.`, { start: rootRange.start, end: rootRange.start });
    } else if (!isScalar(field.value) || field.value.value !== CONFIG_VERSION) {
      this.report('svc/config-version', `This release reads configuration version ${CONFIG_VERSION}; write \`version: ${CONFIG_VERSION}\`. The settings are read as version ${CONFIG_VERSION}.`, this.rangeOf(field.value, this.rangeOf(field.key)));
    }
  }

  private readEdition(field: { key: Node; value: Node | null } | undefined): EditionId | undefined {
    if (!field || (isScalar(field.value) && field.value.value === null)) return undefined;
    const value = isScalar(field.value) ? String(field.value.value) : undefined;
    const edition = EDITIONS.find((candidate) => candidate.id === value);
    if (edition) return edition.id;
    this.report('svc/config-invalid', `\`edition\` is one of ${quoteList(EDITIONS.map((candidate) => candidate.id))}; the default edition applies.`, this.rangeOf(field.value, this.rangeOf(field.key)));
    return undefined;
  }

  private readSeverities(field: { key: Node; value: Node | null } | undefined): Map<string, ConfiguredSeverity> {
    const severities = new Map<string, ConfiguredSeverity>();
    if (!field || (isScalar(field.value) && field.value.value === null)) return severities;
    if (!isMap(field.value)) {
      this.report('svc/config-invalid', '`severity` maps finding codes to a severity, one per line: `svc/legacy-term: error`.', this.rangeOf(field.value, this.rangeOf(field.key)));
      return severities;
    }
    for (const pair of field.value.items) {
      const key = this.resolve(pair.key);
      const value = this.resolve(pair.value);
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

  private readIgnore(field: { key: Node; value: Node | null } | undefined): string[] {
    if (!field || (isScalar(field.value) && field.value.value === null)) return [];
    if (!isSeq(field.value)) {
      this.report('svc/config-invalid', '`ignore` is a list of file patterns, each on its own line: `- archive/**`.', this.rangeOf(field.value, this.rangeOf(field.key)));
      return [];
    }
    const patterns: string[] = [];
    for (const item of field.value.items) {
      const node = this.resolve(item);
      if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
        patterns.push(node.value.trim());
      } else {
        this.report('svc/config-invalid', 'Each entry of `ignore` is a file pattern such as `archive/**` or `**/CHANGELOG.md`.', this.rangeOf(node, this.rangeOf(field.key)));
      }
    }
    return patterns;
  }
}
