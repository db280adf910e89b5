import * as vscode from 'vscode';
import type { Card } from '../../model/cards';
import type { EditionData } from '../../model/itil/editions';
import type { EffectiveTerms } from '../../model/terms';
import { escapeMarkdown } from '../../model/cards';
import { fieldDescription, targetAt, type ValueStream, type ValueStreamTarget } from '../../model/valueStreams';
import type { GlossaryService } from '../glossary';
import { currentEdition } from '../itil';
import { HOVER_CARD, cardMarkdownString } from '../shared';
import { fieldDocumentation } from './valueStreamCompletion';
import { VALUE_STREAM_SELECTOR, toRange, type ValueStreamDocuments } from './valueStreamDocuments';

/**
 * ITIL cards for the activities and practices of value-stream steps (including ids such as `obtain-build`), as the
 * document's glossary describes them, the figures of a stream on its name, and help for the format's field names.
 */
export class ValueStreamHover implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly documents: ValueStreamDocuments,
    private readonly glossary: Pick<GlossaryService, 'termsFor'>,
  ) {
    this.registration = vscode.languages.registerHoverProvider(VALUE_STREAM_SELECTOR, this);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const settings = vscode.workspace.getConfiguration('svc.hover', document);
    if (!settings.get<boolean>('enabled', true)) return undefined;
    const parsed = this.documents.parse(document);
    const offset = document.offsetAt(position);
    if (!parsed) return undefined;
    const target = targetAt(parsed.result, offset);
    if (target?.kind === 'stream-name') return new vscode.Hover(figuresMarkdown(target.stream), toRange(document, target.range));
    const card = target && cardFor(target, this.glossary.termsFor(document.uri), currentEdition());
    // The prose hover steps aside here (see showsCardAt), so the card appears once.
    if (target && card) return new vscode.Hover(cardMarkdownString(card, HOVER_CARD), toRange(document, target.range));
    return fieldHover(document, position, parsed.sectionAt(offset) !== undefined);
  }

  /** Whether this provider shows the card at `position`, so the prose hover stays quiet there. */
  showsCardAt(document: vscode.TextDocument, position: vscode.Position): boolean {
    if (!vscode.languages.match(VALUE_STREAM_SELECTOR, document)) return false;
    const parsed = this.documents.parse(document);
    const target = parsed && targetAt(parsed.result, document.offsetAt(position));
    return target !== undefined && target.kind !== 'step-id';
  }

  dispose(): void {
    this.registration.dispose();
  }
}

/** The card of the ITIL name a step writes, through the document's glossary (its own definition comes first). */
function cardFor(target: ValueStreamTarget, terms: EffectiveTerms, edition: EditionData): Card | undefined {
  switch (target.kind) {
    case 'activity':
      return terms.card({ kind: 'activity', id: target.activity }, edition);
    case 'practice':
      return terms.card({ kind: 'practice', id: target.practiceId }, edition);
    case 'legacy':
      return terms.card({ kind: 'legacy', id: target.legacyTermId }, edition);
    case 'step-id':
    case 'stream-name':
      return undefined;
  }
}

/** A stream's name and its figures (lead time, work, waiting, flow efficiency, critical path, time per activity). */
export function figuresMarkdown(stream: Pick<ValueStream, 'name' | 'metrics'>): vscode.MarkdownString {
  const lines = stream.metrics.figures.map((figure) => `${figure.label}: ${escapeMarkdown(figure.value)}`);
  return new vscode.MarkdownString([...(stream.name ? [`**${escapeMarkdown(stream.name)}**`] : []), ...lines].join('  \n'));
}


function fieldHover(document: vscode.TextDocument, position: vscode.Position, inValueStream: boolean): vscode.Hover | undefined {
  if (!inValueStream) return undefined;
  const line = document.lineAt(position.line).text;
  const match = /^(\s*)(-\s+)?([A-Za-z]+)\s*:/.exec(line);
  if (!match) return undefined;
  const keyStart = (match[1] ?? '').length + (match[2] ?? '').length;
  const key = match[3] ?? '';
  if (position.character < keyStart || position.character > keyStart + key.length) return undefined;
  // In Markdown the block's own indentation counts as column 0 of its YAML.
  const field = fieldDescription(match[2] === undefined && keyStart <= 3 ? 'stream' : 'step', key) ?? fieldDescription('step', key);
  if (!field) return undefined;
  const range = new vscode.Range(position.line, keyStart, position.line, keyStart + key.length);
  return new vscode.Hover([new vscode.MarkdownString(`**${field.name}** · ${field.type}`), fieldDocumentation(field)], range);
}
