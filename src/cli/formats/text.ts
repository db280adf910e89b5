/** `--format text`: one `file:line:col severity code message` line per problem, as compilers print them. */
import { problemsOf, type Report } from './report';

export function formatText(report: Report): string {
  return problemsOf(report)
    .map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}\n`)
    .join('');
}
