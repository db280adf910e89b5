/**
 * The terminology check: finds outdated ITIL v3/2011 names in prose, and names an organisation's glossary asks
 * writers to avoid, and decides how sure it is about each (the findings themselves are ../terminologyFindings').
 * Editor diagnostics, quick fixes and the command-line checker read these findings.
 *
 * A finding is `certain` when the name can only mean the old ITIL name: it has a preferred rewrite, and "fix
 * all" (and `svc-check --fix`) may apply it. It is `likely` when the ITIL 4 name is only the closest equivalent
 * (a CAB may still be a change authority) or when the document's context points to the ITIL sense without
 * settling it (see termEvidence): its rewrites are offered, never applied without asking.
 *
 * A document is read in slices (see proseSlices), so that an editor can check a huge one a little at a time. The
 * title, description and excerpt of a Markdown document's front matter are read first, like prose; their rewrites
 * are written as the YAML value they land in needs (quotes escaped), or not offered when it cannot hold them.
 */
import { builtInTerms, type EffectiveTerms } from '../effectiveTerms';
import { contextualSpellings, getLegacyTerm, LEGACY_TERMS, type ContextRule, type EvidenceTopic, type LegacyTerm } from '../../itil';
import { ProseSlices, frontMatter, type FrontMatterText } from '../../documents';
import { readFrontMatterTexts } from '../../yamlParsers';
import { contextConfidence, DocumentEvidence, isAfterCueWord, isNamedAsOldName, namesToolPart, topicsOfTerm, wholeWordsPattern, type OldNameForms } from './termEvidence';
import { LEGACY_TERM_CODE, PREFERRED_TERM_CODE, type LegacyTermFinding, type TerminologyFinding, type TerminologyOptions } from '../terminologyFindings';
import type { Confidence } from '../termTopics';
import { normalizeForm, type TermMatch, type TermRef } from '../termMatcher';
import { avoidedAdvice, fittedToScalar, legacyAdvice, withArticle, type Advice } from './terminologyAdvice';
import { isSentenceStart, isWrittenAsName } from '../writtenStyle';


/** Every finding of a text, in order. */
export function findOutdatedTerms(text: string, options: TerminologyOptions): TerminologyFinding[] {
  const check = new TerminologyCheck(text, options, Number.POSITIVE_INFINITY);
  check.advance();
  return [...(check.findings ?? [])];
}

/** What one written form of an old name says beyond its term. */
interface LegacyForm {
  readonly plural: boolean;
  /** An abbreviation or everyday word that means the old name only in some documents. */
  readonly contextual: boolean;
  readonly capitalised: boolean;
  readonly rule?: ContextRule;
}

let legacyForms: Map<string, LegacyForm> | undefined;

/** The form `written` spells of `legacy`; plain names carry the term's own context rule. */
function legacyFormOf(legacy: LegacyTerm, written: string): LegacyForm {
  if (!legacyForms) {
    legacyForms = new Map();
    for (const term of LEGACY_TERMS) {
      const add = (text: string, form: LegacyForm): void => void legacyForms?.set(`${term.id}\n${normalizeForm(text)}`, form);
      for (const plural of term.plurals ?? []) add(plural, { plural: true, contextual: false, capitalised: false, ...(term.context ? { rule: term.context } : {}) });
      for (const group of term.contextual ?? []) {
        const form = { contextual: true, capitalised: group.capitalised === true, rule: group.rule };
        for (const text of group.forms) add(text, { ...form, plural: false });
        for (const text of group.plurals ?? []) add(text, { ...form, plural: true });
      }
    }
  }
  return legacyForms.get(`${legacy.id}\n${normalizeForm(written)}`) ?? { plural: false, contextual: false, capitalised: false, ...(legacy.context ? { rule: legacy.context } : {}) };
}

