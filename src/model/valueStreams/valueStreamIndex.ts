/**
 * The index behind the Value Streams view: for every source (a `*.valuestream.yaml` file or a Markdown
 * file with ```valuestream blocks) the streams it defines, with line positions for each stream and step.
 * Sources are added, replaced and removed one at a time, so an edit re-parses only the file it touched.
 */
import type { ActivityId } from '../itil';
import { mayContainValueStream, LineMap, type SourcePosition } from '../documents';
import { readValueStreams, type ValueStreamSourceKind } from './valueStreamSources';
import type { ValueStreamMetrics, ValueStreamParseResult } from './valueStreamTypes';

/** Reads the value streams of one source: `readValueStreams`, or a stand-in that counts the reads. */
export type ValueStreamReader = (text: string, kind: ValueStreamSourceKind) => ValueStreamParseResult;

export interface IndexedStep {
  readonly id: string;
  readonly title: string;
  readonly activity: ActivityId | undefined;
  readonly activityText: string;
  readonly position: SourcePosition;
}

export interface IndexedStream {
  readonly name: string;
  readonly description: string | undefined;
  readonly trigger: string | undefined;
  readonly outcome: string | undefined;
  readonly metrics: ValueStreamMetrics;
  readonly position: SourcePosition;
  readonly steps: readonly IndexedStep[];
}

export interface IndexedSource {
  /** The caller's key for the source, e.g. a URI string. */
  readonly key: string;
  readonly kind: ValueStreamSourceKind;
  readonly streams: readonly IndexedStream[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/** Files larger than this are not read: no hand-written value stream comes near it. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** Binary files have NUL characters early on; text never does. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\u0000');
}

/** Reads one source's text into an entry, or undefined when it defines no value stream worth listing. */
export function indexSource(key: string, kind: ValueStreamSourceKind, text: string, parse: ValueStreamReader): IndexedSource | undefined {
  if (looksBinary(text)) return undefined;
  if (kind === 'markdown' && !mayContainValueStream(text)) return undefined;
  const result = parse(text, kind);
  if (kind === 'markdown' && result.streams.length === 0 && result.findings.length === 0) return undefined;
  const lines = new LineMap(text);
  const streams = result.streams.map(
    (stream): IndexedStream => ({
      name: stream.name,
      description: stream.description,
      trigger: stream.trigger,
      outcome: stream.outcome,
      metrics: stream.metrics,
      position: lines.positionAt(stream.nameRange.start),
      steps: stream.steps.map((step) => ({
        id: step.id,
        title: step.title,
        activity: step.activity,
        activityText: step.activityText,
        position: lines.positionAt(step.range.start),
      })),
    }),
  );
  return {
    key,
    kind,
    streams,
    errorCount: result.findings.filter((finding) => finding.severity === 'error').length,
    warningCount: result.findings.filter((finding) => finding.severity === 'warning').length,
  };
}

/** All sources of a workspace, kept sorted by key. */
export class ValueStreamIndex {
  private readonly sources = new Map<string, IndexedSource>();
  private sorted: IndexedSource[] | undefined;

  constructor(private readonly parse: ValueStreamReader = readValueStreams) {}

  /** Indexes (or re-indexes) one source; returns whether the listing changed. */
  update(key: string, kind: ValueStreamSourceKind, text: string): boolean {
    const entry = indexSource(key, kind, text, this.parse);
    if (!entry) return this.remove(key);
    const previous = this.sources.get(key);
    if (previous && sameSource(previous, entry)) return false;
    this.sources.set(key, entry);
    this.sorted = undefined;
    return true;
  }

  remove(key: string): boolean {
    const removed = this.sources.delete(key);
    if (removed) this.sorted = undefined;
    return removed;
  }

  /** Removes every source whose key starts with `prefix` (a deleted folder); returns the keys removed. */
  removeUnder(prefix: string): string[] {
    const removed = [...this.sources.keys()].filter((key) => key.startsWith(prefix));
    removed.forEach((key) => this.remove(key));
    return removed;
  }

  clear(): void {
    this.sources.clear();
    this.sorted = undefined;
  }

  get(key: string): IndexedSource | undefined {
    return this.sources.get(key);
  }

  has(key: string): boolean {
    return this.sources.has(key);
  }

  get size(): number {
    return this.sources.size;
  }

  list(): readonly IndexedSource[] {
    this.sorted ??= [...this.sources.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.sorted;
  }
}

function sameSource(a: IndexedSource, b: IndexedSource): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
