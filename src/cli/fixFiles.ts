/**
 * `svc-check --fix`: applies the automatic fixes of the checked files, writes each changed file atomically with
 * its byte order mark and line endings as they were, and checks it again. With `--dry-run` nothing is written:
 * the changes are printed as a unified diff instead.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { applyEdits } from '../model/terms';
import { writeFileAtomically } from './atomicWrite';
import type { ProblemFix } from './checkFiles';
import type { Output } from './program';
import type { CheckedFile } from './runChecks';

/** A fix can make another one possible (two that overlapped, say); a few rounds settle every file. */
const MAX_ROUNDS = 5;
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

export interface FixResult {
  /** The files as they are after the fixes, with the problems left in them. */
  readonly files: readonly CheckedFile[];
  /** Files whose fixes could not be written. */
  readonly failures: readonly string[];
  readonly fixCount: number;
  readonly fixedFileCount: number;
}

/** Fixes that do not overlap, in text order (of overlapping ones, the first stays for the next round). */
function disjointFixes(file: CheckedFile): ProblemFix[] {
  const fixes = file.problems.flatMap((problem) => (problem.fix ? [problem.fix] : [])).sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: ProblemFix[] = [];
  for (const fix of fixes) {
    const previous = chosen[chosen.length - 1];
    if (!previous || previous.end <= fix.start) chosen.push(fix);
  }
  return chosen;
}

/** Writes the fixed text over a file, unless the file changed since it was read. */
function writeFixedText(file: CheckedFile & { readonly path: string; readonly text: string }, fixed: string): void {
  const target = realpathSync(file.path);
  const bytes = readFileSync(target);
  const hasByteOrderMark = bytes.subarray(0, 3).equals(BYTE_ORDER_MARK);
  if (bytes.toString('utf8', hasByteOrderMark ? 3 : 0) !== file.text) throw new Error('it changed while it was being checked; run svc-check again');
  writeFileAtomically(target, Buffer.concat([hasByteOrderMark ? BYTE_ORDER_MARK : Buffer.alloc(0), Buffer.from(fixed, 'utf8')]));
}

function describeFix(file: CheckedFile, fix: ProblemFix, verb: string): string {
  const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
  return `svc-check: ${verb} ${file.file}:${fix.line}:${fix.column} “${oneLine((file.text ?? '').slice(fix.start, fix.end))}” → “${oneLine(fix.newText)}”\n`;
}

export function applyAutomaticFixes(files: readonly CheckedFile[], dryRun: boolean, output: Output): FixResult {
  const failures: string[] = [];
  let fixCount = 0;
  let fixedFileCount = 0;
  const result = files.map((original) => {
    if (original.text === undefined || !original.check) return original;
    let current: CheckedFile = original;
    const changes: string[] = [];
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const fixes = disjointFixes(current);
      if (fixes.length === 0) break;
      changes.push(...fixes.map((fix) => describeFix(current, fix, dryRun ? 'would fix' : 'fixed')));
      const text = applyEdits(current.text ?? '', fixes);
      current = { ...current, text, problems: original.check(text) };
    }
    if (changes.length === 0) return original;
    const fixed = current.text ?? '';
    if (dryRun) {
      output.out(createTwoFilesPatch(`a/${original.file}`, `b/${original.file}`, original.text, fixed, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }));
    } else {
      try {
        if (original.path === undefined) throw new Error('it has no file to write to');
        writeFixedText({ ...original, path: original.path, text: original.text }, fixed);
      } catch (error) {
        failures.push(`cannot fix ${original.file}: ${error instanceof Error ? error.message : String(error)}`);
        return original;
      }
    }
    for (const change of changes) output.err(change);
    fixCount += changes.length;
    fixedFileCount += 1;
    return current;
  });
  return { files: result, failures, fixCount, fixedFileCount };
}
