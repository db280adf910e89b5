import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CHECK_CODES, configuredSeverity, describeCheck, EMPTY_CONFIG, nearestConfigFolder, relativePathIn, reportedSeverity, withConfiguredSeverities, type SvcConfig } from '../../src/model/checks';
import { GLOSSARY_FINDING_CODES } from '../../src/model/glossary';
import { LEGACY_TERM_CODE, PREFERRED_TERM_CODE } from '../../src/model/terms';
import { FINDING_CODES } from '../../src/model/valueStreams';
import { ignoreMatcher, parseSvcConfig } from '../../src/model/yamlParsers';

const ROOT = path.resolve(__dirname, '../../..');

/** Each finding as "code «the text it points at»", to check ranges by what they cover. */
function located(text: string): string[] {
  return parseSvcConfig(text).findings.map((finding) => `${finding.code} «${text.slice(finding.range.start, finding.range.end)}»`);
}

suite('Checks configuration: reading .svc/config.yaml', () => {
  test('a full configuration reads without findings', () => {
    const { config, findings } = parseSvcConfig(
      'version: 1\nedition: itil5\nseverity:\n  svc/legacy-term: error\n  svc/value-activity: off\n  svc/entry-activity: hint\nignore:\n  - archive\n  - "**/CHANGELOG.md"\n',
    );
    assert.deepEqual(findings, []);
    assert.equal(config.edition, 'itil5');
    assert.deepEqual([...config.severity], [
      ['svc/legacy-term', 'error'],
      ['svc/value-activity', 'off'],
      ['svc/entry-activity', 'hint'],
    ]);
    assert.deepEqual(config.ignore, ['archive', '**/CHANGELOG.md']);
  });

  test('every problem is a finding on the node it is about, and the good settings still apply', () => {
    const text = [
      'version: 2',
      'edition: itil3',
      'severty: {}',
      'severity:',
      '  svc/legacy-terms: error',
      '  svc/yaml-syntax: fatal',
      '  svc/unknown-field: off',
      'ignore:',
      '  - drafts/**',
      '  - 42',
      '',
    ].join('\n');
    assert.deepEqual(located(text), [
      'svc/config-version «2»',
      'svc/config-invalid «itil3»',
      'svc/config-unknown-key «severty»',
      'svc/config-unknown-code «svc/legacy-terms»',
      'svc/config-invalid «fatal»',
      'svc/config-invalid «42»',
    ]);
    const { config, findings } = parseSvcConfig(text);
    assert.match(findings.find((finding) => finding.code === 'svc/config-unknown-key')?.message ?? '', /Did you mean `severity`\?/);
    assert.match(findings.find((finding) => finding.code === 'svc/config-unknown-code')?.message ?? '', /Did you mean `svc\/legacy-term`\?/);
    assert.equal(config.edition, undefined);
    assert.deepEqual([...config.severity], [['svc/unknown-field', 'off']]);
    assert.deepEqual(config.ignore, ['drafts/**']);
  });

  test('missing version, wrong shapes and broken YAML are findings, never exceptions', () => {
    assert.deepEqual(located('severity: {}\n').map((line) => line.split(' ')[0]), ['svc/config-version']);
    assert.deepEqual(located('').map((line) => line.split(' ')[0]), ['svc/config-version']);
    assert.deepEqual(located('- a\n- b\n').map((line) => line.split(' ')[0]), ['svc/config-invalid']);
    assert.deepEqual(located('version: 1\nseverity: [a]\nignore: archive\n'), ['svc/config-invalid «[a]»', 'svc/config-invalid «archive»']);
    assert.ok(located('version: 1\nseverity: {\n').some((line) => line.startsWith('svc/config-syntax')));
    for (const odd of ['\u0000', ': :', '---\n---\n', '&a [*a]', 'version: 1\nseverity: *nothing\n', 'version: 1\nignore:\n  - *x\n']) {
      assert.doesNotThrow(() => parseSvcConfig(odd), odd);
    }
  });

  test('severities: a configured code gets its severity or off; others keep theirs', () => {
    const { config } = parseSvcConfig('version: 1\nseverity:\n  svc/legacy-term: error\n  svc/entry-activity: off\n');
    assert.equal(configuredSeverity(config, 'svc/legacy-term', 'warning'), 'error');
    assert.equal(configuredSeverity(config, 'svc/entry-activity', 'information'), 'off');
    assert.equal(configuredSeverity(config, 'svc/unknown-activity', 'error'), 'error');
    assert.equal(configuredSeverity(EMPTY_CONFIG, 'svc/legacy-term', 'warning'), 'warning');
    const findings = [
      { code: 'svc/legacy-term', severity: 'warning', at: 1 },
      { code: 'svc/entry-activity', severity: 'information', at: 2 },
      { code: 'svc/unknown-activity', severity: 'error', at: 3 },
    ] as const;
    assert.deepEqual(withConfiguredSeverities(findings, config), [
      { code: 'svc/legacy-term', severity: 'error', at: 1 },
      { code: 'svc/unknown-activity', severity: 'error', at: 3 },
    ]);
    assert.deepEqual(withConfiguredSeverities(findings, EMPTY_CONFIG), findings);
  });

  test('a likely finding is information at most, whatever its code is configured to', () => {
    assert.equal(reportedSeverity('error', 'likely'), 'information');
    assert.equal(reportedSeverity('warning', 'likely'), 'information');
    assert.equal(reportedSeverity('hint', 'likely'), 'hint');
    assert.equal(reportedSeverity('off', 'likely'), 'off');
    assert.equal(reportedSeverity('error', 'certain'), 'error');
    assert.equal(reportedSeverity('error', undefined), 'error');
    const config: SvcConfig = { ...EMPTY_CONFIG, severity: new Map([['svc/legacy-term', 'error']]) };
    const findings = [
      { code: 'svc/legacy-term', severity: 'information', confidence: 'likely' },
      { code: 'svc/legacy-term', severity: 'warning', confidence: 'certain' },
    ] as const;
    assert.deepEqual(
      withConfiguredSeverities(findings, config).map((finding) => finding.severity),
      ['information', 'error'],
    );
  });

  test('the configuration of a file is the nearest one above it', () => {
    const folders = ['/repo', '/repo/docs', '/repo/docs/archive', '/other'];
    assert.equal(nearestConfigFolder('/repo/docs/guide/a.md', folders), '/repo/docs');
    assert.equal(nearestConfigFolder('/repo/docs/archive/old.md', folders), '/repo/docs/archive');
    assert.equal(nearestConfigFolder('/repo/README.md', folders), '/repo');
    assert.equal(nearestConfigFolder('/repo-two/a.md', folders), undefined, 'a folder whose name only starts the same is not above');
    assert.equal(nearestConfigFolder('/elsewhere/a.md', folders), undefined);
    assert.equal(relativePathIn('/repo/', '/repo/docs/a.md'), 'docs/a.md');
    assert.equal(relativePathIn('/repo', '/repository/a.md'), undefined);
    assert.equal(relativePathIn('/repo', '/repo'), undefined);
  });

  test('ignore patterns: globs, folders as in .gitignore, dot files', () => {
    const isIgnored = ignoreMatcher(parseSvcConfig('version: 1\nignore:\n  - archive\n  - drafts/\n  - "**/CHANGELOG.md"\n  - "notes/*.{md,markdown}"\n  - .github\n').config);
    for (const ignored of ['archive/old.md', 'archive/2019/q1/plan.md', 'drafts/x.md', 'CHANGELOG.md', 'docs/CHANGELOG.md', 'notes/a.markdown', '.github/README.md']) {
      assert.ok(isIgnored(ignored), ignored);
    }
    for (const kept of ['docs/archive.md', 'archived/a.md', 'notes/deep/a.md', 'docs/changelog-notes.md', 'README.md']) {
      assert.ok(!isIgnored(kept), kept);
    }
    assert.equal(ignoreMatcher(EMPTY_CONFIG)('anything.md'), false);
  });
});

