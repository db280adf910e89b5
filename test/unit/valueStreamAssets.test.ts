import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIVITIES, resolveActivity } from '../../src/model/itil/activities';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import { parseMarkdownValueStreams } from '../../src/model/valueStreams/markdownBlocks';
import { parseValueStreams } from '../../src/model/yamlParsers';
import { FINDING_SEVERITIES } from '../../src/model/valueStreams/valueStreamRules';
import { FIELD_DESCRIPTIONS } from '../../src/model/valueStreams/valueStreamFormat';
import { FINDING_CODES } from '../../src/model/valueStreams/valueStreamTypes';
import { activityInjectionGrammar, activityScope, activityTokenColorDefaults, generatedAssets, valueStreamSchema } from '../../src/model/valueStreams/valueStreamAssets';
import {
  ACTIVITY_TABLE_TEMPLATE,
  BLANK_TEMPLATE,
  EXAMPLE_TEMPLATES,
  NEW_STREAM_TEMPLATES,
  STEP_TEMPLATE,
  fencedTemplate,
  snippetDefaults,
} from '../../src/model/valueStreams/valueStreamTemplates';

const ROOT = path.resolve(__dirname, '../../..');

suite('Value-stream templates and generated files', () => {
  test('the committed grammars and snippets equal what the model generates (UPDATE_ASSETS=1 rewrites them)', () => {
    for (const [file, content] of Object.entries(generatedAssets())) {
      const target = path.join(ROOT, file);
      if (process.env.UPDATE_ASSETS === '1') {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
      assert.ok(existsSync(target), `${file} is missing: run UPDATE_ASSETS=1 npx mocha out/test/unit/valueStreamAssets.test.js`);
      assert.equal(readFileSync(target, 'utf8'), content, `${file} is out of date: run UPDATE_ASSETS=1 npx mocha out/test/unit/valueStreamAssets.test.js`);
    }
  });

  test('package.json paints activity ids in their colours by default (light and dark palettes)', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configurationDefaults: Record<string, unknown> } };
    assert.deepEqual(manifest.contributes.configurationDefaults['editor.tokenColorCustomizations'], activityTokenColorDefaults());
  });

  test('every template inserts a clean value stream with its defaults', () => {
    for (const template of NEW_STREAM_TEMPLATES) {
      assert.deepEqual(parseValueStreams(template.text).findings, [], template.id);
      assert.equal(template.text, snippetDefaults(template.snippet), template.id);
    }
    const step = parseValueStreams(`valueStream: x\nsteps:\n${STEP_TEMPLATE.text.replace(/^/gm, '  ')}`);
    assert.deepEqual(step.findings, []);
  });

  test('the example templates are the seed examples, with the name as first tab stop', () => {
    assert.deepEqual(EXAMPLE_TEMPLATES.map((template) => template.text), EXAMPLE_STREAMS.map((example) => example.source));
    assert.match(EXAMPLE_TEMPLATES[1]?.snippet ?? '', /^valueStream: \$\{1:Incident resolution\}\n/);
  });

  test('snippet defaults: choices take their first option, escapes are undone', () => {
    assert.equal(snippetDefaults('a: ${1|x,y|} b: ${2:two} c: $3 d: \\$e ${4:${5:nested}}'), 'a: x b: two c:  d: $e nested');
    assert.match(BLANK_TEMPLATE.snippet, /activity: \$\{6\|engage,plan,improve,design-and-transition,obtain-build,deliver-and-support\|\}/);
  });

  test('Markdown templates: fenced blocks parse cleanly, the activity table lists all six', () => {
    for (const template of [BLANK_TEMPLATE, ...EXAMPLE_TEMPLATES].map(fencedTemplate)) {
      const parsed = parseMarkdownValueStreams(template.text);
      assert.equal(parsed.blocks.length, 1, template.id);
      assert.deepEqual(parsed.findings, [], template.id);
    }
    const rows = ACTIVITY_TABLE_TEMPLATE.text.trim().split('\n').slice(2);
    assert.deepEqual(rows.map((row) => row.split('|')[1]?.trim()), ACTIVITIES.map((activity) => activity.name));
    assert.match(ACTIVITY_TABLE_TEMPLATE.text, /\| Engage \| .* \| service desk, relationship management, service level management \|/);
  });

  test('the activity grammar scopes every written form of an activity, and nothing else', () => {
    const grammar = activityInjectionGrammar() as { patterns: { match: string; captures: Record<number, { name: string }> }[] };
    const lines = ACTIVITIES.flatMap((activity) => [activity.id, activity.name, ...activity.writtenForms].map((form) => ({ form, activity })));
    for (const { form, activity } of lines) {
      for (const line of [`    activity: ${form}`, `  - activity: "${form}"  # comment`]) {
        const matching = grammar.patterns.filter((pattern) => toJsRegExp(pattern.match).test(line));
        assert.equal(matching.length, 1, line);
        assert.equal(matching[0]?.captures[6]?.name, activityScope(activity.id), line);
        assert.equal(resolveActivity(form), activity.id, form);
      }
    }
    for (const line of ['    activity: operate', '    title: plan', '    activity: plan more', '    activity: "plan\'']) {
      assert.ok(!grammar.patterns.some((pattern) => toJsRegExp(pattern.match).test(line)), line);
    }
  });
});

