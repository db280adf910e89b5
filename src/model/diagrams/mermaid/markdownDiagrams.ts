/**
 * What a ```valuestream block becomes in the Markdown preview: the same Mermaid text as the diagram panels
 * (one flowchart per stream, then the Gantt chart of the block), or the block's errors in place of them.
 */
import { LineMap } from '../../documents';
import { valueStreamFlowchart, valueStreamGantt } from './valueStreamCharts';
import { parseValueStreams } from '../../yamlParsers';

export interface BlockError {
  /** 0-based line inside the block's content. */
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

export type BlockDiagrams =
  | { readonly kind: 'diagrams'; readonly sources: readonly string[]; readonly streamCount: number }
  | { readonly kind: 'errors'; readonly errors: readonly BlockError[] };

/**
 * Mermaid sources for one block. `firstStreamIndex` numbers the streams across the whole document, so node
 * and task ids stay unique when a document has several blocks.
 */
export function valueStreamBlockDiagrams(content: string, firstStreamIndex: number): BlockDiagrams {
  const result = parseValueStreams(content);
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    const lines = new LineMap(content);
    return { kind: 'errors', errors: errors.map((finding) => ({ line: lines.positionAt(finding.range.start).line, code: finding.code, message: finding.message })) };
  }
  const streams = result.streams.filter((stream) => stream.steps.length > 0);
  if (streams.length === 0) {
    return { kind: 'errors', errors: [{ line: 0, code: 'svc/missing-field', message: 'This block has no value stream with steps yet.' }] };
  }
  const flowcharts = result.streams.map((stream, index) => valueStreamFlowchart(stream, firstStreamIndex + index, 'stylesheet').source);
  const [single] = streams;
  const gantt = valueStreamGantt(result.streams, { firstStreamIndex, title: streams.length === 1 && single ? single.name : 'Value streams' }).source;
  return { kind: 'diagrams', sources: [...flowcharts, gantt], streamCount: result.streams.length };
}
