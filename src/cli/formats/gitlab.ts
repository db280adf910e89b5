/**
 * `--format gitlab`: a GitLab code quality report, shown in merge requests. Each problem's fingerprint hashes its
 * file, code and message with how many identical problems came before it in the file, and not its line, so a
 * problem keeps its fingerprint when lines are added above it and GitLab can tell new problems from old ones.
 */
import { createHash } from 'node:crypto';
import type { Problem } from '../checkFiles';
import { unreadableFiles, type Report } from './report';

const SEVERITIES = { error: 'major', warning: 'minor', information: 'info', hint: 'info' } as const;

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end?: number } };
}

function fingerprint(...parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export function formatGitlab(report: Report): string {
  const issues: CodeQualityIssue[] = [];
  for (const file of report.files) {
    const seen = new Map<string, number>();
    const issue = (problem: Problem): CodeQualityIssue => {
      const key = `${problem.code}\u0000${problem.message}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        description: problem.message,
        check_name: problem.code,
        fingerprint: fingerprint(file.file, problem.code, problem.message, occurrence),
        severity: SEVERITIES[problem.severity],
        location: { path: file.file, lines: { begin: problem.line, end: problem.endLine } },
      };
    };
    issues.push(...file.problems.map(issue));
  }
  for (const file of unreadableFiles(report)) {
    issues.push({
      description: file.unreadable,
      check_name: 'svc-check/unreadable-file',
      fingerprint: fingerprint(file.file, 'svc-check/unreadable-file'),
      severity: 'blocker',
      location: { path: file.file, lines: { begin: 1 } },
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