suite('Value-stream format documentation', () => {
  const documentation = readFileSync(path.join(ROOT, 'docs', 'valuestream-format.md'), 'utf8');

  test('documents every check code with its severity', () => {
    for (const code of FINDING_CODES) {
      const row = documentation.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      assert.ok(row, `${code} is missing from the checks table`);
      assert.match(row, new RegExp(`^\\| \`${code}\` \\| ${FINDING_SEVERITIES[code]}\\b`), code);
    }
  });

  test('documents every field, its requirement and its default', () => {
    for (const field of FIELD_DESCRIPTIONS) {
      const row = documentation.split('\n').find((line) => line.startsWith(`| \`${field.name}\` |`));
      assert.ok(row, `${field.name} is missing from the field tables`);
      assert.match(row, new RegExp(`^\\| \`${field.name}\` \\| ${field.required ? 'yes' : 'no'} \\|`), field.name);
    }
  });

  test('the activity table lists every activity id with its name', () => {
    for (const activity of ACTIVITIES) assert.ok(documentation.includes(`| \`${activity.id}\` | ${activity.name} |`), activity.id);
  });
});

suite('Value-stream JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  const validate = ajv.compile(valueStreamSchema());
  const documentsOf = (text: string): unknown[] => parseAllDocuments(text).map((document) => document.toJS());

  test('accepts the seed examples and the test workspace\'s streams, one YAML document per stream', () => {
    const sources = [
      ...EXAMPLE_STREAMS.map((example) => example.source),
      readFileSync(path.join(ROOT, 'test', 'fixtures', 'workspace', 'incident-resolution.valuestream.yaml'), 'utf8'),
      readFileSync(path.join(ROOT, 'test', 'fixtures', 'workspace', 'onboarding.valuestream.yaml'), 'utf8'),
    ];
    for (const source of sources) {
      for (const document of documentsOf(source)) assert.ok(validate(document), JSON.stringify(validate.errors));
    }
  });

  test('rejects what the checker reports as errors in the shape', () => {
    const step = { id: 'a', activity: 'engage' };
    for (const [label, document] of [
      ['missing steps', { valueStream: 'x' }],
      ['empty steps', { valueStream: 'x', steps: [] }],
      ['unknown field', { valueStream: 'x', colour: 'red', steps: [step] }],
      ['unknown activity', { valueStream: 'x', steps: [{ id: 'a', activity: 'operate' }] }],
      ['zero duration', { valueStream: 'x', steps: [{ ...step, duration: 0 }] }],
      ['practices as text', { valueStream: 'x', steps: [{ ...step, practices: 'service desk' }] }],
    ] as const) {
      assert.equal(validate(document), false, label);
    }
    assert.ok(validate({ valueStream: 'x', steps: [{ id: 'a', activity: 'Design & Transition', after: [], lag: -1, duration: 0.5 }] }));
  });
});

/** The grammar's Oniguruma patterns only use syntax JavaScript shares, apart from inline `(?i:…)` groups. */
function toJsRegExp(pattern: string): RegExp {
  return new RegExp(pattern.replace(/\(\?i:/g, '(?:'), 'i');
}
