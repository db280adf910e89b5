import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const PACKAGE = path.join(ROOT, 'packages', 'svc-check');

interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

suite('svc-check as its own npm package', function () {
  this.timeout(180_000);
  let work = '';
  /** npm (or npx) with a cache of its own, so nothing can come from an earlier download. */
  const npm = (args: readonly string[], cwd: string, command: 'npm' | 'npx' = 'npm'): SpawnSyncReturns<string> =>
    spawnSync(command, [...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' },
    });

  setup(() => {
    work = mkdtempSync(path.join(tmpdir(), 'svc-check-package-'));
  });

  teardown(() => rmSync(work, { recursive: true, force: true }));

  test('npm pack ships the bundle, README and licence only, with no dependency on VS Code or anything else', () => {
    const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as Manifest;
    assert.deepEqual(manifest.bin, { 'svc-check': 'dist/svc-check.js' });
    assert.equal(manifest.dependencies ?? manifest.peerDependencies ?? manifest.optionalDependencies, undefined);
    const bundle = readFileSync(path.join(PACKAGE, 'dist', 'svc-check.js'), 'utf8');
    assert.ok(bundle.startsWith('#!/usr/bin/env node'));
    assert.doesNotMatch(bundle, /require\(["']vscode["']\)/);
    const packed = npm(['pack', '--dry-run', '--json'], PACKAGE);
    assert.equal(packed.status, 0, packed.stderr);
    const [listing] = JSON.parse(packed.stdout) as { files: { path: string }[] }[];
    assert.deepEqual(listing?.files.map((file) => file.path).sort(), ['LICENSE', 'README.md', 'dist/svc-check.js', 'package.json']);
  });

  test('the packed tarball installs offline into a documentation repository and runs as npx svc-check', () => {
    const packed = npm(['pack', '--pack-destination', work, '--json'], PACKAGE);
    assert.equal(packed.status, 0, packed.stderr);
    const [tarball] = JSON.parse(packed.stdout) as { filename: string }[];
    const repository = path.join(work, 'handbook');
    mkdirSync(path.join(repository, 'docs'), { recursive: true });
    mkdirSync(path.join(repository, '.git'));
    writeFileSync(path.join(repository, 'package.json'), JSON.stringify({ name: 'handbook', version: '1.0.0', private: true }));
    writeFileSync(path.join(repository, 'docs', 'policy.md'), '# Change policy\n\nChange Management approves every change.\n');

    const installed = npm(['install', '--offline', '--save-dev', path.join(work, tarball?.filename ?? '')], repository);
    assert.equal(installed.status, 0, installed.stderr);
    const manifest = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as Manifest;
    assert.ok((JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies[manifest.name]);

    const version = npm(['exec', '--offline', '--', 'svc-check', '--version'], repository);
    assert.equal(version.stdout.trim(), manifest.version, version.stderr);
    const run = npm(['--offline', 'svc-check', 'docs', '--format', 'json'], repository, 'npx');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { file: string; code: string }[]).map((problem) => [problem.file, problem.code]), [['docs/policy.md', 'svc/legacy-term']]);

    // The pre-commit hooks run their entry with the staged files that match `files` appended.
    const hooks = parseYaml(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; language: string }[];
    assert.deepEqual(hooks.map((hook) => hook.id), ['svc-check', 'svc-check-fix']);
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      assert.deepEqual(['docs/policy.md', 'a/b.markdown', 'flow.valuestream.yaml', 'flow.valuestream.yml', 'config.yaml', 'notes.txt'].filter((file) => files.test(file)), ['docs/policy.md', 'a/b.markdown', 'flow.valuestream.yaml', 'flow.valuestream.yml']);
    }
    const [check, fix] = hooks.map((hook) => hook.entry.split(' '));
    const checked = npm([...(check ?? []).slice(1), 'docs/policy.md'], repository, 'npx');
    assert.match(checked.stdout, /^docs\/policy\.md:3:1 warning svc\/legacy-term/, checked.stderr);
    const fixed = npm([...(fix ?? []).slice(1), 'docs/policy.md'], repository, 'npx');
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.equal(readFileSync(path.join(repository, 'docs', 'policy.md'), 'utf8'), '# Change policy\n\nChange Enablement approves every change.\n');
  });
});
