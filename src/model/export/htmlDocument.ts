/**
 * The self-contained HTML writer: one file with the styles inline, figures as inline SVG and images as data URLs.
 * It carries no script, and its Content-Security-Policy lets a browser load nothing else (no script, no font, no
 * image or style from anywhere), so it can be mailed, archived and printed as it is.
 */
import { escapeHtml } from '../cards';
import type { DocumentMetadata } from './markdownDocument';

export const HTML_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** Print-safe: dark text on white whatever the reader's settings, figures and tables kept whole across pages. */
const STYLESHEET = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem; font: 11pt/1.5 Calibri, Carlito, "Segoe UI", system-ui, sans-serif; color: #1f1f1f; background: #fff; }
h1, h2, h3, h4, h5, h6 { font-family: "Calibri Light", Carlito, "Segoe UI", system-ui, sans-serif; color: #1f3864; line-height: 1.25; break-after: avoid; }
.svc-title { font-size: 26pt; margin: 0 0 .25rem; color: #1f3864; }
.svc-byline { font-size: 12pt; color: #595959; margin: 0 0 2rem; }
a { color: #1f4e9c; }
code, pre { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
pre { background: #f2f2f2; padding: .5rem .75rem; overflow-x: auto; white-space: pre-wrap; }
blockquote { margin: 1rem 2rem; padding-left: .75rem; border-left: 3px solid #a6a6a6; color: #404040; font-style: italic; }
table { border-collapse: collapse; margin: 1rem 0; break-inside: avoid; }
th, td { border: 1px solid #a6a6a6; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
img { max-width: 100%; height: auto; }
figure.svc-figure { margin: 1.5rem 0; text-align: center; break-inside: avoid; }
figure.svc-figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; font-style: italic; color: #404040; margin-top: .25rem; }
.svc-problem { border: 1px solid #b42318; background: #fef3f2; padding: .5rem .75rem; margin: 1rem 0; break-inside: avoid; }
.svc-missing-image { color: #b42318; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
`;

export interface HtmlInput {
  /** For the page's title and author. */
  readonly metadata: DocumentMetadata;
  /** Title block, body and appendices, figures inline. */
  readonly html: string;
  /** The title of the page when the front matter has none, e.g. the file name. */
  readonly fallbackTitle: string;
}

export function htmlDocument(input: HtmlInput): string {
  const title = input.metadata.title ?? input.fallbackTitle;
  const author = input.metadata.author ? `<meta name="author" content="${escapeHtml(input.metadata.author)}">\n` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="Service Value Chain (ITIL 4) for VS Code">
${author}<title>${escapeHtml(title)}</title>
<style>${STYLESHEET}</style>
</head>
<body>
<main>
${input.html}</main>
</body>
</html>
`;
}

/** A drawn SVG document as markup for the page: without its XML declaration, labelled with the figure's description. */
export function inlineSvg(svg: string, altText: string): string {
  const markup = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
  return markup.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(altText)}"`);
}
