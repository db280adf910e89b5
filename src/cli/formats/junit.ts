/**
 * `--format junit`: JUnit XML, which CI servers show as test results. One test suite for the run, one test case per
 * file checked, a `<failure>` per problem in it (its `type` is the severity), and an `<error>` for a file that
 * could not be read. The XML is built by fast-xml-parser, which escapes it.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { FileResult, Report } from './report';

/** Characters XML 1.0 does not allow at all, not even escaped (a file name may hold them). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

function testCase(file: FileResult): Record<string, unknown> {
  const failures = file.problems.map((problem) => ({
    '@_type': problem.severity,
    '@_message': xmlText(`${problem.code}: ${problem.message}`),
    '#text': xmlText(`${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}`),
  }));
  return {
    '@_name': xmlText(file.file),
    '@_classname': 'svc-check',
    ...(failures.length > 0 ? { failure: failures } : {}),
    ...(file.unreadable !== undefined ? { error: { '@_type': 'unreadable-file', '@_message': xmlText(file.unreadable), '#text': xmlText(file.unreadable) } } : {}),
  };
}

export function formatJunit(report: Report): string {
  const counts = {
    '@_tests': report.files.length,
    '@_failures': report.files.filter((file) => file.problems.length > 0).length,
    '@_errors': report.files.filter((file) => file.unreadable !== undefined).length,
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'svc-check',
      ...counts,
      testsuite: { '@_name': 'svc-check', ...counts, '@_skipped': 0, testcase: report.files.map(testCase) },
    },
  }) as string;
}