suite('Checks configuration: catalogue, schema and documentation agree', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'config.schema.json'), 'utf8')) as { properties: { severity: { properties: Record<string, unknown> } } };
  const ajv = new Ajv({ allErrors: true });
  ajv.addVocabulary(['markdownDescription', 'enumDescriptions']);
  const validate = ajv.compile(schema);
  const example = /```yaml\n(# \.svc\/config\.yaml\n[\s\S]*?)```/.exec(readFileSync(path.join(ROOT, 'docs', 'config-format.md'), 'utf8'))?.[1] ?? '';

  test('the catalogue describes every code the checks report, and the schema lists exactly those codes', () => {
    const reported = [...FINDING_CODES, ...GLOSSARY_FINDING_CODES, LEGACY_TERM_CODE, PREFERRED_TERM_CODE];
    for (const code of reported) assert.ok((CHECK_CODES as readonly string[]).includes(code), code);
    for (const code of CHECK_CODES) {
      const check = describeCheck(code);
      assert.ok(check.summary.length > 10 && check.description.length > 10 && check.help.length > 10, code);
    }
    assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), [...CHECK_CODES].sort());
  });

  test('the example in docs/config-format.md reads without findings and passes the schema', () => {
    assert.ok(example.includes('severity:'));
    assert.deepEqual(parseSvcConfig(example).findings, []);
    assert.ok(validate(parseYaml(example)), JSON.stringify(validate.errors));
  });

  test('VS Code checks .svc/config.yaml against this schema (with a YAML extension)', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(
      manifest.contributes.yamlValidation.find((entry) => entry.fileMatch === '**/.svc/config.yaml'),
      { fileMatch: '**/.svc/config.yaml', url: './schemas/config.schema.json' },
    );
  });

  test('the schema and the reader agree on what is wrong', () => {
    for (const bad of ['version: 2\n', 'version: 1\ncolour: x\n', 'version: 1\nseverity:\n  svc/nope: error\n', 'version: 1\nseverity:\n  svc/legacy-term: loud\n', 'version: 1\nignore: archive\n', 'version: 1\nedition: itil3\n']) {
      assert.equal(validate(parseYaml(bad)), false, bad);
      assert.notDeepEqual(parseSvcConfig(bad).findings, [], bad);
    }
  });
});
