/**
 * A Markdown document as the export reads it: its front matter (title, author, date), its figures and the local
 * images it shows, parsed once with markdown-it (the parser of VS Code's Markdown preview); and its body as HTML,
 * rendered by markdown-it with figure blocks, images and raw HTML handled for a self-contained deliverable.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { escapeHtml } from '../cards';
import { frontMatter } from '../documents';
import type { ValueStream } from '../valueStreams';
import { parseYaml } from '../yamlParsers';
import { FigureNumbering, type BlockProblem, type FencedBlockFigures, type Figure } from './figures';

export interface DocumentMetadata {
  readonly title?: string;
  readonly author?: string;
  readonly date?: string;
}

export interface ExportSource {
  readonly metadata: DocumentMetadata;
  /** Every figure, in document order. */
  readonly figures: readonly Figure[];
  /** Why blocks are not drawn, in document order. */
  readonly problems: readonly BlockProblem[];
  /** Local image paths as written (URL-decoded), each once, for the caller to read. */
  readonly localImages: readonly string[];
  /** Things the reader should know about the document as a whole, e.g. front matter that is not YAML. */
  readonly notes: readonly string[];
  readonly tokens: readonly Token[];
  /** What each figure block's fence token (by index in `tokens`) becomes. */
  readonly blocks: ReadonlyMap<number, FencedBlockFigures>;
}

/** How the body shows what the document only refers to. */
export interface BodyResources {
  /** Markup to put right after the heading the document opens with (the byline, when that heading is the title). */
  readonly afterOpeningHeading?: string;
  /** The markup of a drawn figure (an inline SVG, an image) with its caption. */
  figure(figure: Figure): string;
  /** A data URL for a local image, or why it is not included. */
  image(path: string): { readonly url: string } | { readonly problem: string };
}

const markdown = new MarkdownIt({ html: true, linkify: true });

export function readExportSource(text: string): ExportSource {
  const notes: string[] = [];
  const { metadata, body } = splitFrontMatter(text, notes);
  const tokens = markdown.parse(body, {});
  const numbering = new FigureNumbering();
  const blocks = new Map<number, FencedBlockFigures>();
  const images = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.type === 'fence' && token.map) {
      const block = numbering.block(token.info, token.content, token.map[0] + 2);
      if (block) blocks.set(index, block);
    }
    for (const child of token.children ?? []) {
      const path = child.type === 'image' ? localImagePath(attribute(child, 'src')) : undefined;
      if (path) images.add(path);
    }
  });
  const entries = [...blocks.values()];
  return {
    metadata,
    figures: entries.flatMap((block) => (block.kind === 'figures' ? block.figures : [])),
    problems: entries.flatMap((block) => (block.kind === 'problems' ? block.problems : [])),
    localImages: [...images],
    notes,
    tokens,
    blocks,
  };
}

/**
 * The front matter's title, author and date, and the text with the front matter blanked out (line numbers stay
 * those of the document).
 */