/** What is known about one spelling of an old name: its form, and its advice in each of the four situations. */
interface Spelling {
  readonly form: LegacyForm;
  /** By sentence start (+1), likely (+2) and a doubt about the name (+4). */
  readonly advice: (Advice | undefined)[];
}

const spellings = new Map<LegacyTerm, Map<string, Spelling>>();
const SPELLINGS_LIMIT = 16_384;
let spellingCount = 0;

/** The same name written the same way reads the same: its form and advice are worked out once. */
function spellingOf(legacy: LegacyTerm, written: string): Spelling {
  let byWritten = spellings.get(legacy);
  if (!byWritten) {
    byWritten = new Map();
    spellings.set(legacy, byWritten);
  }
  let spelling = byWritten.get(written);
  if (!spelling) {
    if (++spellingCount > SPELLINGS_LIMIT) {
      spellings.clear();
      spellingCount = 0;
    }
    spelling = { form: legacyFormOf(legacy, written), advice: [] };
    byWritten.set(written, spelling);
  }
  return spelling;
}

function adviceFor(legacy: LegacyTerm, written: string, spelling: Spelling, sentenceStart: boolean, confidence: Confidence, sure: boolean): Advice {
  const slot = (sentenceStart ? 1 : 0) + (confidence === 'likely' ? 2 : 0) + (sure ? 0 : 4);
  return (spelling.advice[slot] ??= legacyAdvice(legacy, written, { sentenceStart, confidence, plural: spelling.form.plural, sure }));
}

const oldNameForms = new Map<string, OldNameForms>();

/** An old name's ITIL 4 names and own spellings as patterns, for telling whether a sentence names it as such. */
function formsOf(legacy: LegacyTerm): OldNameForms {
  let forms = oldNameForms.get(legacy.id);
  if (!forms) {
    forms = {
      replacements: wholeWordsPattern(legacy.replacements),
      spellings: wholeWordsPattern([legacy.term, ...legacy.variants, ...(legacy.plurals ?? []), ...contextualSpellings(legacy)]),
    };
    oldNameForms.set(legacy.id, forms);
  }
  return forms;
}

