/**
 * `--format sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning and SARIF viewers. The run's rules are
 * every finding code svc-check reports; each result points at its region (1-based lines, columns counted in
 * UTF-16 code units as the text is read) and carries the automatic fix where there is one. Files that could not
 * be read are tool notifications, and the invocation is then marked unsuccessful.
 */
import type * as Sarif from 'sarif';
import { CHECK_CODES, describeCheck, type CheckCode } from '../../model/checks';
import type { Problem } from '../checkFiles';
import { levelOf, problemsOf, unreadableFiles, type Report } from './report';

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Paths are relative to the folder svc-check ran in, which CI jobs make the repository's root. */
const SOURCE_ROOT = '%SRCROOT%';

function artifactLocation(file: string): Sarif.ArtifactLocation {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function rule(code: CheckCode): Sarif.ReportingDescriptor {
  const check = describeCheck(code);
  return {
    id: code,
    shortDescription: { text: check.summary },
    fullDescription: { text: check.description },
    help: { text: check.help.replace(/`/g, ''), markdown: check.help },
    properties: { tags: [check.area] },
  };
}

function result(problem: Problem, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const index = ruleIndex.get(problem.code);
  const location = artifactLocation(problem.file);
  const fix = problem.fix;
  return {
    ruleId: problem.code,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: levelOf(problem),
    message: { text: problem.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn },
        },
      },
    ],
    ...(fix
      ? {
          fixes: [
            {
              description: { text: `Replace with “${fix.newText}”` },
              artifactChanges: [
                {
                  artifactLocation: location,
                  replacements: [
                    {
                      deletedRegion: { startLine: fix.line, startColumn: fix.column, endLine: fix.endLine, endColumn: fix.endColumn },
                      insertedContent: { text: fix.newText },
                    },
                  ],
                },
              ],
            },
          ],
        }
      : {}),
  };
}

export function formatSarif(report: Report): string {
  const ruleIndex = new Map(CHECK_CODES.map((code, index) => [code, index]));
  const unreadable = unreadableFiles(report);
  const log: Sarif.Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'svc-check',
            version: report.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(report.toolVersion) ? { semanticVersion: report.toolVersion } : {}),
            rules: CHECK_CODES.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((file) => ({
              level: 'error',
              message: { text: file.unreadable },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.file) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: problemsOf(report).map((problem) => result(problem, ruleIndex)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
