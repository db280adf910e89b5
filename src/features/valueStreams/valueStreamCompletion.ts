import * as vscode from 'vscode';
import { ACTIVITIES } from '../../model/itil';
import type { EffectiveTerms } from '../../model/terms';
import { practiceGroupLabel, type EditionData } from '../../model/itil/editions';
import {
  practiceWrittenName,
  completionContextAt,
  type CompletionContext,
  FIELD_DESCRIPTIONS,
  TIME_UNITS,
  type FieldDescription,
  type ValueStreamParseResult,
} from '../../model/valueStreams';
import { currentEdition } from '../itil';
import type { GlossaryService } from '../glossary';
import { VALUE_STREAM_SELECTOR, toRange, type ValueStreamDocuments } from './valueStreamDocuments';

const TRIGGER_CHARACTERS = [':', ' ', '[', ','];

/**
 * Completes field names, units, activity ids, practice names (as the workspace glossary presents them) and the step
 * ids of `after`.
 */
export class ValueStreamCompletion implements vscode.CompletionItemProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly documents: ValueStreamDocuments,
    private readonly glossary: GlossaryService,
  ) {
    this.registration = vscode.languages.registerCompletionItemProvider(VALUE_STREAM_SELECTOR, this, ...TRIGGER_CHARACTERS);
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const parsed = this.documents.parse(document);
    const offset = document.offsetAt(position);
    const section = parsed?.sectionAt(offset);
    const sectionOffset = section?.toSection(offset);
    if (!parsed || !section || sectionOffset === undefined) return undefined;
    const context = completionContextAt(section.text, sectionOffset);
    if (!context) return undefined;
    const range = toRange(document, { start: section.toDocument(context.replace.start), end: section.toDocument(context.replace.end) });
    const present = new Set(context.present.map((value) => value.toLowerCase()));
    switch (context.kind) {
      case 'stream-field':
      case 'step-field':
        return fieldItems(context, present, range);
      case 'unit':
        return unitItems(range);
      case 'activity':
        return activityItems(range);
      case 'practice':
        return practiceItems(this.glossary.termsFor(document.uri), currentEdition(), present, range);
      case 'step-reference':
        return stepReferenceItems(parsed.result, offset, present, range);
    }
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function fieldItems(context: CompletionContext, present: ReadonlySet<string>, range: vscode.Range): vscode.CompletionItem[] {
  const level = context.kind === 'stream-field' ? 'stream' : 'step';
  return FIELD_DESCRIPTIONS.filter((field) => field.level === level && !present.has(field.name.toLowerCase())).map((field, index) => {
    const item = new vscode.CompletionItem(field.name, vscode.CompletionItemKind.Property);
    item.insertText = new vscode.SnippetString(field.snippet);
    item.range = range;
    item.detail = field.required ? `${field.type} · required` : field.type;
    item.documentation = fieldDocumentation(field);
    item.sortText = String(index).padStart(2, '0');
    if (field.snippet.includes('${1|')) item.command = { title: 'suggest', command: 'editor.action.triggerSuggest' };
    return item;
  });
}

export function fieldDocumentation(field: FieldDescription): vscode.MarkdownString {
  const lines = [field.description];
  if (field.defaultText !== undefined) lines.push('', `Default: ${field.defaultText}.`);
  return new vscode.MarkdownString(lines.join('\n'));
}

function unitItems(range: vscode.Range): vscode.CompletionItem[] {
  return TIME_UNITS.map((unit, index) => Object.assign(new vscode.CompletionItem(unit, vscode.CompletionItemKind.Unit), { range, sortText: String(index) }));
}

function activityItems(range: vscode.Range): vscode.CompletionItem[] {
  return ACTIVITIES.map((activity, index) => {
    const item = new vscode.CompletionItem({ label: activity.id, description: activity.name }, vscode.CompletionItemKind.EnumMember);
    item.range = range;
    item.detail = activity.name;
    item.documentation = new vscode.MarkdownString(`**${activity.name}**: ${activity.summary}\n\n${activity.purpose}`);
    item.filterText = `${activity.id} ${activity.name}`;
    item.sortText = String(index);
    return item;
  });
}

/**
 * Practice names with their group in `edition`; a glossary hides some, adds spellings to filter by (its aliases,
 * and the names of its own terms related to the practice) and puts its own definition first.
 */
function practiceItems(terms: EffectiveTerms, edition: EditionData, present: ReadonlySet<string>, range: vscode.Range): vscode.CompletionItem[] {
  const definitionHeading = `**${terms.glossary.organisation ?? 'Organisation'} definition:** `;
  return terms.practices
    .filter(({ practice }) => !present.has(practiceWrittenName(practice).toLowerCase()))
    .map(({ practice, extraAliases, organisationDefinition, organisationTerms }) => {
      const name = practiceWrittenName(practice);
      const group = practiceGroupLabel(edition, practice.id);
      const item = new vscode.CompletionItem({ label: name, description: group }, vscode.CompletionItemKind.Value);
      item.range = range;
      item.detail = group ? `${practice.name} (${group})` : practice.name;
      const documentation = new vscode.MarkdownString();
      if (organisationDefinition !== undefined) documentation.appendMarkdown(definitionHeading).appendText(organisationDefinition).appendMarkdown('\n\n');
      documentation.appendText(practice.purpose);
      if (organisationTerms.length > 0) documentation.appendMarkdown('\n\n**Related organisation terms:** ').appendText(organisationTerms.join(', '));
      item.documentation = documentation;
      const aliases = practice.aliases.filter((alias) => alias.ambiguous !== true).map((alias) => alias.text);
      item.filterText = [name, ...aliases, ...extraAliases, ...organisationTerms].join(' ');
      return item;
    });
}

function stepReferenceItems(result: ValueStreamParseResult, offset: number, present: ReadonlySet<string>, range: vscode.Range): vscode.CompletionItem[] {
  const stream = result.streams.find((candidate) => candidate.range.start <= offset && offset <= candidate.range.end);
  if (!stream) return [];
  const current = stream.steps.find((step) => step.range.start <= offset && offset <= step.range.end);
  return stream.steps
    .filter((step) => step !== current && step.idRange.start < step.idRange.end && !present.has(step.id.toLowerCase()))
    .map((step, index) => {
      const item = new vscode.CompletionItem({ label: step.id, description: step.title }, vscode.CompletionItemKind.Reference);
      item.range = range;
      item.detail = step.title;
      item.sortText = String(index).padStart(4, '0');
      return item;
    });
}
