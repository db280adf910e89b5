import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectFiles } from '../../src/cli/checkFiles';

const ROOT = path.resolve(__dirname, '../../..');
const BINARY = path.join(ROOT, 'dist', 'cli', 'svc-check.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built binary the way a CI job would. */
function svcCheck(args: readonly string[], cwd = FIXTURES): Run {
  const result = spawnSync(process.execPath, [BINARY, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

suite('svc-check (built binary)', function () {
  this.timeout(30_000);

  test('a clean folder: exit 0, nothing on stdout, a summary on stderr', () => {
    const run = svcCheck(['clean']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /0 errors, 0 warnings, 0 notes in 2 files/);
  });

  test('errors: exit 1, one "file:line:col severity code message" line each', () => {
    const run = svcCheck(['broken']);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      'broken/incident.valuestream.yaml:4:15 error svc/unknown-activity `engag` is not a value chain activity. Did you mean `engage`? Use one of `plan`, `improve`, `engage`, `design-and-transition`, `obtain-build`, `deliver-and-support`.',
      'broken/incident.valuestream.yaml:8:13 error svc/unknown-step-reference No step of this stream has the id `reprot`. Did you mean `report`? `after` lists ids of steps in the same stream: `report`, `restore`.',
      'broken/incident.valuestream.yaml:9:15 error svc/invalid-duration `duration` must be a positive number of relative units (no unit), e.g. `duration: 2`; `0` is not. Leave it out for the default of 1.',
      'broken/notes.md:8:17 warning svc/legacy-practice `Request Fulfilment` is an ITIL v3/2011 name. ITIL 4 calls it `service request management`.',
      'broken/notes.md:9:9 error svc/duplicate-step-id Step id `request` is already used by step 1 of this stream; ids must be unique, so rename this one.',
      'broken/notes.md:13:27 warning svc/legacy-term “Request Fulfilment” is the ITIL v3/2011 name — ITIL 4 uses “service request management”.',
      'broken/notes.md:13:51 warning svc/legacy-term “Change Management” is the ITIL v3/2011 name — ITIL 4 uses “change enablement”.',
    ]);
    assert.match(run.stderr, /4 errors, 3 warnings, 0 notes in 2 files/);
  });

  test('JSON output: 1-based positions with ends, same problems', () => {
    const run = svcCheck(['broken', '--format', 'json']);
    assert.equal(run.status, 1);
    const problems = JSON.parse(run.stdout) as JsonProblem[];
    assert.equal(problems.length, 7);
    assert.deepEqual(problems[0], {
      file: 'broken/incident.valuestream.yaml',
      line: 4,
      column: 15,
      endLine: 4,
      endColumn: 20,
      severity: 'error',
      code: 'svc/unknown-activity',
      message: problems[0]?.message,
    });
    assert.deepEqual(Object.keys(problems[3] ?? {}), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  test('warnings pass unless --strict; ITIL v3 names count in prose only, not in code', () => {
    const relaxed = svcCheck(['warnings']);
    assert.equal(relaxed.status, 0);
    assert.deepEqual(
      relaxed.stdout.trimEnd().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')),
      ['warnings/prose.md:3:28 warning svc/legacy-term', 'warnings/stream.valuestream.yml:5:17 warning svc/unknown-practice'],
    );
    assert.equal(svcCheck(['warnings', '--strict']).status, 1);
  });

  test('front matter: the title, description and excerpt are read, at their own lines and columns; other keys are not', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'svc-check-front-matter-'));
    try {
      writeFileSync(path.join(folder, 'page.md'), '---\nlayout: post\ntitle: "Our Request Fulfilment guide"\npermalink: /request-fulfilment/\n---\n\nBody text.\n');
      const run = svcCheck(['page.md', '--format', 'json'], folder);
      const problems = JSON.parse(run.stdout) as JsonProblem[];
      assert.deepEqual(
        problems.map((problem) => [problem.line, problem.column, problem.endColumn, problem.code]),
        [[3, 13, 31, 'svc/legacy-term']],
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('files and globs; globs match below their fixed folder', () => {
    assert.equal(svcCheck(['clean/onboarding.valuestream.yaml']).status, 0);
    const globbed = svcCheck(['**/*.md']);
    assert.equal(globbed.status, 1);
    assert.deepEqual([...new Set(globbed.stdout.trim().split('\n').map((line) => line.split(':')[0]))], ['broken/notes.md', 'warnings/prose.md']);
    assert.match(globbed.stderr, /in 3 files/);
    const none = svcCheck(['clean/**/*.valuestream.yml']);
    assert.equal(none.status, 0);
    assert.match(none.stderr, /no value-stream or Markdown file matches clean\/\*\*\/\*\.valuestream\.yml/);
  });

  test('usage errors exit 2 with a message', () => {
    for (const [args, message] of [
      [['--format', 'xml'], /--format must be one of text, json, sarif, github, junit, gitlab, not "xml"/],
      [['--colour'], /Unknown option '--colour'/],
      [['missing-folder'], /missing-folder: no such file or folder/],
      [['clean/docs/notes.txt'], /no such file or folder/],
    ] as const) {
      const run = svcCheck(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
    assert.equal(svcCheck(['--help']).status, 0);
    assert.match(svcCheck(['--help']).stdout, /Usage: svc-check/);
  });

  suite('files the run cannot read', () => {
    let folder = '';
    setup(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'svc-check-'));
      cpSync(path.join(FIXTURES, 'clean'), folder, { recursive: true });
    });
    teardown(() => {
      chmodSync(folder, 0o755);
      rmSync(folder, { recursive: true, force: true });
    });

    test('node_modules and .git are skipped', () => {
      for (const skipped of ['node_modules/pkg', '.git']) {
        mkdirSync(path.join(folder, skipped), { recursive: true });
        writeFileSync(path.join(folder, skipped, 'bad.valuestream.yaml'), 'valueStream: x\nsteps: nope\n');
      }
      const run = svcCheck(['.'], folder);
      assert.equal(run.status, 0, run.stdout);
    });

    test('a binary file: exit 2 naming it, and the other files are still checked', () => {
      writeFileSync(path.join(folder, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      writeFileSync(path.join(folder, 'bad.valuestream.yaml'), 'valueStream: x\nsteps:\n  - id: a\n    activity: nope\n');
      const run = svcCheck(['.'], folder);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /cannot check image\.md: it is a binary file, not text/);
      assert.match(run.stdout, /bad\.valuestream\.yaml:4:15 error svc\/unknown-activity/);
    });

    test('an unreadable file (a broken link): exit 2 with the reason', () => {
      symlinkSync(path.join(folder, 'gone.md'), path.join(folder, 'link.md'));
      const run = svcCheck(['.'], folder);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /cannot read link\.md: it does not exist \(a broken link\?\)/);
    });
  });
});

suite('svc-check with an organisation glossary', function () {
  this.timeout(30_000);
  let folder: string;

  setup(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'svc-check-glossary-'));
    mkdirSync(path.join(folder, '.git'));
    mkdirSync(path.join(folder, '.svc'));
    mkdirSync(path.join(folder, 'docs', 'deep'), { recursive: true });
    writeFileSync(
      path.join(folder, '.svc', 'glossary.yaml'),
      'version: 1\nhide: [Demand Management]\npreferredTerms:\n  - use: service request\n    insteadOf: [ticket]\n    reason: Our catalogue speaks of requests.\n  - use: x\n    insteadOf: [X]\n',
    );
    writeFileSync(path.join(folder, 'docs', 'deep', 'notes.md'), 'Open a ticket.\n\nDemand Management and Change Management at the service desk, for incident management.\n');
  });

  teardown(() => rmSync(folder, { recursive: true, force: true }));

  test('files read with the nearest .svc/glossary.yaml; its own problems are reported against it', () => {
    const run = svcCheck(['docs'], folder);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      '.svc/glossary.yaml:8:17 error svc/glossary-rule-conflict “X” is the name to use, so it cannot also be the name to avoid.',
      'docs/deep/notes.md:1:8 warning svc/preferred-term The workspace glossary says “service request”, not “ticket”. Our catalogue speaks of requests.',
      'docs/deep/notes.md:3:23 warning svc/legacy-term “Change Management” is the ITIL v3/2011 name — ITIL 4 uses “change enablement”.',
    ]);
    // Run from the nested folder: the glossary above it still applies.
    assert.match(svcCheck(['notes.md'], path.join(folder, 'docs', 'deep')).stdout, /notes\.md:1:8 warning svc\/preferred-term/);
  });

  test('--glossary names the file instead; a missing one is a usage error', () => {
    writeFileSync(path.join(folder, 'other.yaml'), 'version: 1\n');
    const run = svcCheck(['docs', '--glossary', 'other.yaml'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      run.stdout.trimEnd().split('\n').map((line) => line.split(' ')[2]),
      ['svc/legacy-term', 'svc/legacy-term'],
    );
    const missing = svcCheck(['docs', '--glossary', 'nowhere.yaml'], folder);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read nowhere\.yaml/);
  });
});

