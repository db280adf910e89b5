/**
 * Coverage of one document: which value chain activities and which practices it mentions, where first and
 * how often, and which practices the mentioned activities usually involve that the document never names —
 * what a consultant reviewing a process design checks first.
 *
 * Prose is scanned once with the term matcher (code, markup and `svc-disable` regions left out, as for the
 * terminology checker); value-stream steps count the activity and practices they reference. One-word activity
 * names count only where they read as the activity, not as a verb (see activityMentions). The terms are an
 * input (`terms`): a workspace glossary adds its spellings and hides practices the organisation does not use.
 */
import { ACTIVITIES, getActivity, type ActivityId, getPractice, type Practice } from '../itil';
import { meansItsTerm, builtInTerms, type EffectiveTerms } from '../terms';
import { disabledRegions, proseRanges, type DocumentKind, type TextRange } from '../documents';
import { readValueStreams, type ValueStream } from '../valueStreams';

/** One activity or practice the document mentions. */
export interface MentionedItem<Id extends string = string> {
  readonly id: Id;
  readonly count: number;
  /** The first mention, as offsets into the document. */
  readonly first: TextRange;
}

/** A practice the mentioned activities usually involve that the document does not name. */
export interface UnmentionedPractice {
  readonly id: string;
  /** The mentioned activities that involve it, in value chain order. */
  readonly activityIds: readonly ActivityId[];
  /** Whether it is a key practice of one of those activities (the seed's quick-reference table). */
  readonly key: boolean;
}

export interface DocumentCoverage {
  /** Mentioned activities, in value chain order. */
  readonly activities: readonly MentionedItem<ActivityId>[];
  /** Mentioned practices, in order of first mention. */
  readonly practices: readonly MentionedItem[];
  /** Key practices first, then by how many mentioned activities involve them, then by name. */
  readonly unmentioned: readonly UnmentionedPractice[];
  readonly activityTotal: number;
  readonly practiceTotal: number;
}

export interface CoverageOptions {
  readonly format: DocumentKind;
  /** The terms to look for (built-ins plus the workspace glossary); the model's own terms when absent. */
  readonly terms?: EffectiveTerms;
}

interface Tally {
  count: number;
  first: TextRange;
}

class MentionTally {
  private readonly byId = new Map<string, Tally>();

  add(id: string, range: TextRange): void {
    const tally = this.byId.get(id);
    if (!tally) {
      this.byId.set(id, { count: 1, first: { start: range.start, end: range.end } });
      return;
    }
    tally.count++;
    if (range.start < tally.first.start) tally.first = { start: range.start, end: range.end };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  items(): MentionedItem[] {
    return [...this.byId].map(([id, tally]) => ({ id, count: tally.count, first: tally.first }));
  }
}

export function computeCoverage(text: string, options: CoverageOptions): DocumentCoverage {
  const terms = options.terms ?? builtInTerms();
  const index = terms.index;
  const knownPractices = terms.practices.map((entry) => entry.practice);
  const activities = new MentionTally();
  const practices = new MentionTally();
  const tallyOf = (kind: 'activity' | 'practice'): MentionTally => (kind === 'activity' ? activities : practices);

  // A step's own reference is counted once, even though the term matcher finds it again in the YAML.
  const stepReferences: TextRange[] = [];
  for (const stream of valueStreamsOf(text, options.format)) {
    for (const step of stream.steps) {
      if (step.activity && step.activityRange) {
        activities.add(step.activity, step.activityRange);
        stepReferences.push(step.activityRange);
      }
      for (const reference of step.practices) {
        if (!reference.practiceId) continue;
        practices.add(reference.practiceId, reference.range);
        stepReferences.push(reference.range);
      }
    }
  }
  stepReferences.sort((a, b) => a.start - b.start);

  const scanned: readonly TextRange[] =
    options.format === 'valuestream' ? [{ start: 0, end: text.length }] : proseRanges(text, options.format);
  let nextReference = 0;
  for (const range of scanned) {
    for (const match of index.findAll(text, range.start, range.end)) {
      if (match.term.kind !== 'activity' && match.term.kind !== 'practice') continue;
      while (nextReference < stepReferences.length && stepReferences[nextReference].end <= match.start) nextReference++;
      const reference = stepReferences[nextReference];
      if (reference && reference.start < match.end) continue;
      if (!meansItsTerm(text, match)) continue;
      tallyOf(match.term.kind).add(match.term.id, match);
    }
  }

  const activityOrder = ACTIVITIES.map((activity) => activity.id);
  const mentionedActivities = activities
    .items()
    .filter((item): item is MentionedItem<ActivityId> => activityOrder.includes(item.id as ActivityId))
    .sort((a, b) => activityOrder.indexOf(a.id) - activityOrder.indexOf(b.id));
  const knownPractice = new Set(knownPractices.map((practice) => practice.id));
  const mentionedPractices = practices
    .items()
    .filter((item) => knownPractice.has(item.id))
    .sort((a, b) => a.first.start - b.first.start);
  return {
    activities: mentionedActivities,
    practices: mentionedPractices,
    unmentioned: unmentionedPractices(
      knownPractices,
      mentionedActivities.map((item) => item.id),
      (id) => practices.has(id),
    ),
    activityTotal: ACTIVITIES.length,
    practiceTotal: knownPractices.length,
  };
}

/** Value streams whose steps count as mentions: the whole file, or the Markdown document's blocks. */
function valueStreamsOf(text: string, format: DocumentKind): readonly ValueStream[] {
  const source = readValueStreams(text, format);
  if (format !== 'markdown') return source.streams;
  const switchedOff = disabledRegions(text);
  return source.sections
    .filter((section) => !switchedOff.some((region) => region.start <= section.range.start && section.range.start < region.end))
    .flatMap((section) => section.result.streams);
}

function unmentionedPractices(
  knownPractices: readonly Practice[],
  activityIds: readonly ActivityId[],
  isMentioned: (id: string) => boolean,
): UnmentionedPractice[] {
  const keyPractices = new Set(activityIds.flatMap((id) => getActivity(id).keyPracticeIds));
  const found: UnmentionedPractice[] = [];
  for (const practice of knownPractices) {
    if (isMentioned(practice.id)) continue;
    const involving = activityIds.filter((id) => practice.activities.includes(id));
    if (involving.length > 0) found.push({ id: practice.id, activityIds: involving, key: keyPractices.has(practice.id) });
  }
  return found.sort(
    (a, b) =>
      Number(b.key) - Number(a.key) ||
      b.activityIds.length - a.activityIds.length ||
      getPractice(a.id).name.localeCompare(getPractice(b.id).name),
  );
}
