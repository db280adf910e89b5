/**
 * The export domain: a consultant's Markdown document as the deliverable they send, a Word file or one
 * self-contained HTML file, with every figure drawn and the chosen appendices. This module runs an export from
 * start to end; the caller (the editor command, `svc-export`) supplies what differs between them: how figures are
 * drawn (a webview, a local Chromium) and how the document's images are read. Pure: no `vscode`, no Node built-ins.
 */
import { escapeHtml } from '../cards';
import type { ExportTheme, PngScale } from '../diagrams';
import type { EditionData } from '../itil';
import type { EffectiveTerms } from '../terms';
import { appendicesHtml, type AppendixId } from './appendices';
import { fittedScale, type DrawOptions, type DrawnFigure } from './drawing';
import type { BlockProblem, DrawingJob, Figure } from './figures';
import { htmlDocument, inlineSvg } from './htmlDocument';
import { opensWithHeading, problemBox, readExportSource, renderBody, type ExportSource } from './markdownDocument';
import { bylineHtml, titleBlockHtml, WORD_FIGURE_BOX, wordDocument } from './wordDocument';

export type ExportFormat = 'docx' | 'html';

/** Documents beyond these sizes are not proposals: the export says so instead of working for minutes. */
export const MAX_DOCUMENT_LENGTH = 10 * 1024 * 1024;
export const MAX_FIGURES = 500;
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** An export that cannot be made, with a message for the user. */
export class ExportError extends Error {}

export type ImageFile = { readonly bytes: Uint8Array } | { readonly problem: string };

export interface ExportRequest {
  readonly markdown: string;
  readonly format: ExportFormat;
  /** The document's file name, the page title when the front matter has none. */
  readonly fileName: string;
  readonly appendices: readonly AppendixId[];
  readonly terms: EffectiveTerms;
  readonly edition: EditionData;
  readonly theme: ExportTheme;
  readonly pngScale: PngScale;
  /** Draws the jobs in order, one result each; `onDrawn` reports progress. */
  readonly draw: (jobs: readonly DrawingJob[], options: DrawOptions, onDrawn: (done: number) => void) => Promise<readonly DrawnFigure[]>;
  /** Reads an image the document shows, by its path relative to the document. */
  readonly readImage: (path: string) => Promise<ImageFile>;
  /** Progress: the step the export is at, and for drawing how many of how many figures are drawn. */
  readonly onProgress?: (progress: ExportProgress) => void;
  readonly signal?: AbortSignal;
}

export type ExportProgress =
  | { readonly step: 'reading' | 'writing' }
  | { readonly step: 'drawing'; readonly done: number; readonly total: number };

/** A figure or block the output shows as a problem box, with the document line it comes from. */
export interface ExportProblem extends BlockProblem {
  readonly figure?: number;
}

