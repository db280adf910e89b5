/**
 * What a document is about, as far as the terminology checker needs it to tell the senses of an old name
 * apart: "RFC" is a request for change in a change policy and an IETF standard in a protocol design; "CSI"
 * is continual service improvement in ITIL notes and the Container Storage Interface in a Kubernetes runbook.
 *
 * Evidence is counted per document, as the number of distinct cues of each topic: ITIL terms whose mention
 * tells the topic (read from the term matcher's hits) and cue words that are no ITIL term (read by the term
 * matcher silently, see termTopics). A name never vouches for itself.
 */
import { ITIL4 } from '../../itil';
import type { TermRef } from '../termMatcher';
import type { ContextRule, EvidenceTopic } from '../../itil';
import { TOPIC_CUES, type Confidence } from '../termTopics';

const cueWords = new Map<EvidenceTopic, Set<string>>();
for (const { topic, forms } of TOPIC_CUES) {
  cueWords.set(topic, new Set(forms.filter((form) => !/\s/.test(form)).map((form) => form.toLowerCase())));
}

/** Whether the word right before `offset` is a cue word of `topic`: "IETF RFC", "Kubernetes CSI". */
export function isAfterCueWord(text: string, offset: number, topic: EvidenceTopic): boolean {
  let end = offset;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) start--;
  return start < end && (cueWords.get(topic)?.has(text.slice(start, end).toLowerCase()) ?? false);
}

const CHANGE_TERMS = [
  'practice:change-enablement',
  'concept:change-request',
  'concept:change-authority',
  'concept:change-schedule',
  'concept:standard-change',
  'concept:normal-change',
  'concept:emergency-change',
  'legacy:change-management',
  'legacy:change-evaluation',
  'legacy:request-for-change',
  'legacy:forward-schedule-of-change',
  'legacy:change-advisory-board',
  'legacy:emergency-change-advisory-board',
];

const ITSM_CONCEPTS = [
  'service-management',
  'incident',
  'problem',
  'known-error',
  'workaround',
  'service-request',
  'service-level-agreement',
  'configuration-item',
  'major-incident',
  'continual-improvement-register',
  'continual-improvement-model',
  'service-value-system',
  'service-value-chain',
];

/** The topics each ITIL term tells when it is mentioned: ITSM practices, concepts and old names, and the change ones. */
const TERM_TOPICS = new Map<string, EvidenceTopic[]>();
function addTermTopic(key: string, topic: EvidenceTopic): void {
  TERM_TOPICS.set(key, [...(TERM_TOPICS.get(key) ?? []), topic]);
}
// The general management practices (risk, project, portfolio management…) are everyday business words: only the
// service and technical ones tell an ITSM document.
for (const group of ITIL4.practiceGroups.filter((candidate) => candidate.id !== 'general')) {
  for (const id of group.practiceIds) addTermTopic(`practice:${id}`, 'itsm');
}
for (const id of ITSM_CONCEPTS) addTermTopic(`concept:${id}`, 'itsm');
// Changes are part of ITSM: a change request tells both.
for (const key of CHANGE_TERMS) {
  addTermTopic(key, 'change');
  if (!key.startsWith('legacy:')) addTermTopic(key, 'itsm');
}
addTermTopic('practice:organizational-change-management', 'people-change');

const termTopicCache = new WeakMap<TermRef, readonly EvidenceTopic[]>();
const NO_TOPICS: readonly EvidenceTopic[] = [];

/** The topics a mention of `term` tells; legacy names tell ITSM too. */
export function topicsOfTerm(term: TermRef): readonly EvidenceTopic[] {
  let topics = termTopicCache.get(term);
  if (!topics) {
    const own = TERM_TOPICS.get(`${term.kind}:${term.id}`) ?? [];
    topics = term.kind === 'legacy' && !own.includes('itsm') ? [...own, 'itsm'] : own.length > 0 ? own : NO_TOPICS;
    termTopicCache.set(term, topics);
  }
  return topics;
}

/** Topics that are part of a broader one. */
const BROADER_TOPICS: Partial<Record<EvidenceTopic, EvidenceTopic>> = { change: 'itsm' };
/** Topics whose every cue is a cue of another as well: a document that cites ISO/IEC 20000 is about ITSM. */
const ALSO_TELLS: Partial<Record<EvidenceTopic, EvidenceTopic>> = { iso20000: 'itsm' };
const CLEARLY_ABOUT = 3;

/** The distinct cues of each topic seen in one document. */
export class DocumentEvidence {
  private readonly cues = new Map<EvidenceTopic, Set<unknown>>();

  /** Records one cue; `key` (a term, or a spelling) tells cues apart: the same cue twice counts once. */
  add(topic: EvidenceTopic, key: unknown): void {
    const also = ALSO_TELLS[topic];
    if (also) this.add(also, key);
    let keys = this.cues.get(topic);
    if (!keys) {
      keys = new Set<unknown>();
      this.cues.set(topic, keys);
    }
    keys.add(key);
  }

