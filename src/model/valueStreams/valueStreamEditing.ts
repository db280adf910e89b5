/**
 * Editing help for value-stream text that does not depend on the editor: what to complete at an offset,
 * which item sits under the cursor, the edits that rename a step id, and the edit that writes a duration tried in
 * the preview.
 */
import type { ActivityId } from '../itil';
import type { ValueStream, ValueStreamParseResult, ValueStreamStep } from './valueStreamTypes';
import type { TextRange } from '../documents';

export type CompletionKind = 'stream-field' | 'step-field' | 'unit' | 'activity' | 'practice' | 'step-reference';

export interface CompletionContext {
  readonly kind: CompletionKind;
  /** The text the completion replaces (the partly typed word). */
  readonly replace: TextRange;
  /** Fields already present in the mapping, or values already in the list, so they are not offered twice. */
  readonly present: readonly string[];
}

interface LineInfo {
  readonly start: number;
  readonly text: string;
}

function lineAt(text: string, offset: number): LineInfo {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return { start, text: text.slice(start, end).replace(/\r$/, '') };
}

/** Lines of the YAML document (between `---` separators) that contains `offset`, with their offsets. */
function documentLines(text: string, offset: number): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  let current: LineInfo[] = [];
  let found = false;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = { start, text: text.slice(start, end).replace(/\r$/, '') };
    if (/^---(\s|$)/.test(line.text) || /^\.\.\.\s*$/.test(line.text)) {
      if (found) break;
      current = [];
    } else {
      current.push(line);
    }
    if (offset >= start && offset <= end) found = true;
    if (newline === -1) break;
    start = newline + 1;
  }
  lines.push(...current);
  return lines;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)/;

function indentOf(text: string): number {
  return /^\s*/.exec(text)?.[0].length ?? 0;
}

/** The key column of a line (`  - id: x` has its key at column 4) and the key, if the line has one. */
function keyOf(line: string): { column: number; key: string; dash: boolean } | undefined {
  const match = KEY_LINE.exec(line);
  if (!match) return undefined;
  return { column: (match[1] ?? '').length + (match[2] ?? '').length, key: match[3] ?? '', dash: match[2] !== undefined };
}

