/**
 * The check command: checks the files (or standard input) the arguments name, applies the safe fixes with --fix,
 * writes the report in the chosen format and returns the exit code.
 */
import path from 'node:path';
import { UsageError, type Problem } from './checkFiles';
import { writeFileAtomically } from './atomicWrite';
import { applyAutomaticFixes } from './fixFiles';
import { FORMATS } from './formats';
import { parseOptions, USAGE } from './options';
import { runChecks } from './runChecks';
import { VERSION, type Output } from './program';

function plural(value: number, word: string): string {
  return `${value} ${word}${value === 1 ? '' : 's'}`;
}

function summary(problems: readonly Problem[], fileCount: number, fixable: number): string {
  const count = (severity: string): number => problems.filter((problem) => problem.severity === severity).length;
  const fixes = fixable > 0 ? `; ${fixable} fixable with --fix` : '';
  return `svc-check: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('information') + count('hint'), 'note')} in ${plural(fileCount, 'file')}${fixes}\n`;
}

/** Runs `svc-check [paths…] [options]` and returns the exit code. */
export function checkCommand(argv: readonly string[], cwd: string, write: Output): number {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    write.err(`svc-check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    write.out(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    write.out(`${VERSION}\n`);
    return 0;
  }
  let run;
  try {
    run = runChecks(options, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    write.err(`svc-check: ${error.message}\n`);
    return 2;
  }
  for (const note of run.notes) write.err(`svc-check: ${note}\n`);
  const fixed = options.fix ? applyAutomaticFixes(run.files, options.dryRun, write) : undefined;
  const files = fixed?.files ?? run.files;
  const failures = [...files.flatMap((file) => (file.unreadable !== undefined ? [file.unreadable] : [])), ...(fixed?.failures ?? [])];
  const reportText = FORMATS[options.format]({ toolVersion: VERSION, files });
  if (options.output !== undefined) {
    try {
      writeFileAtomically(path.resolve(cwd, options.output), reportText);
    } catch (error) {
      failures.push(`cannot write the report to ${options.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else if (!options.dryRun) {
    write.out(reportText);
  }
  for (const failure of failures) write.err(`svc-check: ${failure}\n`);
  const problems = files.flatMap((file) => file.problems);
  const checkedCount = files.filter((file) => file.check !== undefined).length;
  if (fixed) write.err(`svc-check: ${options.dryRun ? 'would fix' : 'fixed'} ${plural(fixed.fixCount, 'problem')} in ${plural(fixed.fixedFileCount, 'file')}\n`);
  write.err(summary(problems, checkedCount, problems.filter((problem) => problem.fix).length));
  if (failures.length > 0) return 2;
  const failing = problems.some((problem) => problem.severity === 'error' || (options.strict && problem.severity === 'warning'));
  return failing ? 1 : 0;
}