  /**
   * How many distinct cues tell `topic`, leaving out the cue `own` (a name does not vouch for itself). A document
   * clearly about the broader topic (three cues of ITSM) counts as one cue of a narrower one (changes).
   */
  support(topic: EvidenceTopic, own?: unknown): number {
    const broader = BROADER_TOPICS[topic];
    const fromBroader = broader && this.count(broader, own) >= CLEARLY_ABOUT ? 1 : 0;
    return this.count(topic, own) + fromBroader;
  }

  private count(topic: EvidenceTopic, own: unknown): number {
    const keys = this.cues.get(topic);
    if (!keys) return 0;
    return own !== undefined && keys.has(own) ? keys.size - 1 : keys.size;
  }
}

/**
 * How sure the document's evidence makes the checker that a name governed by `rule` means its ITIL v3 sense:
 * undefined when it means something else. `own` is the name's own cue key. The cues the rule requires make it
 * likely, one more makes it certain; evidence of the other sense weakens it and, once it weighs as much, silences it.
 */
export function contextConfidence(rule: ContextRule, evidence: DocumentEvidence, own: unknown): Confidence | undefined {
  const support = evidence.support(rule.topic, own);
  const required = rule.required ?? 0;
  if (support < required) return undefined;
  const against = rule.against ? evidence.support(rule.against, own) : 0;
  if (against > 0) return against >= support ? undefined : 'likely';
  return required > 0 && support === required ? 'likely' : 'certain';
}

/** Words before an old name, in the same sentence, that say the text names it as the old name. */
const MENTION_BEFORE = /formerly|previously|originally|\bcall(?:s|ed)?\b|named|known as|used to be|\bw(?:as|ere)\b|replac(?:es|ed|ing)|instead of|rather than|\bold(?:er)?\b|\bsa(?:y|ys|id)\b|\bterms?\b|v3|ITIL 2011/i;
/** "Instead of" and "rather than" before a verb ("instead of writing an RFC") speak of doing, not of the name. */
const INSTEAD_OF_DOING = /(?:instead of|rather than)\s+\w+ing\b/gi;
/**
 * Words after an old name, in the same sentence, that say the same: "… became change enablement", "(ITIL v3)", an
 * older edition ("… from v3"). "Is now" says so only with what the name is now ("is now called…"): "is now a
 * standing item" uses the name.
 */
const MENTION_AFTER =
  /\b(?:was|were|is|are|has been|have been|got|gets)(?: now| later| since| then| all| also)? (?:renamed|replaced|split|merged|retired|absorbed|dropped)\b|\b(?:became|becomes|no longer|any more|anymore)\b|\b(?:is|are) gone\b|\b(?:is|are) now (?:called|named|known as|part of|covered by|handled by|included in)\b|\b(?:has|have) no\b|→|->|\b(?:v[23]|2007|2011)\b/i;
