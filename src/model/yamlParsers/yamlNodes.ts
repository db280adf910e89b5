/**
 * What the readers share about the `yaml` library's output: reading a settings file without throwing, following
 * aliases, a node's source range, the keys of a mapping split into known fields and the rest, and a syntax error as a
 * range and one sentence.
 */
import { isAlias, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { TextRange } from '../documents';
import type { FindingSeverity } from '../valueStreams/valueStreamTypes';

/** A problem a settings file's reader reports (the glossary's, the configuration's). */
export interface SettingsFinding<Code extends string> {
  readonly code: Code;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly range: TextRange;
}

/**
 * Reads a settings file of the `.svc/` folder without ever throwing: the library's errors and warnings become
 * findings of `syntax.code` at their positions (the message ending with `syntax.rest`, what still applies), an
 * exception one at the start, and `read` turns the document into settings, adding findings of its own. Ranges are
 * clamped to the text, and the findings come in text order.
 */
export function readSettingsFile<Settings, Code extends string>(
  text: string,
  fallback: Settings,
  syntax: { readonly code: Code; readonly what: string; readonly rest: string },
  read: (document: Document.Parsed, findings: SettingsFinding<Code>[]) => Settings,
): { readonly settings: Settings; readonly findings: SettingsFinding<Code>[] } {
  const findings: SettingsFinding<Code>[] = [];
  let settings = fallback;
  try {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    for (const [problems, severity] of [[document.errors, 'error'], [document.warnings, 'warning']] as const) {
      for (const problem of problems) {
        const { range, problem: sentence } = yamlProblem(problem, text.length);
        findings.push({ code: syntax.code, severity, message: `${sentence} ${syntax.rest}`, range });
      }
    }
    settings = read(document, findings);
  } catch (error) {
    // The yaml library is not expected to throw on any string; if it does, the user still gets a finding.
    findings.push({ code: syntax.code, severity: 'error', message: `The ${syntax.what} could not be read (${String(error)}).`, range: { start: 0, end: Math.min(1, text.length) } });
  }
  const clampRange = (range: TextRange): TextRange => ({ start: clamp(range.start, 0, text.length), end: clamp(range.end, 0, text.length) });
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { settings, findings: findings.map((finding) => ({ ...finding, range: clampRange(finding.range) })) };
}

/** A field of a mapping: its key and its value, aliases followed. */
export interface Field {
  readonly key: Node | null;
  readonly value: Node | null;
}

/** A key of a mapping that names none of the known fields, or is not a plain name at all (`text` undefined). */
export interface OtherKey {
  readonly text: string | undefined;
  readonly node: Node | null;
  readonly range: TextRange;
}

export function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : low;
}

/** Follows aliases (`*name`) to the anchored node; a bounded number of hops keeps odd inputs finite. */
export function dereference(document: Document.Parsed, node: unknown): Node | null {
  let current = node;
  for (let hops = 0; hops < 8 && isAlias(current); hops += 1) {
    current = current.resolve(document) ?? null;
  }
  return isAlias(current) ? null : ((current as Node | null | undefined) ?? null);
}

export function rangeOf(node: Node | null | undefined, fallback: TextRange): TextRange {
  const range = node?.range;
  return range ? { start: range[0], end: Math.max(range[0], range[1]) } : fallback;
}

/**
 * The known fields of a mapping by name (the first of repeated keys wins; YAML reports repeats) and every other
 * key, in the order written. `keyText` reads a key node as a name.
 */
export function splitFields(
  document: Document.Parsed,
  items: readonly Pair<unknown, unknown>[],
  known: readonly string[],
  keyText: (key: Node | null) => string | undefined,
  fallback: TextRange,
): { readonly fields: Map<string, Field>; readonly others: readonly OtherKey[] } {
  const fields = new Map<string, Field>();
  const others: OtherKey[] = [];
  for (const pair of items) {
    const key = dereference(document, pair.key);
    const value = dereference(document, pair.value);
    const text = keyText(key);
    if (text !== undefined && known.includes(text)) {
      if (!fields.has(text)) fields.set(text, { key, value });
    } else {
      others.push({ text, node: key, range: rangeOf(key, rangeOf(value, fallback)) });
    }
  }
  return { fields, others };
}

/** Where a syntax error the library reports is (clamped to the text) and its first sentence, without the position. */
export function yamlProblem(
  error: { readonly message: string; readonly pos: readonly [number, number] },
  textLength: number,
): { readonly range: TextRange; readonly problem: string } {
  const start = clamp(error.pos[0], 0, textLength);
  const end = clamp(Math.max(error.pos[1], start), start, textLength);
  const problem = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.');
  return { range: { start, end }, problem };
}

export function quoteList(items: readonly string[]): string {
  return items.map((item) => `\`${item}\``).join(', ');
}