suite('svc-check globs', () => {
  test('*, **, ?, {a,b} and [..] from the glob\'s fixed folder, dot folders included', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'svc-globs-'));
    try {
      for (const file of ['c.md', 'a/c.md', 'a/b/c.md', 'docs/x.markdown', 'docs/y.md', 'file1.md', 'b.md', '.notes/d.md', 'e.valuestream.yaml']) {
        mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        writeFileSync(path.join(folder, file), '# Title\n');
      }
      const matched = (glob: string): string[] =>
        collectFiles([glob], folder)
          .files.map((file) => path.relative(folder, file.path).split(path.sep).join('/'))
          .sort();
      assert.deepEqual(matched('**/*.md'), ['.notes/d.md', 'a/b/c.md', 'a/c.md', 'b.md', 'c.md', 'docs/y.md', 'file1.md']);
      assert.deepEqual(matched('*.md'), ['b.md', 'c.md', 'file1.md']);
      assert.deepEqual(matched('a/**/c.md'), ['a/b/c.md', 'a/c.md']);
      assert.deepEqual(matched('docs/*.{md,markdown}'), ['docs/x.markdown', 'docs/y.md']);
      assert.deepEqual(matched('file?.md'), ['file1.md']);
      assert.deepEqual(matched('[bc].md'), ['b.md', 'c.md']);
      assert.deepEqual(matched('[!b].md'), ['c.md']);
      assert.deepEqual(matched('*.valuestream.yaml'), ['e.valuestream.yaml']);
      const nothing = collectFiles(['nowhere/*.md'], folder);
      assert.deepEqual([nothing.files, nothing.notes], [[], ['no value-stream or Markdown file matches nowhere/*.md']]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
