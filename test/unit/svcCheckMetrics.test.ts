import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StreamMetricsRecord } from '../../src/cli/metricsCommand';
import { EXAMPLE_STREAMS } from '../../src/model/itil';

const ROOT = path.resolve(__dirname, '../../..');
const BINARY = path.join(ROOT, 'dist', 'cli', 'svc-check.js');

/** The seed's three examples in one file, as a repository would keep them. */
const EXAMPLES = EXAMPLE_STREAMS.map((example) => example.source).join('---\n');

/** A proposal with a stream measured in days, whose accounts have two days of slack and whose review waits five. */
const PROPOSAL = `# Onboarding proposal

\`\`\`valuestream
valueStream: Employee onboarding
unit: days
steps:
  - id: request
    activity: engage
  - id: approve
    activity: plan
  - id: laptop
    activity: obtain-build
    duration: 3
  - id: accounts
    activity: deliver-and-support
    after: [approve]
  - id: induction
    activity: engage
    after: [laptop, accounts]
    duration: 2
  - id: review
    activity: improve
    lag: 5
\`\`\`

\`\`\`valuestream
valueStream: Half written
steps:
  - id: ask
    activity: engag
  - id: answer
    activity: deliver-and-support
\`\`\`
`;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

suite('svc-check metrics (built binary)', function () {
  this.timeout(30_000);
  let folder: string;

  function svcCheck(args: readonly string[]): Run {
    const result = spawnSync(process.execPath, [BINARY, ...args], { cwd: folder, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function json(args: readonly string[]): StreamMetricsRecord[] {
    const run = svcCheck(['metrics', ...args, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as StreamMetricsRecord[];
  }

  suiteSetup(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'svc-metrics-'));
    writeFileSync(path.join(folder, 'examples.valuestream.yaml'), EXAMPLES);
    writeFileSync(path.join(folder, 'proposal.md'), PROPOSAL);
  });

  suiteTeardown(() => rmSync(folder, { recursive: true, force: true }));

  test("JSON: one object per stream; the seed's examples give the lead times and critical paths of the seed's Gantt chart", () => {
    const records = json(['examples.valuestream.yaml']);
    assert.deepEqual(
      records.map((record) => [record.name, record.file, record.line, record.unit, record.leadTime, record.criticalPath, record.criticalChains]),
      [
        ['New service deployment', 'examples.valuestream.yaml', 1, null, 6, ['plan', 'improve', 'engage', 'design', 'build', 'deliver'], [['plan', 'engage', 'design', 'build', 'deliver'], ['improve']]],
        ['Incident resolution', 'examples.valuestream.yaml', 40, null, 4, ['report', 'restore', 'review'], [['report', 'restore', 'review']]],
        ['Service request fulfilment', 'examples.valuestream.yaml', 61, null, 3, ['request', 'obtain', 'fulfil'], [['request', 'obtain', 'fulfil']]],
      ],
    );
    const [deployment] = records;
    assert.ok(deployment);
    assert.deepEqual(Object.keys(deployment), ['name', 'file', 'line', 'unit', 'leadTime', 'workTime', 'waiting', 'flowEfficiency', 'criticalPath', 'criticalChains', 'criticalChainCount', 'slack', 'byActivity', 'byPractice']);
    assert.equal(deployment.workTime, 13);
    assert.equal(deployment.flowEfficiency, 1);
    assert.equal(deployment.criticalChainCount, 2);
    assert.deepEqual(deployment.slack, { plan: 0, engage: 0, design: 0, build: 0, deliver: 0, improve: 0 });
    assert.deepEqual(deployment.byActivity, { plan: 1, improve: 6, engage: 1, 'design-and-transition': 2, 'obtain-build': 2, 'deliver-and-support': 1 });
    assert.equal(deployment.byPractice['continual-improvement'], 6);
  });

  test('JSON: a stream in days with slack, waiting and a flow efficiency below 1; a stream with errors is measured and named', () => {
    const run = svcCheck(['metrics', 'proposal.md', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const [onboarding, halfWritten] = JSON.parse(run.stdout) as StreamMetricsRecord[];
    assert.ok(onboarding && halfWritten);
    assert.deepEqual(
      { unit: onboarding.unit, leadTime: onboarding.leadTime, workTime: onboarding.workTime, waiting: onboarding.waiting, line: onboarding.line },
      { unit: 'days', leadTime: 13, workTime: 9, waiting: 5, line: 4 },
    );
    assert.ok(Math.abs((onboarding.flowEfficiency ?? 0) - 8 / 13) < 1e-9, 'critical work 8 days of 13');
    assert.deepEqual(onboarding.criticalPath, ['request', 'approve', 'laptop', 'induction', 'review']);
    assert.equal(onboarding.slack.accounts, 2);
    assert.equal(halfWritten.name, 'Half written');
    assert.match(run.stderr, /^svc-check metrics: proposal\.md:27 Half written has 1 error; its figures follow what could be read \(svc-check lists the problems\)$/m);
  });

  test('text: a table with one row per stream, the figures in each stream’s unit', () => {
    const run = svcCheck(['metrics']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      'Stream                      Where                         Lead time  Work      Waiting  Flow efficiency  Critical path',
      'New service deployment      examples.valuestream.yaml:1   6 units    13 units  0 units  100%             plan → engage → design → build → deliver; improve',
      'Incident resolution         examples.valuestream.yaml:40  4 units    4 units   0 units  100%             report → restore → review',
      'Service request fulfilment  examples.valuestream.yaml:61  3 units    3 units   0 units  100%             request → obtain → fulfil',
      'Employee onboarding         proposal.md:4                 13 days    9 days    5 days   62%              request → approve → laptop → induction → review',
      'Half written                proposal.md:27                2 units    2 units   0 units  100%             ask → answer',
    ]);
  });

  test('--output writes the figures to a file; --help; usage errors and unreadable files exit 2', () => {
    const written = svcCheck(['metrics', 'examples.valuestream.yaml', '--format', 'json', '--output', 'figures.json']);
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout, '');
    assert.equal((JSON.parse(readFileSync(path.join(folder, 'figures.json'), 'utf8')) as unknown[]).length, 3);
    rmSync(path.join(folder, 'figures.json'));

    const help = svcCheck(['metrics', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: svc-check metrics \[files, folders or globs…\] \[options\]/);
    assert.match(svcCheck(['--help']).stdout, /svc-check metrics \[files, folders or globs…\] \[--format text\|json\]/);

    const badFormat = svcCheck(['metrics', '--format', 'sarif']);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format of svc-check metrics must be one of text, json, not "sarif"/);
    const missing = svcCheck(['metrics', 'nowhere.md']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nowhere\.md: no such file or folder/);
    writeFileSync(path.join(folder, 'binary.valuestream.yaml'), Buffer.from([0, 1, 2]));
    try {
      const binary = svcCheck(['metrics', 'binary.valuestream.yaml', 'examples.valuestream.yaml']);
      assert.equal(binary.status, 2);
      assert.match(binary.stderr, /cannot check binary\.valuestream\.yaml: it is a binary file, not text/);
      assert.equal(binary.stdout.trimEnd().split('\n').length, 4, 'the readable file is still measured');
    } finally {
      rmSync(path.join(folder, 'binary.valuestream.yaml'));
    }
    const empty = mkdtempSync(path.join(tmpdir(), 'svc-metrics-empty-'));
    try {
      const none = spawnSync(process.execPath, [BINARY, 'metrics', '--format', 'json'], { cwd: empty, encoding: 'utf8' });
      assert.equal(none.status, 0);
      assert.equal(none.stdout, '[]\n');
      assert.match(none.stderr, /no value stream with steps in the files/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