function splitFrontMatter(text: string, notes: string[]): { metadata: DocumentMetadata; body: string } {
  const found = frontMatter(text);
  if (!found) return { metadata: {}, body: text };
  const block = text.slice(0, found.range.end);
  const body = block.replace(/[^\n]/g, '') + text.slice(found.range.end);
  const yamlText = block.replace(/^\uFEFF?---[^\n]*\n/, '').replace(/\n[^\n]*$/, '');
  let values: unknown;
  try {
    values = parseYaml(yamlText);
  } catch (error) {
    notes.push(`The front matter is not valid YAML, so the document has no title block: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return { metadata: {}, body };
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return { metadata: {}, body };
  const record = values as Record<string, unknown>;
  const metadata: { -readonly [K in keyof DocumentMetadata]: string } = {};
  for (const key of ['title', 'author', 'date'] as const) {
    const value = plainText(record[key]);
    if (value) metadata[key] = value;
  }
  return { metadata, body };
}

function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plainText).filter((item): item is string => item !== undefined).join(', ') || undefined;
  return undefined;
}

/** Whether the document's first block is a level-1 heading that reads `text` (ignoring case and spacing). */
export function opensWithHeading(source: ExportSource, text: string): boolean {
  const [first, inline] = source.tokens;
  const normalize = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  return first?.type === 'heading_open' && first.tag === 'h1' && inline !== undefined && normalize(inline.content) === normalize(text);
}

/** The path of an image in the document's own files; undefined for web addresses and data URLs. */
export function localImagePath(src: string): string | undefined {
  if (src === '' || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('#')) return undefined;
  const path = src.split(/[?#]/, 1)[0];
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function attribute(token: Token, name: string): string {
  return String(token.attrGet(name) ?? '');
}

/** What the render rules need, passed through markdown-it's `env`. */
interface RenderEnvironment {
  readonly source: ExportSource;
  readonly resources: BodyResources;
}

function renderEnvironment(environment: unknown): RenderEnvironment {
  return environment as RenderEnvironment;
}

/** The document's body as HTML: figures drawn, images embedded, no script and no reference to the network. */
export function renderBody(source: ExportSource, resources: BodyResources): string {
  const environment: RenderEnvironment = { source, resources };
  return markdown.renderer.render([...source.tokens], markdown.options, { ...environment });
}

/**
 * Headings get the ids that VS Code's Markdown preview and GitHub give them ("## 3. Value streams" →
 * `3-value-streams`, repeats numbered `-1`, `-2`…), so links such as `[the streams](#3-value-streams)` work in the
 * exported page and become links within the Word document.
 */
markdown.core.ruler.push('svc_heading_ids', (state) => {
  const used = new Map<string, number>();
  state.tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const text = state.tokens[index + 1]?.children?.map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('') ?? '';
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    token.attrSet('id', seen === 0 ? base : `${base}-${seen}`);
  });
});

markdown.renderer.rules.heading_close = (tokens, index, options, env, self) => {
  const after = index === 2 ? renderEnvironment(env).resources.afterOpeningHeading ?? '' : '';
  return self.renderToken(tokens, index, options) + after;
};

const defaultFence = markdown.renderer.rules.fence;
markdown.renderer.rules.fence = (tokens, index, options, env, self) => {
  const environment = renderEnvironment(env);
  const block = environment.source.blocks.get(index);
  if (!block) return defaultFence ? defaultFence(tokens, index, options, env, self) : '';
  if (block.kind === 'figures') {
    return block.figures.map((figure) => environment.resources.figure(figure) + (figure.job.kind === 'flowchart' ? metricsTable(figure.job.stream) : '')).join('\n');
  }
  return problemBox(block.title, block.problems, block.source);
};

markdown.renderer.rules.image = (tokens, index, _options, env) => {
  const environment = renderEnvironment(env);
  const token = tokens[index];
  const src = attribute(token, 'src');
  const alt = token.children ? markdown.renderer.renderInlineAsText(token.children, markdown.options, env) : token.content;
  const title = attribute(token, 'title');
  const path = localImagePath(src);
  const found = src.startsWith('data:image/')
    ? { url: src }
    : path
      ? environment.resources.image(path)
      : { problem: 'it is on the web, and exported documents load nothing from the network' };
  if ('problem' in found) {
    return `<span class="svc-missing-image">[Image not included: ${escapeHtml(alt || src)} (${escapeHtml(src)}): ${escapeHtml(found.problem)}]</span>`;
  }
  return `<img src="${escapeHtml(found.url)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
};

/**
 * Raw HTML in Markdown: comments (such as `<!-- svc-disable -->`) are left out as the preview leaves them out, line
 * breaks are kept, and anything else is shown as the text it is, so no markup of the source reaches the output.
 */
const rawHtml = (tokens: Token[], index: number): string => {
  const content = tokens[index].content;
  if (/^\s*<!--[\s\S]*?-->\s*$/.test(content)) return '';
  if (/^<br\s*\/?>$/i.test(content.trim())) return '<br>';
  return tokens[index].type === 'html_block' ? `<p>${escapeHtml(content.trimEnd())}</p>\n` : escapeHtml(content);
};
markdown.renderer.rules.html_block = rawHtml;
markdown.renderer.rules.html_inline = rawHtml;

/** A problem's message, whose names in backticks (as the editor's diagnostics write them) become code. */
function messageHtml(message: string): string {
  return escapeHtml(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * Where the time goes in a value stream, as a short table under its flowchart: lead time, work, waiting, flow
 * efficiency, the critical path and the time per activity, worded as the editor shows them.
 */
export function metricsTable(stream: ValueStream): string {
  const rows = stream.metrics.figures.map((figure) => `<tr><td>${escapeHtml(figure.label)}</td><td>${escapeHtml(figure.value)}</td></tr>`);
  const name = stream.name.trim() || 'Value stream';
  return `<p class="svc-metrics-title"><strong>${escapeHtml(`${name}: where the time goes`)}</strong></p>\n<table class="svc-metrics"><thead><tr><th>Measure</th><th>Value</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`;
}

/** A block that could not be drawn: its problems in a box, and the source when the reader would lose it otherwise. */
export function problemBox(title: string, problems: readonly BlockProblem[], source?: string): string {
  const items = problems.map((problem) => `<li>Line ${problem.line}: ${messageHtml(problem.message)} (${escapeHtml(problem.code)})</li>`).join('');
  const code = source === undefined ? '' : `<pre><code>${escapeHtml(source)}</code></pre>`;
  return `<div class="svc-problem" role="note"><p><strong>${escapeHtml(title)}</strong></p><ul>${items}</ul>${code}</div>\n`;
}

