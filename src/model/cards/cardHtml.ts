/**
 * A card as escaped HTML for webviews. Links become elements that the page posts back to the extension, which
 * checks them before running anything; activity colours come inline or as classes for pages whose CSP forbids
 * inline styles.
 */
import type { ActivityId } from '../itil';
import { activityColorClass, activityColorVariable } from './activityColors';
import type { Card, CardBlock, CardChip, CardLink } from './cardTypes';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface HtmlCardOptions {
  /**
   * How activity colours reach the HTML: `inline` writes `style` attributes; `class` writes
   * `svc-activity-<id>` classes instead, for webviews whose CSP forbids inline styles (pair it with
   * `activityColorCss()`).
   */
  readonly activityColors?: 'inline' | 'class';
}

function activityColorAttributes(activity: ActivityId | undefined, variable: string, options: HtmlCardOptions): { className: string; style: string } {
  if (!activity) return { className: '', style: '' };
  if (options.activityColors === 'class') return { className: ` ${activityColorClass(activity)}`, style: '' };
  return { className: '', style: ` style="${variable}: var(${activityColorVariable(activity)})"` };
}

/**
 * HTML for a webview. Links become `<a>` elements with `data-command` and `data-args` (JSON) that the
 * webview posts back to the extension, which validates them before running anything.
 */
export function cardToHtml(card: Card, options: HtmlCardOptions = {}): string {
  const accent = activityColorAttributes(card.activity, '--card-accent', options);
  const parts: string[] = [];
  parts.push(`<article class="svc-card svc-card-${card.kind}${accent.className}"${accent.style}>`);
  parts.push(`<header><h2>${escapeHtml(card.title)}</h2><p class="svc-card-subtitle">${escapeHtml(card.subtitle)}</p>`);
  if (card.badges.length > 0) {
    parts.push(`<p class="svc-card-badges">${card.badges.map((badge) => `<span class="svc-badge">${escapeHtml(badge)}</span>`).join(' ')}</p>`);
  }
  parts.push('</header>');
  for (const section of card.sections) {
    parts.push(`<section><h3>${escapeHtml(section.heading)}</h3>`);
    for (const block of section.blocks) {
      parts.push(blockToHtml(block, options));
    }
    parts.push('</section>');
  }
  if (card.links.length > 0) {
    parts.push(`<footer>${card.links.map((link) => htmlLink(escapeHtml(link.label), link)).join(' ')}</footer>`);
  }
  parts.push('</article>');
  return parts.join('');
}

function blockToHtml(block: CardBlock, options: HtmlCardOptions): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'bullets':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'chips':
      return `<p class="svc-chips">${block.chips.map((chip) => chipToHtml(chip, options)).join(' ')}</p>`;
    case 'table':
      return (
        `<table><thead><tr>${block.headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead>` +
        `<tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
  }
}

function chipToHtml(chip: CardChip, options: HtmlCardOptions): string {
  const color = activityColorAttributes(chip.activity, '--chip-color', options);
  const label = `<span class="svc-chip${chip.activity ? ' svc-chip-activity' : ''}${color.className}"${color.style}>${escapeHtml(chip.label)}</span>`;
  return chip.link ? htmlLink(label, chip.link) : label;
}

function htmlLink(innerHtml: string, link: CardLink): string {
  return `<a href="#" class="svc-link" data-command="${escapeHtml(link.command)}" data-args="${escapeHtml(JSON.stringify(link.args))}" title="${escapeHtml(link.label)}">${innerHtml}</a>`;
}

