/**
 * The figures of an exported document: what each ```valuestream and ```mermaid block becomes (one flowchart per
 * stream and the block's schedule, or the Mermaid diagram), with its number, caption and alt text, or the
 * problems that keep it from being drawn, which the document shows in place of the figure.
 */
import { valueStreamFlowchart, valueStreamGantt } from '../diagrams/mermaid';
import { isValueStreamInfo } from '../documents';
import type { ValueStream } from '../valueStreams';
import { parseValueStreams } from '../yamlParsers';

/** What the drawing page draws for one figure. Value streams travel as data: the page colours them in its palette. */
export type DrawingJob =
  | { readonly kind: 'flowchart'; readonly stream: ValueStream; readonly streamIndex: number }
  | { readonly kind: 'schedule'; readonly streams: readonly ValueStream[]; readonly firstStreamIndex: number; readonly title: string }
  | { readonly kind: 'mermaid'; readonly source: string }
  /** An SVG image of the document, drawn as PNG for Word (which shows SVG only beside a PNG of it). */
  | { readonly kind: 'image'; readonly svg: string };

export interface Figure {
  /** 1-based, in document order. */
  readonly number: number;
  /** "Figure 2 — Password reset: schedule" */
  readonly caption: string;
  /** What the diagram shows, in words: the diagram's accessible description. */
  readonly altText: string;
  readonly job: DrawingJob;
  /** 1-based document line of the block's first content line. */
  readonly line: number;
}

