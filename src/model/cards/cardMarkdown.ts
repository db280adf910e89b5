/**
 * A card as Markdown, for hovers, tree tooltips and previews: command links where the caller trusts them, activity
 * colour swatches where the renderer keeps them, and every piece of text escaped.
 */
import type { ActivityId } from '../itil';
import type { Card, CardBlock, CardLink } from './cardTypes';

export interface MarkdownCardOptions {
  /** Turn links into `command:` URIs (hovers, previews); without it links are left out. */
  readonly commandLinks: boolean;
  /**
   * Colour to mark an activity with: a hex value or `var(--vscode-…)` (see `activityColorReference`);
   * no swatch when absent.
   */
  readonly colorFor?: (activity: ActivityId) => string | undefined;
  /** Markdown heading level of the title; section headings use the next level. Defaults to 3. */
  readonly headingLevel?: number;
  /**
   * For hovers, whose height is limited: links right under the subtitle, and a section heading on the same
   * line as its paragraph or chips.
   */
  readonly compact?: boolean;
}

export function cardToMarkdown(card: Card, options: MarkdownCardOptions): string {
  const level = options.headingLevel ?? 3;
  const lines: string[] = [];
  const swatch = card.activity ? colorSwatch(card.activity, options) : '';
  const links =
    options.commandLinks && card.links.length > 0 ? card.links.map((link) => markdownLink(link.label, link)).join(' · ') : undefined;
  lines.push(`${'#'.repeat(level)} ${swatch}${escapeMarkdown(card.title)}`, '');
  lines.push(`*${escapeMarkdown(card.subtitle)}*`, '');
  if (options.compact && links) lines.push(links, '');
  if (card.badges.length > 0) {
    lines.push(card.badges.map((badge) => `\`${badge}\``).join(' '), '');
  }
  for (const section of card.sections) {
    const [first, ...rest] = section.blocks;
    if (options.compact && first && (first.kind === 'paragraph' || first.kind === 'chips')) {
      lines.push(`**${escapeMarkdown(section.heading)}:** ${blockToMarkdown(first, options).join(' ')}`, '');
    } else if (first) {
      lines.push(`**${escapeMarkdown(section.heading)}**`, '', ...blockToMarkdown(first, options), '');
    }
    for (const block of rest) {
      lines.push(...blockToMarkdown(block, options), '');
    }
  }
  if (!options.compact && links) lines.push(links, '');
  return lines.join('\n').trimEnd() + '\n';
}

function blockToMarkdown(block: CardBlock, options: MarkdownCardOptions): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'bullets':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`);
    case 'chips':
      return [
        block.chips
          .map((chip) => {
            const label = `${chip.activity ? colorSwatch(chip.activity, options) : ''}${escapeMarkdown(chip.label)}`;
            return chip.link && options.commandLinks ? markdownLink(label, chip.link, true) : label;
          })
          .join(', '),
      ];
    case 'table':
      return [
        `| ${block.headers.map(escapeTableCell).join(' | ')} |`,
        `| ${block.headers.map(() => '---').join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map(escapeTableCell).join(' | ')} |`),
      ];
  }
}

/** Colours a swatch may use: a hex value, or a theme colour variable (what VS Code's hover sanitizer keeps). */
const SWATCH_COLOR = /^(?:#[0-9a-f]{3,8}|var\(--vscode(?:-[a-z0-9]+)+\))$/i;

function colorSwatch(activity: ActivityId, options: MarkdownCardOptions): string {
  const color = options.colorFor?.(activity);
  return color && SWATCH_COLOR.test(color) ? `<span style="color:${color};">■</span> ` : '';
}

function markdownLink(label: string, link: CardLink, labelIsEscaped = false): string {
  const text = labelIsEscaped ? label : escapeMarkdown(label);
  return `[${text}](${commandUri(link)} "${escapeMarkdown(link.label)}")`;
}

/** `command:` URI with JSON arguments, as VS Code's Markdown renderer expects them. */
export function commandUri(link: CardLink): string {
  const query = link.args.length > 0 ? `?${encodeURIComponent(JSON.stringify(link.args))}` : '';
  return `command:${link.command}${query}`;
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]#|<>~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

function escapeTableCell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ');
}
