/** `--format json`: an array of problems with 1-based positions; the shape scripts have relied on since the first release. */
import { problemsOf, type Report } from './report';

export function formatJson(report: Report): string {
  const problems = problemsOf(report).map(({ file, line, column, endLine, endColumn, severity, code, message }) => ({ file, line, column, endLine, endColumn, severity, code, message }));
  return `${JSON.stringify(problems, null, 2)}\n`;
}