/** Why a block is not drawn, with the 1-based line of the document it points at. */
export interface BlockProblem {
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

/** What one fenced block becomes: figures, problems shown in a box, or nothing (an ordinary code block). */
export type FencedBlockFigures =
  | { readonly kind: 'figures'; readonly figures: readonly Figure[] }
  | { readonly kind: 'problems'; readonly title: string; readonly problems: readonly BlockProblem[]; readonly source?: string };

/**
 * The Mermaid diagram types the drawing page has the code for (see MERMAID_LAZY_ALLOWED in esbuild.mjs), with the
 * name an untitled one is captioned with.
 */
const DRAWN_MERMAID_TYPES: Readonly<Record<string, string>> = {
  flowchart: 'Flowchart',
  'flowchart-v2': 'Flowchart',
  graph: 'Flowchart',
  gantt: 'Schedule',
  sequenceDiagram: 'Sequence diagram',
  classDiagram: 'Class diagram',
  'classDiagram-v2': 'Class diagram',
  stateDiagram: 'State diagram',
  'stateDiagram-v2': 'State diagram',
  erDiagram: 'Entity-relationship diagram',
  journey: 'User journey',
  timeline: 'Timeline',
  quadrantChart: 'Quadrant chart',
  pie: 'Pie chart',
};

/** What the drawing page draws, in words, for messages. */
export const DRAWN_MERMAID_TYPES_IN_WORDS =
  'flowcharts, Gantt charts, sequence, class, state and entity-relationship diagrams, user journeys, timelines, quadrant charts and pie charts';

export function isMermaidInfo(info: string): boolean {
  return info.trim().split(/[\s{]/, 1)[0].toLowerCase() === 'mermaid';
}

/** Whether a fence's info string makes it a figure block rather than a code block. */
export function isFigureInfo(info: string): boolean {
  return isValueStreamInfo(info) || isMermaidInfo(info);
}

/** Numbers figures across a document: each block takes the next numbers, and value-stream indices stay unique. */
export class FigureNumbering {
  private nextFigure = 1;
  private nextStream = 0;

  /**
   * The figures of one fenced block whose content starts on 1-based document line `firstContentLine`, or
   * undefined for a block that is not a figure block.
   */
  block(info: string, content: string, firstContentLine: number): FencedBlockFigures | undefined {
    if (isValueStreamInfo(info)) return this.valueStreamBlock(content, firstContentLine);
    if (isMermaidInfo(info)) return this.mermaidBlock(content, firstContentLine);
    return undefined;
  }

  private take(caption: string, altText: string, job: DrawingJob, line: number): Figure {
    const number = this.nextFigure++;
    return { number, caption: `Figure ${number} — ${caption}`, altText, job, line };
  }

  private valueStreamBlock(content: string, firstContentLine: number): FencedBlockFigures {
    const result = parseValueStreams(content);
    const errors = result.findings.filter((finding) => finding.severity === 'error');
    const title = 'This value stream could not be drawn';
    if (errors.length > 0) {
      return {
        kind: 'problems',
        title,
        problems: errors.map((finding) => ({ line: firstContentLine + lineOf(content, finding.range.start), code: finding.code, message: finding.message })),
      };
    }
    const streams = result.streams.filter((stream) => stream.steps.length > 0);
    if (streams.length === 0) {
      return { kind: 'problems', title, problems: [{ line: firstContentLine, code: 'svc/missing-field', message: 'This block has no value stream with steps yet.' }] };
    }
    const firstStreamIndex = this.nextStream;
    this.nextStream += result.streams.length;
    const figures = streams.map((stream) => {
      const streamIndex = firstStreamIndex + result.streams.indexOf(stream);
      const diagram = valueStreamFlowchart(stream, streamIndex, 'stylesheet');
      return this.take(`${streamName(stream)}: flowchart`, diagram.description, { kind: 'flowchart', stream, streamIndex }, firstContentLine);
    });
    const scheduleTitle = listInWords(streams.map(streamName));
    const schedule = valueStreamGantt(result.streams, { firstStreamIndex, title: scheduleTitle });
    figures.push(this.take(`${scheduleTitle}: schedule`, schedule.description, { kind: 'schedule', streams: result.streams, firstStreamIndex, title: scheduleTitle }, firstContentLine));
    return { kind: 'figures', figures };
  }

  private mermaidBlock(content: string, firstContentLine: number): FencedBlockFigures {
    const type = mermaidDiagramType(content);
    const typeName = type === undefined ? undefined : DRAWN_MERMAID_TYPES[type];
    if (!type || !typeName) {
      return {
        kind: 'problems',
        title: 'This Mermaid diagram could not be drawn',
        problems: [
          {
            line: firstContentLine,
            code: 'svc/unsupported-diagram',
            message: type
              ? `Mermaid ${type} diagrams are not drawn in exports, which draw ${DRAWN_MERMAID_TYPES_IN_WORDS}. The diagram's source follows.`
              : 'The block does not start with a Mermaid diagram type such as flowchart or sequenceDiagram.',
          },
        ],
        source: content,
      };
    }
    const title = mermaidField(content, 'accTitle') ?? mermaidField(content, 'title') ?? typeName;
    const description = mermaidField(content, 'accDescr') ?? (title === typeName ? typeName : `${typeName}: ${title}`);
    return { kind: 'figures', figures: [this.take(title, description, { kind: 'mermaid', source: content }, firstContentLine)] };
  }
}

function streamName(stream: ValueStream): string {
  return stream.name.trim() || 'Value stream';
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

/** The first word of the diagram, past Mermaid's front matter, `%%` comments and directives and blank lines. */
export function mermaidDiagramType(source: string): string | undefined {
  const lines = source.split(/\r?\n/);
  let index = 0;
  if (lines[0]?.trim() === '---') {
    index = lines.findIndex((line, position) => position > 0 && line.trim() === '---') + 1;
    if (index === 0) return undefined;
  }
  for (; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '' || line.startsWith('%%')) continue;
    return line.split(/[\s;]/, 1)[0];
  }
  return undefined;
}

/** A one-line `accTitle: …`, `accDescr: …` or `title …` (also `pie title …`) statement of a Mermaid diagram. */
function mermaidField(source: string, field: 'accTitle' | 'accDescr' | 'title'): string | undefined {
  const pattern = field === 'title' ? /^\s*(?:pie\s+(?:showData\s+)?)?title\s*:?\s+(.+?)\s*$/m : new RegExp(`^\\s*${field}\\s*:\\s*(.+?)\\s*$`, 'm');
  return pattern.exec(source)?.[1];
}
