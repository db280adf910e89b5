import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../src/cli/export/browserDrawing';

const ROOT = path.resolve(__dirname, '../../..');
const BINARY = path.join(ROOT, 'dist', 'cli', 'svc-export.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'export');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function svcExport(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(process.execPath, [BINARY, ...args], { cwd: FIXTURES, encoding: 'utf8', env, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

suite('svc-export (built binary, drawing in Chromium)', function () {
  this.timeout(150_000);
  let output: string;

  setup(() => {
    output = mkdtempSync(path.join(tmpdir(), 'svc-export-'));
  });

  teardown(() => rmSync(output, { recursive: true, force: true }));

  test('a proposal with blocks that cannot be drawn: the file is written, exit 1, one line per problem', async () => {
    const target = path.join(output, 'proposal.docx');
    const run = svcExport(['service-desk-proposal.md', '-o', target, '--appendix', 'terms']);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      run.stdout.trimEnd().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')),
      ['service-desk-proposal.md:127:1 error svc/unknown-activity', 'service-desk-proposal.md:129:1 error svc/invalid-duration', 'service-desk-proposal.md:165:1 error svc/unsupported-diagram'],
    );
    assert.match(run.stderr, /svc-export: wrote .*proposal\.docx with 8 figures, 3 not drawn \(shown in a box\)/);
    const zip = await JSZip.loadAsync(readFileSync(target));
    assert.equal(Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).length, 9, '8 figures and the wordmark');
    assert.match((await zip.file('word/document.xml')?.async('string')) ?? '', /Appendix A — ITIL terms used in this document/);
  });

  test('a document whose figures all draw: exit 0, HTML without script', () => {
    const source = path.join(output, 'clean.md');
    writeFileSync(source, '# Change\n\n```mermaid\nflowchart LR\n  A[Proposed] --> B[Approved]\n```\n');
    const target = path.join(output, 'clean.html');
    const run = spawnSync(process.execPath, [BINARY, source, '-o', target], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(target, 'utf8');
    assert.equal((html.match(/<svg role="img"/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<script/i);
    assert.deepEqual(readdirSync(output).sort(), ['clean.html', 'clean.md'], 'no temporary file is left');
  });

  test('the terms appendix follows --edition, else the edition of the nearest .svc/config.yaml, else ITIL 4', () => {
    const source = path.join(output, 'desk.md');
    writeFileSync(source, '# Desk\n\nIncident management restores service quickly.\n');
    const groupOfIncidentManagement = (args: readonly string[]): string => {
      const target = path.join(output, 'desk.html');
      const run = spawnSync(process.execPath, [BINARY, source, '-o', target, '--appendix', 'terms', ...args], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, run.stderr);
      return /<td>([^<]*management practice \([^<]*)<\/td>/.exec(readFileSync(target, 'utf8'))?.[1] ?? 'no group';
    };
    assert.equal(groupOfIncidentManagement([]), 'Service management practice (ITIL 4 §5.2.5)');
    mkdirSync(path.join(output, '.svc'));
    writeFileSync(path.join(output, '.svc', 'config.yaml'), 'edition: itil5\n');
    assert.equal(groupOfIncidentManagement([]), 'Product and service management practice (ITIL (Version 5); ITIL 4 §5.2.5)');
    assert.equal(groupOfIncidentManagement(['--edition', 'itil4']), 'Service management practice (ITIL 4 §5.2.5)');
  });

  test('no browser: exit 2 with what to install, and nothing written', () => {
    const target = path.join(output, 'proposal.html');
    const run = svcExport(['service-desk-proposal.md', '-o', target], { PATH: '' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no Chromium or Chrome found .* apt-get install chromium.*--browser <path> or the SVC_BROWSER or CHROME_PATH environment variable/);
    assert.ok(!existsSync(target));
  });

  test('usage errors and unreadable input: exit 2', () => {
    assert.equal(svcExport(['service-desk-proposal.md']).status, 2, 'no -o');
    assert.match(svcExport(['service-desk-proposal.md', '-o', 'out.pdf']).stderr, /-o must end in \.docx or \.html, not "out\.pdf"/);
    assert.match(svcExport(['service-desk-proposal.md', '-o', 'x.html', '--appendix', 'index']).stderr, /--appendix must be terms or coverage, not "index"/);
    assert.match(svcExport(['missing.md', '-o', path.join(output, 'x.html')]).stderr, /cannot read missing\.md/);
    assert.match(svcExport(['images/wordmark.png', '-o', path.join(output, 'x.html')]).stderr, /it is a binary file, not text/);
  });
});

suite('svc-export: finding a browser', () => {
  let folder: string;
  setup(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'svc-browser-'));
  });
  teardown(() => rmSync(folder, { recursive: true, force: true }));

  function fakeExecutable(name: string): string {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    return file;
  }

  test('--browser first, then SVC_BROWSER, then CHROME_PATH, then the PATH in a known order', () => {
    const onPath = fakeExecutable('bin/google-chrome');
    const chromium = fakeExecutable('bin/chromium');
    const named = fakeExecutable('named');
    const fromVariable = fakeExecutable('variable');
    const pathOnly = { PATH: path.join(folder, 'bin') };
    assert.equal(findBrowser(named, { ...pathOnly, SVC_BROWSER: fromVariable }), named);
    assert.equal(findBrowser(undefined, { ...pathOnly, SVC_BROWSER: fromVariable }), fromVariable);
    assert.equal(findBrowser(undefined, { ...pathOnly, CHROME_PATH: fromVariable }), fromVariable);
    assert.equal(findBrowser(undefined, pathOnly), chromium, 'chromium before google-chrome');
    rmSync(chromium);
    assert.equal(findBrowser(undefined, pathOnly), onPath);
  });

  test('a named browser that does not exist, and none at all, are usage errors that say what to do', () => {
    assert.throws(() => findBrowser(path.join(folder, 'nope'), {}), /the browser .*nope does not exist/);
    assert.throws(() => findBrowser(undefined, { PATH: folder }), (error: Error) => error.message === NO_BROWSER_MESSAGE);
  });
});
