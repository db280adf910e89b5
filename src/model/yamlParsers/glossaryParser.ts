/**
 * An organisation's glossary (`.svc/glossary.yaml`): its own terms, changes to built-in ITIL terms (an own
 * definition, extra aliases, hidden terms) and preferred-term rules for the terminology checker.
 * Reading never throws: every problem becomes a finding with the range of the offending node, and the
 * entries that are fine still apply.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { TextRange } from '../documents';
import {
  EMPTY_GLOSSARY,
  GLOSSARY_VERSION,
  type Glossary,
  type GlossaryFinding,
  type GlossaryFindingCode,
  type GlossaryOverride,
  type GlossaryParseResult,
  type GlossaryTerm,
  type PreferredTermRule,
} from '../glossary/glossaryTypes';
import { PRACTICES, getPractice, resolvePractice } from '../itil';
import { closestMatches } from '../terms/editDistance';
import { normalizeForm, type TermRef } from '../terms/termMatcher';
import type { FindingSeverity } from '../valueStreams/valueStreamTypes';
import { describeTerm, resolveBuiltInTerm, type BuiltInName } from './builtInNames';
import { dereference, quoteList, rangeOf, readSettingsFile, splitFields, type Field } from './yamlNodes';

const ROOT_KEYS = ['version', 'organisation', 'terms', 'overrides', 'hide', 'preferredTerms'] as const;
const TERM_KEYS = ['name', 'aliases', 'definition', 'practices'] as const;
const OVERRIDE_KEYS = ['term', 'definition', 'aliases'] as const;
const RULE_KEYS = ['use', 'insteadOf', 'reason'] as const;

const SEVERITIES: Readonly<Record<GlossaryFindingCode, FindingSeverity>> = {
  'svc/glossary-syntax': 'error',
  'svc/glossary-version': 'error',
  'svc/glossary-unknown-key': 'warning',
  'svc/glossary-invalid': 'error',
  'svc/glossary-missing-field': 'error',
  'svc/glossary-empty-definition': 'warning',
  'svc/glossary-duplicate-term': 'error',
  'svc/glossary-unknown-term': 'warning',
  'svc/glossary-unknown-practice': 'warning',
  'svc/glossary-rule-conflict': 'error',
};

export function parseGlossary(text: string): GlossaryParseResult {
  const syntax = { code: 'svc/glossary-syntax', what: 'glossary', rest: 'The rest of the glossary still applies where it can be read.' } as const;
  const { settings, findings } = readSettingsFile(text, EMPTY_GLOSSARY, syntax, (document, found) => new GlossaryReader(document, text.length, found).read());
  return { glossary: settings, findings };
}

/** A text value with the range it came from. */
interface Located {
  readonly text: string;
  readonly range: TextRange;
}

class GlossaryReader {
  private readonly whole: TextRange;
  private readonly findings: GlossaryFinding[];
  /** Normalized forms the organisation's terms and rules already claim, with who claims them. */
  private readonly claimed = new Map<string, string>();

  constructor(
    private readonly document: Document.Parsed,
    textLength: number,
    findings: GlossaryFinding[],
  ) {
    this.whole = { start: 0, end: textLength };
    this.findings = findings;
  }