function isBlankOrComment(text: string): boolean {
  return /^\s*(#|$)/.test(text);
}

/**
 * The key that owns a line at `column`: the closest line above with a key at a smaller column.
 * Comment and blank lines are skipped.
 */
function parentKey(lines: readonly LineInfo[], lineIndex: number, column: number): { key: string; column: number } | undefined {
  for (let index = lineIndex - 1; index >= 0; index -= 1) {
    const text = lines[index]?.text ?? '';
    if (isBlankOrComment(text)) continue;
    const key = keyOf(text);
    if (key && key.column < column) return key;
    if (!key && !/^\s*-(\s|$)/.test(text) && indentOf(text) < column) return undefined;
  }
  return undefined;
}

/** Keys already written in the mapping whose keys sit at `column`, around `lineIndex` (which is being typed). */
function siblingKeys(lines: readonly LineInfo[], lineIndex: number, column: number): string[] {
  const keys: string[] = [];
  for (let index = lineIndex; index >= 0; index -= 1) {
    const text = lines[index]?.text ?? '';
    if (isBlankOrComment(text)) continue;
    const key = keyOf(text);
    if (index !== lineIndex) {
      if (key && key.column === column) keys.push(key.key);
      else if (indentOf(text) < column) break;
    }
    // The line with the list dash starts this step's mapping.
    if (key?.dash === true && key.column === column) break;
  }
  for (let index = lineIndex + 1; index < lines.length; index += 1) {
    const text = lines[index]?.text ?? '';
    if (isBlankOrComment(text)) continue;
    const key = keyOf(text);
    if (key?.dash === true && key.column === column) break;
    if (key && key.column === column) keys.push(key.key);
    else if (indentOf(text) < column) break;
  }
  return keys;
}

function listValues(listText: string): string[] {
  return listText
    .split(',')
    .map((item) => item.trim().replace(/^['"]|['"]$/g, ''))
    .filter((item) => item !== '');
}

/** What completion should offer at `offset` in value-stream YAML, or undefined where nothing fits. */
export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const line = lineAt(text, offset);
  const prefix = line.text.slice(0, offset - line.start);
  if (/(^|\s)#/.test(prefix)) return undefined;
  const wordStart = (pattern: RegExp): number => offset - (pattern.exec(prefix)?.[0].length ?? 0);

  const valueMatch = /^\s*(?:-\s+)?(activity|unit|practices|after)\s*:\s*(.*)$/.exec(prefix);
  if (valueMatch) {
    const [, key, value = ''] = valueMatch;
    if (key === 'activity' || key === 'unit') {
      if (/^\[/.test(value)) return undefined;
      return { kind: key, replace: { start: offset - value.length, end: offset }, present: [] };
    }
    const flow = /^\[([^\]]*)$/.exec(value);
    if (!flow) return undefined;
    const items = flow[1] ?? '';
    const current = /[^,[]*$/.exec(items)?.[0] ?? '';
    const typed = current.replace(/^\s+/, '');
    const kind = key === 'practices' ? 'practice' : 'step-reference';
    const present = listValues(items.slice(0, items.length - current.length));
    return { kind, replace: { start: offset - typed.length, end: offset }, present };
  }

  const lines = documentLines(text, offset);
  const lineIndex = lines.findIndex((entry) => entry.start === line.start);
  if (lineIndex === -1) return undefined;

  const itemMatch = /^(\s*)-\s+([^:#]*)$/.exec(prefix);
  if (itemMatch) {
    const dashColumn = (itemMatch[1] ?? '').length;
    const parent = parentKey(lines, lineIndex, dashColumn + 1);
    const typed = itemMatch[2] ?? '';
    if (parent?.key === 'practices' || parent?.key === 'after') {
      const present: string[] = [];
      for (let index = lineIndex - 1; index >= 0; index -= 1) {
        const item = /^(\s*)-\s+(.*)$/.exec(lines[index]?.text ?? '');
        if (!item || (item[1] ?? '').length !== dashColumn) break;
        present.push((item[2] ?? '').trim());
      }
      return {
        kind: parent.key === 'practices' ? 'practice' : 'step-reference',
        replace: { start: offset - typed.length, end: offset },
        present,
      };
    }
  }

  const keyMatch = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)?$/.exec(prefix);
  if (!keyMatch) return undefined;
  const column = (keyMatch[1] ?? '').length + (keyMatch[2] ?? '').length;
  const replace = { start: wordStart(/[A-Za-z_][\w-]*$/), end: offset };
  if (column === 0 && keyMatch[2] === undefined) {
    return { kind: 'stream-field', replace, present: siblingKeys(lines, lineIndex, 0) };
  }
  const parent = parentKey(lines, lineIndex, keyMatch[2] !== undefined ? (keyMatch[1] ?? '').length + 1 : column);
  if (parent?.key === 'steps') {
    return { kind: 'step-field', replace, present: keyMatch[2] !== undefined ? [] : siblingKeys(lines, lineIndex, column) };
  }
  return undefined;
}

export type ValueStreamTarget =
  | { readonly kind: 'stream-name'; readonly stream: ValueStream; readonly range: TextRange }
  | { readonly kind: 'activity'; readonly activity: ActivityId; readonly range: TextRange }
  | { readonly kind: 'practice'; readonly practiceId: string; readonly range: TextRange }
  | { readonly kind: 'legacy'; readonly legacyTermId: string; readonly range: TextRange }
  | { readonly kind: 'step-id'; readonly stream: ValueStream; readonly step: ValueStreamStep; readonly id: string; readonly range: TextRange };

function contains(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end && range.start < range.end;
}

/** The stream name, activity, practice, legacy name or step id (in `id:` or in `after`) written at `offset`. */
export function targetAt(result: ValueStreamParseResult, offset: number): ValueStreamTarget | undefined {
  for (const stream of result.streams) {
    if (offset < stream.range.start || offset > stream.range.end) continue;
    if (contains(stream.nameRange, offset)) return { kind: 'stream-name', stream, range: stream.nameRange };
    for (const step of stream.steps) {
      if (offset < step.range.start || offset > step.range.end) continue;
      if (step.activity && step.activityRange && contains(step.activityRange, offset)) {
        return { kind: 'activity', activity: step.activity, range: step.activityRange };
      }
      for (const practice of step.practices) {
        if (!contains(practice.range, offset)) continue;
        if (practice.practiceId) return { kind: 'practice', practiceId: practice.practiceId, range: practice.range };
        if (practice.legacyTermId) return { kind: 'legacy', legacyTermId: practice.legacyTermId, range: practice.range };
      }
      if (contains(step.idRange, offset)) return { kind: 'step-id', stream, step, id: step.id, range: step.idRange };
      for (const [index, range] of step.afterRanges.entries()) {
        const id = step.after[index];
        const target = stream.steps.find((candidate) => candidate.id === id);
        if (id !== undefined && target && contains(range, offset)) return { kind: 'step-id', stream, step: target, id, range };
      }
    }
  }
  return undefined;
}

export interface TextEditRange {
  readonly range: TextRange;
  readonly newText: string;
}

/** Why a new step id cannot be used, or undefined when it can. */
export function invalidStepIdReason(stream: ValueStream, oldId: string, newId: string): string | undefined {
  if (!/^[A-Za-z0-9_][\w.-]*$/.test(newId)) {
    return 'Step ids are one word: letters, digits, `-`, `_` or `.`, starting with a letter, digit or `_`.';
  }
  if (newId !== oldId && stream.steps.some((step) => step.id === newId)) {
    return `Another step of "${stream.name}" already has the id \`${newId}\`.`;
  }
  return undefined;
}

/** Edits renaming step `oldId` in `stream`: its `id:` and every `after` entry that names it. */
export function renameStepEdits(stream: ValueStream, oldId: string, newId: string): TextEditRange[] {
  const edits: TextEditRange[] = [];
  for (const step of stream.steps) {
    if (step.id === oldId && step.idRange.start < step.idRange.end) edits.push({ range: step.idRange, newText: newId });
    step.afterRanges.forEach((range, index) => {
      if (step.after[index] === oldId) edits.push({ range, newText: newId });
    });
  }
  return edits;
}

/** A duration as it is written into a source: a plain number, without rounding noise or an exponent. */
export function writtenDuration(value: number): string {
  return Number(value.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 12, useGrouping: false });
}

/**
 * The edit that gives `step` the duration `duration` in `text`, the document it was read from: its written value
 * replaced; or, when the step takes the default, a `duration:` line added after the step's last line at the
 * column of its keys (`, duration: …` before the closing brace of a step written `{ … }`).
 */
export function durationEdit(text: string, step: Pick<ValueStreamStep, 'durationRange' | 'range'>, duration: number): TextEditRange {
  const value = writtenDuration(duration);
  if (step.durationRange) return { range: step.durationRange, newText: value };
  const { start, end } = step.range;
  if (text[start] === '{') {
    const close = text.lastIndexOf('}', end);
    const inside = text.slice(start + 1, close).trim();
    return { range: { start: close, end: close }, newText: `${inside === '' ? '' : ', '}duration: ${value}` };
  }
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  const lastCharacter = text.slice(start, end).trimEnd().length + start - 1;
  const newline = text.indexOf('\n', lastCharacter);
  const lineEnd = newline === -1 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  const lineBreak = newline !== -1 && text[newline - 1] === '\r' ? '\r\n' : '\n';
  return { range: { start: lineEnd, end: lineEnd }, newText: `${lineBreak}${' '.repeat(column)}duration: ${value}` };
}
