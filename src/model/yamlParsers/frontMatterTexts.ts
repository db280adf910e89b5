/**
 * The text values of a Markdown document's front matter that people read (title, description, excerpt), found by
 * the `yaml` library so that every way of writing them counts: plain or quoted, on one line or several, or as a
 * folded or literal block. Only top-level string values are taken; a front matter the library cannot read
 * without errors gives none, since where its values end would be a guess.
 */
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { FRONT_MATTER_TEXT_KEYS, frontMatter, type FrontMatterText, type ScalarStyle } from '../documents';

const STYLES: Readonly<Record<string, ScalarStyle>> = {
  [Scalar.PLAIN]: 'plain',
  [Scalar.QUOTE_SINGLE]: 'single-quoted',
  [Scalar.QUOTE_DOUBLE]: 'double-quoted',
  [Scalar.BLOCK_FOLDED]: 'block',
  [Scalar.BLOCK_LITERAL]: 'block',
};

/** The title, description and excerpt values of `markdown`'s front matter, as ranges of `markdown`, in order. */
export function readFrontMatterTexts(markdown: string): FrontMatterText[] {
  const metadata = frontMatter(markdown);
  if (!metadata || metadata.svcOff) return [];
  const yamlStart = markdown.indexOf('\n') + 1;
  const yamlText = markdown.slice(yamlStart, markdown.lastIndexOf('\n', metadata.range.end - 1) + 1);
  const document = parseDocument(yamlText);
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const texts: FrontMatterText[] = [];
  for (const { key, value } of document.contents.items) {
    if (!isScalar(key) || typeof key.value !== 'string' || !FRONT_MATTER_TEXT_KEYS.includes(key.value)) continue;
    if (!isScalar(value) || typeof value.value !== 'string' || !value.range || !value.type) continue;
    const style = STYLES[value.type];
    if (!style) continue;
    const [start, end] = value.range;
    const content =
      style === 'block'
        ? { start: yamlText.indexOf('\n', start) + 1, end: yamlText.endsWith('\n', end) ? end - 1 : end }
        : style === 'plain'
          ? { start, end }
          : { start: start + 1, end: end - 1 };
    if (content.start <= 0 || content.end <= content.start) continue;
    texts.push({ key: key.value, style, range: { start: yamlStart + content.start, end: yamlStart + content.end } });
  }
  return texts;
}