  read(): Glossary {
    const root = this.deref(this.document.contents);
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
      this.report('svc/glossary-version', `Start the glossary with \`version: ${GLOSSARY_VERSION}\`.`, { start: 0, end: 0 });
      return EMPTY_GLOSSARY;
    }
    if (!isMap(root)) {
      this.report('svc/glossary-invalid', `The glossary is a YAML mapping with \`version: ${GLOSSARY_VERSION}\` and the sections ${quoteList(ROOT_KEYS.slice(2))}.`, this.rangeOf(root));
      return EMPTY_GLOSSARY;
    }
    const fields = this.fields(root.items, ROOT_KEYS, 'the glossary');
    this.readVersion(fields.get('version'), this.rangeOf(root));
    const organisation = this.optionalText(fields.get('organisation'), 'organisation');
    const hidden = this.readHidden(fields.get('hide'));
    // Rules first: a rule's names are matched before any term, so terms that reuse them are the conflict.
    const rules = this.list(fields.get('preferredTerms'), 'preferredTerms', 'a rule').flatMap((item, index) => this.readRule(item, index));
    const terms = this.list(fields.get('terms'), 'terms', 'a term').flatMap((item) => this.readTerm(item));
    const overrides = this.readOverrides(fields.get('overrides'));
    return { ...(organisation ? { organisation: organisation.text } : {}), terms, overrides, ...hidden, rules };
  }

  private report(code: GlossaryFindingCode, message: string, range: TextRange): void {
    this.findings.push({ code, severity: SEVERITIES[code], message, range });
  }

  private deref(node: unknown): Node | null {
    return dereference(this.document, node);
  }

  private rangeOf(node: Node | null | undefined, fallback: TextRange = this.whole): TextRange {
    return rangeOf(node, fallback);
  }

  /** Known keys (first occurrence; YAML reports repeats); unknown ones become findings with a suggestion. */
  private fields(items: readonly Pair<unknown, unknown>[], known: readonly string[], owner: string): Map<string, Field> {
    const { fields, others } = splitFields(this.document, items, known, (key) => (isScalar(key) && typeof key.value === 'string' ? key.value : undefined), this.whole);
    for (const other of others) {
      const written = other.text ?? String(isScalar(other.node) ? other.node.value : '');
      const suggestion = closestMatches(written, known, (field) => [field], { limit: 1 })[0];
      const didYouMean = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
      this.report('svc/glossary-unknown-key', `\`${written}\` is not a key of ${owner}; it is ignored.${didYouMean} Keys: ${quoteList(known)}.`, other.range);
    }
    return fields;
  }

  private readVersion(field: Field | undefined, rootRange: TextRange): void {
    if (!field) {
      this.report('svc/glossary-version', `Add \`version: ${GLOSSARY_VERSION}\` so later formats can be told apart.`, { start: rootRange.start, end: rootRange.start });
      return;
    }
    const value = isScalar(field.value) ? field.value.value : undefined;
    if (value !== GLOSSARY_VERSION) {
      this.report('svc/glossary-version', `This extension reads glossary version ${GLOSSARY_VERSION}; write \`version: ${GLOSSARY_VERSION}\`. Entries are read as version ${GLOSSARY_VERSION}.`, this.rangeOf(field.value, this.rangeOf(field.key)));
    }
  }

  private text(node: Node | null, what: string, fallback: TextRange): Located | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      return { text: String(node.value).trim(), range: this.rangeOf(node, fallback) };
    }
    this.report('svc/glossary-invalid', `${what} is a line of text.`, this.rangeOf(node, fallback));
    return undefined;
  }

  private optionalText(field: Field | undefined, what: string): Located | undefined {
    if (!field || (isScalar(field.value) && field.value.value === null)) return undefined;
    return this.text(field.value, `\`${what}\``, this.rangeOf(field.key));
  }

  /**
   * A field that must hold a non-empty line of text; a missing, empty or non-text value is reported (with
   * `missing` as the message) and gives undefined.
   */
  private requiredText(field: Field | undefined, key: string, missing: string, entryRange: TextRange): Located | undefined {
    if (!field) {
      this.report('svc/glossary-missing-field', missing, { start: entryRange.start, end: entryRange.start });
      return undefined;
    }
    if (isScalar(field.value) && (field.value.value === null || field.value.value === '')) {
      this.report('svc/glossary-missing-field', missing, this.rangeOf(field.key));
      return undefined;
    }
    const located = this.text(field.value, `\`${key}\``, this.rangeOf(field.key));
    if (located && located.text === '') {
      this.report('svc/glossary-missing-field', missing, located.range);
      return undefined;
    }
    return located;
  }

  /** Items of a section that should be a list; anything else is reported and skipped. */
  private list(field: Field | undefined, section: string, item: string): Node[] {
    if (!field || (isScalar(field.value) && field.value.value === null)) return [];
    if (!isSeq(field.value)) {
      this.report('svc/glossary-invalid', `\`${section}\` is a list: start each ${item.replace(/^an? /, '')} on its own line with \`- \`.`, this.rangeOf(field.value, this.rangeOf(field.key)));
      return [];
    }
    return field.value.items.map((entry) => this.deref(entry)).filter((entry): entry is Node => entry !== null);
  }

  /** A name or a list of names (aliases, insteadOf), each with its range. */
  private names(field: Field | undefined, what: string): Located[] {
    if (!field || (isScalar(field.value) && field.value.value === null)) return [];
    const nodes = isSeq(field.value) ? field.value.items.map((item) => this.deref(item)) : [field.value];
    return nodes.flatMap((node) => {
      const located = this.text(node, `Each of \`${what}\``, this.rangeOf(field.key));
      if (located && located.text === '') {
        this.report('svc/glossary-invalid', `An empty name in \`${what}\` is ignored.`, located.range);
        return [];
      }
      return located ? [located] : [];
    });
  }

  /**
   * Claims a written form for an organisation's term or rule; false (and a finding) when it is taken. Only
   * rules may claim a built-in name: flagging one is what they are for.
   */
  private claim(name: Located, owner: string, mayShadowBuiltIn: boolean): boolean {
    const key = normalizeForm(name.text);
    if (key === '') {
      this.report('svc/glossary-invalid', `“${name.text}” has no letters or digits to match in documents.`, name.range);
      return false;
    }
    const previous = this.claimed.get(key);
    if (previous) {
      this.report('svc/glossary-duplicate-term', `“${name.text}” is already used by ${previous}; this one is ignored.`, name.range);
      return false;
    }
    const builtIn = resolveBuiltInTerm(name.text);
    if (builtIn && !mayShadowBuiltIn && !builtIn.contextual) {
      this.report(
        'svc/glossary-duplicate-term',
        `“${name.text}” is already a built-in ITIL term (${describeTerm(builtIn.term)}); give it your own definition under \`overrides\` instead. This name is ignored.`,
        name.range,
      );
      return false;
    }
    this.claimed.set(key, owner);
    return true;
  }

  private readTerm(node: Node): GlossaryTerm[] {
    if (!isMap(node)) {
      this.report('svc/glossary-invalid', 'Each term is a mapping: `- name: …` with `definition:`, and optionally `aliases:` and `practices:`.', this.rangeOf(node));
      return [];
    }
    const range = this.rangeOf(node);
    const fields = this.fields(node.items, TERM_KEYS, 'a term');
    const name = this.requiredText(fields.get('name'), 'name', 'Give the term a `name`; without one it is ignored.', range);
    if (!name || !this.claim(name, `the term “${name.text}”`, false)) return [];
    const aliases = this.names(fields.get('aliases'), 'aliases').filter((alias) => this.claim(alias, `the term “${name.text}”`, false));
    const definition = this.definition(fields.get('definition'), `“${name.text}”`, name.range, true);
    const practiceIds = this.names(fields.get('practices'), 'practices').flatMap((practice) => this.practiceId(practice));
    return [{ id: normalizeForm(name.text), name: name.text, aliases: aliases.map((alias) => alias.text), definition: definition ?? '', practiceIds, range }];
  }

  private definition(field: Field | undefined, owner: string, fallback: TextRange, required: boolean): string | undefined {
    if (!field) {
      if (required) this.report('svc/glossary-empty-definition', `Add a \`definition\` of ${owner}: hovers show it.`, fallback);
      return undefined;
    }
    const definition = isScalar(field.value) && field.value.value === null ? { text: '', range: this.rangeOf(field.key) } : this.text(field.value, '`definition`', this.rangeOf(field.key));
    if (definition && definition.text === '') {
      this.report('svc/glossary-empty-definition', `The definition of ${owner} is empty.`, definition.range);
      return undefined;
    }
    return definition?.text;
  }

  private practiceId(practice: Located): string[] {
    const id = resolvePractice(practice.text);
    if (id) return [id];
    const suggestion = closestMatches(practice.text, PRACTICES, (candidate) => [candidate.id, candidate.name], { limit: 1 })[0];
    const didYouMean = suggestion ? ` Did you mean “${getPractice(suggestion.id).name}”?` : '';
    this.report('svc/glossary-unknown-practice', `“${practice.text}” is not an ITIL 4 practice (write its name or id).${didYouMean}`, practice.range);
    return [];
  }

  private builtIn(name: Located, what: string): BuiltInName | undefined {
    const found = resolveBuiltInTerm(name.text);
    if (!found) this.report('svc/glossary-unknown-term', `“${name.text}” is not a built-in ITIL term, so it cannot be ${what}.`, name.range);
    return found;
  }

  private readOverrides(field: Field | undefined): GlossaryOverride[] {
    const overrides: GlossaryOverride[] = [];
    const seen = new Set<string>();
    for (const node of this.list(field, 'overrides', 'an override')) {
      if (!isMap(node)) {
        this.report('svc/glossary-invalid', 'Each override is a mapping: `- term: <built-in term>` with `definition:` and/or `aliases:`.', this.rangeOf(node));
        continue;
      }
      const range = this.rangeOf(node);
      const fields = this.fields(node.items, OVERRIDE_KEYS, 'an override');
      const name = this.requiredText(fields.get('term'), 'term', 'Name the built-in term to override with `term:`; the override is ignored without it.', range);
      if (!name) continue;
      const target = this.builtIn(name, 'overridden');
      if (!target) continue;
      const key = `${target.term.kind}:${target.term.id}`;
      if (seen.has(key)) {
        this.report('svc/glossary-duplicate-term', `${describeTerm(target.term)} is already overridden above; this override is ignored.`, name.range);
        continue;
      }
      seen.add(key);
      const definition = this.definition(fields.get('definition'), describeTerm(target.term), name.range, false);
      const aliases = this.names(fields.get('aliases'), 'aliases').filter((alias) => {
        const builtIn = resolveBuiltInTerm(alias.text);
        if (builtIn && !(builtIn.term.kind === target.term.kind && builtIn.term.id === target.term.id)) {
          this.report('svc/glossary-duplicate-term', `“${alias.text}” already names ${describeTerm(builtIn.term)}; this alias is ignored.`, alias.range);
          return false;
        }
        return !builtIn && this.claim(alias, `the override of ${describeTerm(target.term)}`, false);
      });
      if (definition === undefined && aliases.length === 0 && !fields.has('definition') && !fields.has('aliases')) {
        this.report('svc/glossary-missing-field', 'This override changes nothing: add a `definition` or `aliases`.', name.range);
        continue;
      }
      overrides.push({ term: target.term, ...(definition !== undefined ? { definition } : {}), aliases: aliases.map((alias) => alias.text), range });
    }
    return overrides;
  }

  private readHidden(field: Field | undefined): Pick<Glossary, 'hiddenTerms' | 'hiddenForms'> {
    const hiddenTerms: TermRef[] = [];
    const hiddenForms: string[] = [];
    for (const name of this.names(field, 'hide')) {
      const target = this.builtIn(name, 'hidden');
      if (!target) continue;
      if (target.whole) hiddenTerms.push(target.term);
      else hiddenForms.push(normalizeForm(name.text));
    }
    return { hiddenTerms, hiddenForms };
  }

  private readRule(node: Node, index: number): PreferredTermRule[] {
    if (!isMap(node)) {
      this.report('svc/glossary-invalid', 'Each rule is a mapping: `- use: <preferred name>` with `insteadOf: [<names to avoid>]`.', this.rangeOf(node));
      return [];
    }
    const range = this.rangeOf(node);
    const fields = this.fields(node.items, RULE_KEYS, 'a preferred-term rule');
    const use = this.requiredText(fields.get('use'), 'use', 'Say which name to use with `use:`; the rule is ignored without it.', range);
    if (!use) return [];
    const insteadOfField = fields.get('insteadOf');
    const candidates = this.names(insteadOfField, 'insteadOf');
    if (candidates.length === 0) {
      this.report('svc/glossary-missing-field', `List the names to avoid with \`insteadOf:\`; the rule for “${use.text}” is ignored without them.`, insteadOfField ? this.rangeOf(insteadOfField.key) : use.range);
      return [];
    }
    const insteadOf = candidates.filter((avoided) => {
      if (normalizeForm(avoided.text) === normalizeForm(use.text)) {
        this.report('svc/glossary-rule-conflict', `“${avoided.text}” is the name to use, so it cannot also be the name to avoid.`, avoided.range);
        return false;
      }
      return this.claim(avoided, `the rule to use “${use.text}”`, true);
    });
    const reason = this.optionalText(fields.get('reason'), 'reason');
    if (insteadOf.length === 0) return [];
    return [{ id: String(index), use: use.text, insteadOf: insteadOf.map((avoided) => avoided.text), ...(reason?.text ? { reason: reason.text } : {}), range }];
  }
}