export interface ExportResult {
  readonly bytes: Uint8Array;
  readonly figureCount: number;
  /** Blocks and figures shown as problem boxes instead of drawings, in document order. */
  readonly problems: readonly ExportProblem[];
  /** Everything else the user should know: front matter, images, what Word left out. */
  readonly notes: readonly string[];
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

function imageType(path: string): string | undefined {
  return IMAGE_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new ExportError('The export was cancelled.');
}

export async function exportDocument(request: ExportRequest): Promise<ExportResult> {
  if (request.markdown.length > MAX_DOCUMENT_LENGTH) {
    throw new ExportError(`The document is too large to export: ${(request.markdown.length / 1024 / 1024).toFixed(1)} MB of text, where the limit is ${MAX_DOCUMENT_LENGTH / 1024 / 1024} MB.`);
  }
  const source = readExportSource(request.markdown);
  if (source.figures.length > MAX_FIGURES) {
    throw new ExportError(`The document has ${source.figures.length} figures to draw; an export draws at most ${MAX_FIGURES}.`);
  }
  const notes = [...source.notes];
  const problems: ExportProblem[] = [...source.problems];
  request.onProgress?.({ step: 'reading' });
  const { images, imageProblems } = await readImages(source, request, notes);
  throwIfCancelled(request.signal);

  const format = request.format === 'html' ? 'svg' : 'png';
  const options: DrawOptions = { theme: request.theme, pngScale: request.pngScale, format, figureBox: WORD_FIGURE_BOX };
  const svgImages = request.format === 'docx' ? [...images].filter(([, image]) => image.type === 'image/svg+xml') : [];
  const jobs: DrawingJob[] = [...source.figures.map((figure) => figure.job), ...svgImages.map(([, image]) => ({ kind: 'image' as const, svg: new TextDecoder().decode(image.bytes) }))];
  const total = jobs.length;
  const onDrawn = (done: number) => request.onProgress?.({ step: 'drawing', done, total });
  if (total > 0) onDrawn(0);
  const drawn = total > 0 ? await request.draw(jobs, options, onDrawn) : [];
  throwIfCancelled(request.signal);
  const drawnFigures = drawn.slice(0, source.figures.length);
  svgImages.forEach(([path], index) => {
    const rasterized = drawn[source.figures.length + index];
    if (rasterized?.kind === 'png') {
      images.set(path, { type: 'image/png', bytes: rasterized.png });
      return;
    }
    const problem = `it could not be drawn for Word${rasterized?.kind === 'failed' ? ` (${rasterized.error})` : ''}`;
    images.delete(path);
    imageProblems.set(path, problem);
    notes.push(`The image ${path} is not included: ${problem}.`);
  });

  request.onProgress?.({ step: 'writing' });
  const wordImages = new Map<string, Uint8Array>();
  const figureMarkup = (figure: Figure): string => {
    const result = drawnFigures[figure.number - 1];
    if (!result || result.kind === 'failed') {
      const problem: ExportProblem = { line: figure.line, code: 'svc/figure-not-drawn', message: result?.error ?? 'The figure was not drawn.', figure: figure.number };
      problems.push(problem);
      return problemBox(`${figure.caption} could not be drawn`, [problem]);
    }
    const caption = `<figcaption>${escapeHtml(figure.caption)}</figcaption>`;
    if (result.kind === 'svg') return `<figure class="svc-figure" id="figure-${figure.number}">\n${inlineSvg(result.svg, figure.altText)}\n${caption}</figure>\n`;
    const name = `svc-figure-${figure.number}.png`;
    wordImages.set(name, result.png);
    const scale = fittedScale(result, WORD_FIGURE_BOX);
    const width = Math.round(result.width * scale);
    const height = Math.round(result.height * scale);
    return `<figure class="svc-figure"><img src="${name}" alt="${escapeHtml(figure.altText)}" width="${width}" height="${height}">${caption}</figure>\n`;
  };
  // Documents with front matter often open with the title as a heading too: the byline then goes under it.
  const titleInBody = source.metadata.title !== undefined && opensWithHeading(source, source.metadata.title);
  const body = renderBody(source, {
    ...(titleInBody ? { afterOpeningHeading: bylineHtml(source.metadata) } : {}),
    figure: figureMarkup,
    image: (path) => {
      const image = images.get(path);
      if (!image) return { problem: imageProblems.get(path) ?? 'it could not be read' };
      if (request.format === 'html') return { url: `data:${image.type};base64,${toBase64(image.bytes)}` };
      const name = `svc-image-${wordImages.size + 1}`;
      wordImages.set(name, image.bytes);
      return { url: name };
    },
  });
  const html = (titleInBody ? '' : titleBlockHtml(source.metadata)) + body + appendicesHtml(request.appendices, { markdown: request.markdown, terms: request.terms, edition: request.edition });
  problems.sort((a, b) => a.line - b.line || (a.figure ?? 0) - (b.figure ?? 0));

  if (request.format === 'html') {
    const text = htmlDocument({ metadata: source.metadata, html, fallbackTitle: request.fileName });
    return { bytes: new TextEncoder().encode(text), figureCount: source.figures.length, problems, notes };
  }
  const word = await wordDocument({ metadata: source.metadata, html, images: wordImages });
  return { bytes: word.bytes, figureCount: source.figures.length, problems, notes: [...notes, ...word.warnings] };
}

interface ReadImages {
  readonly images: Map<string, { type: string; bytes: Uint8Array }>;
  /** Why each image that is not embedded is left out, by path. */
  readonly imageProblems: Map<string, string>;
}

async function readImages(source: ExportSource, request: ExportRequest, notes: string[]): Promise<ReadImages> {
  const images = new Map<string, { type: string; bytes: Uint8Array }>();
  const imageProblems = new Map<string, string>();
  for (const path of source.localImages) {
    const type = imageType(path);
    const file = type ? await request.readImage(path) : { problem: 'it is not a PNG, JPEG, GIF, BMP, SVG or WebP image' };
    let problem = 'problem' in file ? file.problem : undefined;
    if (!problem && 'bytes' in file && file.bytes.length > MAX_IMAGE_BYTES) problem = `it is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`;
    if (!problem && type === 'image/webp' && request.format === 'docx') problem = 'Word cannot show WebP images';
    if (problem || !type || !('bytes' in file)) {
      imageProblems.set(path, problem ?? 'it could not be read');
      notes.push(`The image ${path} is not included: ${problem ?? 'it could not be read'}.`);
      continue;
    }
    images.set(path, { type, bytes: file.bytes });
  }
  return { images, imageProblems };
}

/** Base64 of bytes, in chunks (a spread of a large array would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}
