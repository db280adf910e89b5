/**
 * The Word (.docx) writer: the document's HTML (body and appendices, as markdown-it renders it) becomes Word
 * paragraphs, lists, tables, images and links through `docx/html`, in Word's own styles — Heading 1–6, Title,
 * Caption, Quote, List Paragraph, Hyperlink — so the navigation pane and a table of contents work as they do in
 * any Word document. The front matter fills the title block and the document's properties.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, type FileChild, type IParagraphStyleOptions } from 'docx';
import { htmlToContent, type HtmlWarning } from 'docx/html';
import { escapeHtml } from '../cards';
import type { DocumentMetadata } from './markdownDocument';

/**
 * Where a figure fits on an A4 page with 2.54 cm margins, in CSS pixels (96 to the inch): the width of the text, and
 * three quarters of its height, so that a figure, its caption and some text share a page.
 */
export const WORD_FIGURE_BOX = { width: 601, height: 700 } as const;

export interface WordInput {
  /** For the document's properties. */
  readonly metadata: DocumentMetadata;
  /** Title block, body and appendices, with figures as `<img src="…">` that `images` resolves. */
  readonly html: string;
  /** The bytes of each image the HTML refers to by a name rather than a data URL. */
  readonly images: ReadonlyMap<string, Uint8Array>;
}

export interface WordOutput {
  readonly bytes: Uint8Array;
  /** What Word cannot show and was left out or changed, as `docx/html` reports it. */
  readonly warnings: readonly string[];
}

const FONT = 'Calibri';
const HEADING_FONT = 'Calibri Light';
const CODE_FONT = 'Consolas';
const HEADING_COLOR = '1F3864';

/** The title block: the front matter's title and a byline; its classes map to Word's Title and Subtitle styles. */
export function titleBlockHtml(metadata: DocumentMetadata): string {
  const title = metadata.title ? `<p class="svc-title">${escapeHtml(metadata.title)}</p>\n` : '';
  return title + bylineHtml(metadata);
}

/** Author and date under the title. */
export function bylineHtml(metadata: DocumentMetadata): string {
  const byline = [metadata.author, metadata.date].filter((part): part is string => part !== undefined).join(' · ');
  return byline ? `<p class="svc-byline">${escapeHtml(byline)}</p>\n` : '';
}

function heading(level: number, size: number): IParagraphStyleOptions {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: HEADING_FONT, size, color: HEADING_COLOR, bold: level >= 3 },
    paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: { before: level === 1 ? 360 : 240, after: 120 } },
  };
}

const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  heading(1, 32),
  heading(2, 28),
  heading(3, 24),
  heading(4, 22),
  heading(5, 22),
  heading(6, 22),
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: HEADING_FONT, size: 52, color: HEADING_COLOR },
    paragraph: { spacing: { after: 120 } },
  },
  {
    id: 'Subtitle',
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: 24, color: '595959' },
    paragraph: { spacing: { after: 360 } },
  },
  {
    id: 'Quote',
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { italics: true, color: '404040' },
    paragraph: { indent: { left: 567, right: 567 }, border: { left: { style: 'single', size: 12, color: 'A6A6A6', space: 8 } } },
  },
  {
    id: 'SourceCode',
    name: 'Source Code',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: CODE_FONT, size: 18 },
    paragraph: { spacing: { before: 60, after: 60, line: 240, lineRule: LineRuleType.AUTO }, shading: { type: 'clear', fill: 'F2F2F2', color: 'auto' } },
  },
  {
    id: 'Figure',
    name: 'Figure',
    basedOn: 'Normal',
    next: 'Caption',
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 } },
  },
  {
    id: 'Caption',
    name: 'caption',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { italics: true, size: 18, color: '404040' },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
  },
];

const STYLE_MAP: Readonly<Record<string, string>> = {
  'p.svc-title': 'Title',
  'p.svc-byline': 'Subtitle',
  'figure.svc-figure': 'Figure',
  figcaption: 'Caption',
  'blockquote p': 'Quote',
  pre: 'SourceCode',
};

/** How the parts of the HTML that Word has no style for look: problem boxes, missing images, code in text. */
const STYLESHEET = `
.svc-problem { border: 1px solid #b42318; background: #fef3f2; padding: 4pt; }
.svc-missing-image { color: #b42318; }
code { font-family: ${CODE_FONT}; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #a6a6a6; padding: 2pt 4pt; }
th { background: #f2f2f2; }
`;

/**
 * Word and LibreOffice join a table that directly follows another into one (its header row in the middle): an empty
 * paragraph between them keeps them apart, as Word itself does when a user inserts a table after a table.
 */
function tablesApart(content: readonly FileChild[]): FileChild[] {
  return content.flatMap((child, index) => (child instanceof Table && content[index - 1] instanceof Table ? [new Paragraph({}), child] : [child]));
}

export async function wordDocument(input: WordInput): Promise<WordOutput> {
  const warnings: string[] = [];
  const content = htmlToContent(input.html, {
    images: (source) => input.images.get(source),
    styleMap: STYLE_MAP,
    stylesheet: STYLESHEET,
    maxImageWidth: WORD_FIGURE_BOX.width,
    onWarning: (warning: HtmlWarning) => warnings.push(warning.message),
  });
  const document = new Document({
    ...(input.metadata.title ? { title: input.metadata.title } : {}),
    ...(input.metadata.author ? { creator: input.metadata.author, lastModifiedBy: input.metadata.author } : {}),
    styles: {
      default: { document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } } },
      paragraphStyles: [...PARAGRAPH_STYLES],
    },
    sections: [{ children: tablesApart(content) }],
  });
  return { bytes: new Uint8Array(await Packer.toArrayBuffer(document)), warnings };
}
