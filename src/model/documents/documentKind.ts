/**
 * The one decision about what kind of document a text is, for every feature and the CLI: a value-stream file, a
 * Markdown document or plain text.
 */

export type DocumentKind = 'valuestream' | 'markdown' | 'plaintext';

const BY_LANGUAGE: Readonly<Record<string, DocumentKind>> = { valuestream: 'valuestream', markdown: 'markdown', plaintext: 'plaintext' };
const BY_FILE_NAME: readonly (readonly [RegExp, DocumentKind])[] = [
  [/\.valuestream\.ya?ml$/i, 'valuestream'],
  [/\.(md|markdown)$/i, 'markdown'],
];

/**
 * The kind of a document: by its editor language when it is one the extension reads, otherwise by its file name
 * (`*.valuestream.yaml` or `.yml`, `*.md` or `.markdown`), which is all there is for files no editor has open.
 * Undefined for anything else.
 */
export function documentKind(document: { readonly languageId?: string; readonly path?: string }): DocumentKind | undefined {
  const byLanguage = document.languageId === undefined ? undefined : BY_LANGUAGE[document.languageId];
  if (byLanguage) return byLanguage;
  const path = document.path;
  return path === undefined ? undefined : BY_FILE_NAME.find(([pattern]) => pattern.test(path))?.[1];
}