/** A name followed by a number is an identifier ("RFC 9110", "CAB-12"), whatever it abbreviates. */
const NUMBER_AFTER = /^[ \t]*(?:#|no\.?[ \t]*|-)?[ \t]*\d/i;

/** A mention whose confidence waits for the whole document's evidence. */
interface Pending {
  readonly match: TermMatch;
  readonly legacy: LegacyTerm;
  readonly written: string;
  readonly spelling: Spelling;
  readonly ownKey: unknown;
  /** Whether the name is written as an everyday phrase ("configuration management" in lower case). */
  readonly everyday: boolean;
  readonly inValue: FrontMatterText | undefined;
}

/** The front matter values of a Markdown text that are read as prose; the `yaml` library loads only for those. */
function frontMatterTextsOf(text: string, options: TerminologyOptions): readonly FrontMatterText[] {
  if (options.format !== 'markdown') return [];
  const metadata = frontMatter(text);
  return metadata?.hasTextValues && !metadata.svcOff ? readFrontMatterTexts(text) : [];
}

/**
 * The terminology check of one text, read a slice at a time. Names whose sense depends on the document are
 * decided once every slice is read, on the evidence of the whole text.
 */
export class TerminologyCheck {
  private readonly terms: EffectiveTerms;
  private readonly slices: ProseSlices;
  /** Front matter values still to read: they come before the first slice. */
  private frontMatterTexts: readonly FrontMatterText[];
  /** The front matter value being read, if any. */
  private inValue: FrontMatterText | undefined;
  private readonly ignored: ReadonlySet<string>;
  private readonly ignoredNames = new Map<string, boolean>();
  private readonly evidence = new DocumentEvidence();
  /** The terms mentioned so far: what they tell about the document is added up at the end, once per term. */
  private readonly mentioned = new Set<TermRef>();
  private readonly decided: TerminologyFinding[] = [];
  private readonly pending: Pending[] = [];
  /** How many pending mentions are decided, once every slice is read. */
  private concluded = 0;
  /** The pending mentions that turned out to be findings, in text order. */
  private readonly latecomers: TerminologyFinding[] = [];
  private result: readonly TerminologyFinding[] | undefined;

  constructor(
    private readonly text: string,
    options: TerminologyOptions,
    sliceSize?: number,
  ) {
    this.terms = options.terms ?? builtInTerms();
    this.slices = new ProseSlices(text, options.format, sliceSize);
    this.frontMatterTexts = frontMatterTextsOf(text, options);
    this.ignored = new Set((options.ignore ?? []).map(normalizeForm));
  }

  /** Reads slices until `shouldPause` (asked after each one) says to stop; true once the whole text is checked. */
  advance(shouldPause: () => boolean = () => false): boolean {
    for (const value of this.frontMatterTexts) {
      this.inValue = value;
      this.read(value.range.start, value.range.end);
    }
    this.inValue = undefined;
    this.frontMatterTexts = [];
    while (!this.slices.done) {
      for (const range of this.slices.next()) this.read(range.start, range.end);
      if (shouldPause()) return false;
    }
    if (this.result) return true;
    if (this.concluded === 0) {
      for (const term of this.mentioned) {
        for (const topic of topicsOfTerm(term)) this.evidence.add(topic, term);
      }
    }
    while (this.concluded < this.pending.length) {
      for (const end = Math.min(this.pending.length, this.concluded + PENDING_BATCH); this.concluded < end; this.concluded++) this.decide(this.pending[this.concluded]);
      if (this.concluded < this.pending.length && shouldPause()) return false;
    }
    this.result = mergeInTextOrder(this.decided, this.latecomers);
    return true;
  }

  /** Every finding in text order, once `advance` has returned true. */
  get findings(): readonly TerminologyFinding[] | undefined {
    return this.result;
  }

  private readonly hearCue = (topic: EvidenceTopic, key: string): void => this.evidence.add(topic, key);

  private read(start: number, end: number): void {
    this.terms.index.visit(this.text, start, end, this.hearTerm, this.hearCue);
  }

  private readonly hearTerm = (start: number, end: number, term: TermRef): void => {
    if (term.kind === 'legacy') {
      this.readLegacy({ start, end, term }, getLegacyTerm(term.id));
      return;
    }
    this.mentioned.add(term);
    if (term.kind !== 'avoided') return;
    const rule = this.terms.rule(term.id);
    const written = this.text.slice(start, end);
    if (!rule || this.isIgnored(written, [written])) return;
    const advice = this.fitted(avoidedAdvice(rule, this.terms.glossary.organisation, written, this.isSentenceStart(start, this.inValue)), this.inValue);
    this.decided.push({ code: PREFERRED_TERM_CODE, start, end, written, rule, confidence: 'certain', ...advice });
  };

  private readLegacy(match: TermMatch, legacy: LegacyTerm): void {
    const written = this.text.slice(match.start, match.end);
    const spelling = spellingOf(legacy, written);
    const { form } = spelling;
    if (form.capitalised && !isWrittenAsName(written)) return;
    if (form.contextual && NUMBER_AFTER.test(this.text.slice(match.end, match.end + 8))) return;
    if (form.contextual && form.rule?.against && isAfterCueWord(this.text, match.start, form.rule.against)) return;
    // An old name tells that the document is about ITSM (and changes, for the change ones), unless it needs that
    // evidence itself: names that cannot stand alone never vouch for each other.
    const vouches = !form.contextual && !form.rule?.required;
    if (vouches) this.mentioned.add(match.term);
    const ownKey = vouches ? match.term : undefined;
    if (this.ignored.size > 0 && this.isIgnored(`${legacy.id}\n${written}`, [written, legacy.id, legacy.term, ...legacy.variants])) return;
    const everyday = legacy.everydayInLowerCase === true && !isWrittenAsName(written);
    const inValue = this.inValue;
    if (form.rule || legacy.keptBy) this.pending.push({ match, legacy, written, spelling, ownKey, everyday, inValue });
    else this.decided.push(this.legacyFinding(match, legacy, written, spelling, !everyday, inValue));
  }

  /**
   * The finding on an old name; `sure` says whether it surely means the old name. It is certain only when it does,
   * its ITIL 4 name is a true replacement (not an approximate one), the text does not name it as the old name
   * ("formerly Change Management"), which a rewrite would change the meaning of, and it names no part of a tool
   * ("the Change Management plugin"), which may keep the old name.
   */
  private legacyFinding(match: TermMatch, legacy: LegacyTerm, written: string, spelling: Spelling, sure: boolean, inValue: FrontMatterText | undefined): LegacyTermFinding {
    const rewritable = sure && legacy.mapping !== 'approximate';
    const confidence = rewritable && !this.isNamedAsOldName(match, legacy, inValue) && !namesToolPart(this.text, match.end) ? 'certain' : 'likely';
    const advice = adviceFor(legacy, written, spelling, this.isSentenceStart(match.start, inValue), confidence, sure);
    const placed = withArticle(this.text, match.start, advice);
    const fitted = this.fitted(placed.advice, inValue);
    return { code: LEGACY_TERM_CODE, start: placed.start, end: match.end, written, legacyId: legacy.id, mapping: legacy.mapping, confidence, ...fitted };
  }

  private isNamedAsOldName({ start, end }: TermMatch, legacy: LegacyTerm, inValue: FrontMatterText | undefined): boolean {
    const quotesAreSyntax = inValue?.range.start === start && inValue.range.end === end;
    return isNamedAsOldName(this.text, start, end, formsOf(legacy), quotesAreSyntax);
  }

  /** A front matter value starts a sentence of its own: a title's first word is capitalised like a sentence's. */
  private isSentenceStart(offset: number, inValue: FrontMatterText | undefined): boolean {
    return inValue?.range.start === offset || isSentenceStart(this.text, offset);
  }

  private fitted(advice: Advice, inValue: FrontMatterText | undefined): Advice {
    return inValue ? fittedToScalar(advice, inValue.style) : advice;
  }

  private isIgnored(key: string, names: readonly string[]): boolean {
    if (this.ignored.size === 0) return false;
    let ignored = this.ignoredNames.get(key);
    if (ignored === undefined) {
      ignored = names.some((name) => this.ignored.has(normalizeForm(name)));
      this.ignoredNames.set(key, ignored);
    }
    return ignored;
  }

  /**
   * Decides a pending mention on the whole text's evidence: its context rule, if any, and whether the document
   * cites a vocabulary that keeps the name.
   */
  private decide({ match, legacy, written, spelling, ownKey, everyday, inValue }: Pending): void {
    const rule = spelling.form.rule;
    const context = rule ? contextConfidence(rule, this.evidence, ownKey) : 'certain';
    const kept = legacy.keptBy !== undefined && this.evidence.support(legacy.keptBy) > 0;
    if (context) this.latecomers.push(this.legacyFinding(match, legacy, written, spelling, !everyday && !kept && context === 'certain', inValue));
  }
}

/** Pending mentions decided between two pauses. */
const PENDING_BATCH = 2048;

/** Two lists of findings, each in text order, as one. */
function mergeInTextOrder(first: readonly TerminologyFinding[], second: readonly TerminologyFinding[]): readonly TerminologyFinding[] {
  if (second.length === 0) return first;
  const merged: TerminologyFinding[] = [];
  let a = 0;
  let b = 0;
  while (a < first.length || b < second.length) {
    if (b >= second.length || (a < first.length && first[a].start <= second[b].start)) merged.push(first[a++]);
    else merged.push(second[b++]);
  }
  return merged;
}

