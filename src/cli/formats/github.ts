/**
 * `--format github`: GitHub Actions workflow commands, so findings appear as annotations on the pull request and
 * the job summary without an extra action. Values are escaped as the Actions toolkit does: `%`, CR and LF
 * everywhere, and `:` and `,` inside properties.
 */
import type { Problem } from '../checkFiles';
import { problemsOf, unreadableFiles, type Report } from './report';

const COMMANDS = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Readonly<Record<string, string | number>>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${list}::${escapeData(message)}\n`;
}

function annotation(problem: Problem): string {
  return command(
    COMMANDS[problem.severity],
    { file: problem.file, line: problem.line, col: problem.column, endLine: problem.endLine, endColumn: problem.endColumn, title: problem.code },
    problem.message,
  );
}

export function formatGithub(report: Report): string {
  const unreadable = unreadableFiles(report).map((file) => command('error', { file: file.file, title: 'svc-check' }, file.unreadable));
  return [...problemsOf(report).map(annotation), ...unreadable].join('');
}
