/**
 * What every output format of svc-check takes: the files of one run in the order they were checked, each with its
 * problems or the reason it could not be read. A format is a function from a report to the text it writes.
 */
import type { Problem } from '../checkFiles';

export interface FileResult {
  /** The path as reports show it: relative to the working folder, with `/` between folders. */
  readonly file: string;
  readonly problems: readonly Problem[];
  /** Why the file could not be checked; it then has no problems. */
  readonly unreadable?: string;
}

export interface Report {
  readonly toolVersion: string;
  readonly files: readonly FileResult[];
}

export type Formatter = (report: Report) => string;

export function problemsOf(report: Report): Problem[] {
  return report.files.flatMap((file) => file.problems);
}

export function unreadableFiles(report: Report): (FileResult & { readonly unreadable: string })[] {
  return report.files.filter((file): file is FileResult & { readonly unreadable: string } => file.unreadable !== undefined);
}

/** The tools' common three levels: information and hints are notes everywhere but in the editor. */
export function levelOf(problem: Problem): 'error' | 'warning' | 'note' {
  return problem.severity === 'information' || problem.severity === 'hint' ? 'note' : problem.severity;
}