const VERSION_AFTER = /^[\s*_"”’)]*\((?:ITIL )?(?:v[23]|2011)\b/i;
const QUOTES_BEFORE = new Set(['"', '“', "'", '‘']);
const QUOTES_AFTER = new Set(['"', '”', "'", '’']);
/** How far around a name its sentence is read for those words. */
const MENTION_WINDOW = 40;
/** A sentence that speaks of an older edition ("the 2011 edition lists … Change Management") names old names as such. */
const OLD_EDITION = /\b(?:v[23]|V[23]|2007|2011)\b/;
const SENTENCE_WINDOW = 200;
// ".", "!", "?" and a line break end a sentence; a colon or semicolon does not.
const FULL_STOPS = new Uint8Array(128).map((_, code) => ('.!?\n'.includes(String.fromCharCode(code)) ? 1 : 0));
// ".", "!", "?", ";", ":" and a line break end the stretch read around a name.
const SENTENCE_BREAKS = new Uint8Array(128).map((_, code) => ('.!?;:\n'.includes(String.fromCharCode(code)) ? 1 : 0));
/**
 * Words for the parts of a tool: an old name right before one (a word may stand between) names that part, which
 * may keep the old name whatever the practice is called now: "the Change Management plugin", "the RFC-number field".
 */
const TOOL_PART_AFTER =
  /(?:-[A-Za-z0-9]+)?[ \t]+(?:[A-Za-z0-9]+[ \t]+)?(?:plug-?ins?|add-ons?|APIs?|modules?|apps?|applications?|consoles?|dashboards?|widgets?|menus?|fields?|tables?|screens?|tabs?|buttons?|columns?|propert(?:y|ies)|licen[cs]es?|SKUs?)\b/iy;

/** Whether a parenthesis opens right after `offset`, past spaces and closing emphasis or quotes. */
function opensParenthesis(text: string, offset: number): boolean {
  for (let index = offset; index < offset + 4 && index < text.length; index++) {
    const character = text[index];
    if (character === '(') return true;
    if (!/[\s*_"”’)]/.test(character)) return false;
  }
  return false;
}

/**
 * Whether `stretch` (read beside an old name) names one of its ITIL 4 names outside its own spellings: a long form
 * beside an abbreviation may hold one ("IT Service Continuity Management (ITSCM)").
 */
function namesReplacement(stretch: string, names: OldNameForms): boolean {
  names.replacements.lastIndex = 0;
  for (let found = names.replacements.exec(stretch); found; found = names.replacements.exec(stretch)) {
    const start = found.index;
    const end = start + found[0].length;
    names.spellings.lastIndex = 0;
    let insideSpelling = false;
    for (let own = names.spellings.exec(stretch); own && own.index < end && !insideSpelling; own = names.spellings.exec(stretch)) {
      insideSpelling = own.index <= start && end <= own.index + own[0].length;
    }
    if (!insideSpelling) return true;
  }
  return false;
}

/** Whether the line starting at `lineStart` is a blockquote line: "> …" after up to a few spaces. */
function isQuoteLine(text: string, lineStart: number): boolean {
  let index = lineStart;
  while (index < lineStart + 8 && (text[index] === ' ' || text[index] === '\t')) index++;
  return text[index] === '>';
}

/**
 * Whether the line of `offset` is in a blockquote introduced by a paragraph that ends in a colon and speaks of an
 * older edition ("The v3 glossary defined it so:"): the quotation is the older edition's words.
 */
function isQuotedFromOldEdition(text: string, offset: number): boolean {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (!isQuoteLine(text, lineStart)) return false;
  while (lineStart > 0) {
    const previous = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (!isQuoteLine(text, previous)) break;
    lineStart = previous;
  }
  const leadIn = text.slice(Math.max(0, lineStart - SENTENCE_WINDOW), lineStart).trimEnd();
  const paragraph = leadIn.slice(leadIn.lastIndexOf('\n\n') + 1);
  return paragraph.endsWith(':') && OLD_EDITION.test(paragraph);
}

/** An old name's ITIL 4 names and its own spellings, as global case-insensitive patterns of whole words. */
export interface OldNameForms {
  readonly replacements: RegExp;
  readonly spellings: RegExp;
}

/** A pattern of any of `names` (ASCII words, as the model's are) as whole words, case and spacing aside; it never matches when there are none. */
export function wholeWordsPattern(names: readonly string[]): RegExp {
  if (names.length === 0) return /(?!)/g;
  const alternatives = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gi');
}

/**
 * Whether the text names an old name as such rather than using it: "change enablement (formerly change
 * management)", "ITIL v3 defines Capacity Management as…", "Request Fulfilment became service request
 * management", "from Change Management to change enablement" (its own ITIL 4 name right after it), "Request
 * Fulfilment from v3", a name in quotation marks (unless `quotesAreSyntax`: the quotes of a YAML value around it)
 * or in a quotation of an older edition. Rewriting it would change what the sentence says, so such a finding is
 * never more than likely. `names` are the old name's ITIL 4 names and own spellings.
 */
export function isNamedAsOldName(text: string, start: number, end: number, names: OldNameForms, quotesAreSyntax = false): boolean {
  if (!quotesAreSyntax && QUOTES_BEFORE.has(text[start - 1]) && QUOTES_AFTER.has(text[end])) return true;
  let from = start;
  const before = Math.max(0, start - MENTION_WINDOW);
  while (from > before && SENTENCE_BREAKS[text.charCodeAt(from - 1)] !== 1) from--;
  if (from < start - 3) {
    const preceding = text.slice(from, start);
    if (MENTION_BEFORE.test(preceding) && MENTION_BEFORE.test(preceding.replace(INSTEAD_OF_DOING, ' '))) return true;
  }
  if (from > 0 && FULL_STOPS[text.charCodeAt(from - 1)] !== 1) {
    // The sentence goes on further back: does it speak of an older edition?
    let sentenceStart = from;
    const limit = Math.max(0, start - SENTENCE_WINDOW);
    while (sentenceStart > limit && FULL_STOPS[text.charCodeAt(sentenceStart - 1)] !== 1) sentenceStart--;
    if (OLD_EDITION.test(text.slice(sentenceStart, from))) return true;
  }
  if (opensParenthesis(text, end) && VERSION_AFTER.test(text.slice(end, end + 16))) return true;
  let to = end;
  const after = Math.min(text.length, end + MENTION_WINDOW);
  while (to < after && SENTENCE_BREAKS[text.charCodeAt(to)] !== 1) to++;
  // After the name, its own ITIL 4 name ("from Change Management to change enablement", "… is now service request
  // management") says the same.
  const following = to > end + 3 ? text.slice(end, to) : '';
  if (following && (MENTION_AFTER.test(following) || namesReplacement(following, names))) return true;
  return isQuotedFromOldEdition(text, start);
}

/** Whether the name ending at `end` names a part of a tool ("the Change Management plugin"). */
export function namesToolPart(text: string, end: number): boolean {
  TOOL_PART_AFTER.lastIndex = end;
  return TOOL_PART_AFTER.test(text);
}
