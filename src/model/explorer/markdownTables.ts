/**
 * Markdown tables a consultant can paste into a document: an activity's inputs and outputs, and a
 * one-practice summary. Built from the model only, so the wording matches the cards and the tree.
 */
import { getActivity, type ActivityId, getPractice } from '../itil';
import { escapeMarkdown } from '../cards';
import { practiceGroupLine } from '../itil/editions';
import type { EditionData } from '../itil/editions/types';

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => escapeMarkdown(cell).replace(/\r?\n/g, ' ')).join(' | ')} |`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(row)].join('\n') + '\n';
}

/** Inputs and outputs side by side, one pair per row. */
export function activityTable(id: ActivityId): string {
  const activity = getActivity(id);
  const rowCount = Math.max(activity.inputs.length, activity.outputs.length);
  const rows = Array.from({ length: rowCount }, (_, index) => [activity.inputs[index] ?? '', activity.outputs[index] ?? '']);
  return table([`Inputs to ${activity.name}`, `Outputs of ${activity.name}`], rows);
}

/** Group (as `edition` groups practices), purpose, value chain activities, Foundation markers and other names of one practice. */
export function practiceTable(id: string, edition: EditionData): string {
  const practice = getPractice(id);
  const foundation = [
    practice.examinablePurpose ? 'purpose examinable' : 'purpose not examinable',
    ...(practice.studiedInDetail ? ['studied in detail'] : []),
  ].join(', ');
  const rows: string[][] = [
    ['Group', practiceGroupLine(edition, practice)],
    ['Purpose', practice.purpose],
    ['Mainly contributes to', practice.activities.map((activity) => getActivity(activity).name).join(', ')],
    [`${edition.foundationMarkers} exam`, foundation],
  ];
  if (practice.aliases.length > 0) {
    rows.push(['Also written as', practice.aliases.map((alias) => alias.text).join(', ')]);
  }
  return table(['Practice', practice.name], rows);
}

/**
 * The text to insert so that `block` stands on its own lines at the cursor: a Markdown table needs a blank
 * line before it when text precedes it, and must not run into the text after it.
 */
export function blockInsertion(block: string, textBeforeCursorOnLine: string, textAfterCursorOnLine: string, previousLine: string | undefined): string {
  let prefix = '';
  if (textBeforeCursorOnLine.trim().length > 0) {
    prefix = '\n\n';
  } else if (previousLine !== undefined && previousLine.trim().length > 0) {
    prefix = '\n';
  }
  const body = block.endsWith('\n') ? block : `${block}\n`;
  const suffix = textAfterCursorOnLine.trim().length > 0 ? '\n' : '';
  return `${prefix}${body}${suffix}`;
}
