import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { builtInTerms, effectiveTerms } from '../../src/model/terms/effectiveTerms';
import { frontMatter, isSwitchedOffByFrontMatter } from '../../src/model/documents/frontMatter';
import { parse as parseYaml } from 'yaml';
import { type GlossaryFinding } from '../../src/model/glossary';
import { cardToMarkdown } from '../../src/model/cards';
import { TermHoverRenderer } from '../../src/model/terms/termHover';
import { fixAllEdits } from '../../src/model/checks';
import { LEGACY_TERM_CODE, PREFERRED_TERM_CODE, applyEdits } from '../../src/model/terms';
import { findOutdatedTerms } from '../../src/model/terms/checker';
import { parseGlossary } from '../../src/model/yamlParsers';
import { ITIL4 } from '../../src/model/itil/editions';

const CONTOSO = `version: 1
organisation: Contoso
terms:
  - name: Major incident review
    aliases: [MIR]
    definition: A meeting within five working days of every priority 1 incident.
    practices: [incident management, problem-management]
overrides:
  - term: change enablement
    definition: Run by the Contoso change board every Tuesday.
    aliases: [CAB approval]
hide:
  - Value
  - SLM
  - Demand Management
preferredTerms:
  - use: service request
    insteadOf: [ticket, call]
    reason: Our catalogue speaks of requests
`;

/** The text each finding points at, with its code. */
function located(text: string, findings: readonly GlossaryFinding[]): string[] {
  return findings.map((finding) => `${finding.code} ${JSON.stringify(text.slice(finding.range.start, finding.range.end))}`);
}

suite('Glossary: reading and validation', () => {
  test('a good glossary reads without findings', () => {
    const { glossary, findings } = parseGlossary(CONTOSO);
    assert.deepEqual(findings, []);
    assert.equal(glossary.organisation, 'Contoso');
    assert.deepEqual(
      glossary.terms.map((term) => [term.name, term.aliases, term.practiceIds]),
      [['Major incident review', ['MIR'], ['incident-management', 'problem-management']]],
    );
    assert.deepEqual(glossary.overrides.map((override) => [override.term, override.aliases]), [[{ kind: 'practice', id: 'change-enablement' }, ['CAB approval']]]);
    assert.deepEqual(glossary.hiddenTerms, [
      { kind: 'concept', id: 'value' },
      { kind: 'legacy', id: 'demand-management' },
    ]);
    assert.deepEqual(glossary.hiddenForms, ['slm']);
    assert.deepEqual(glossary.rules.map((rule) => [rule.use, rule.insteadOf, rule.reason]), [['service request', ['ticket', 'call'], 'Our catalogue speaks of requests']]);
  });

  test('each bad entry gets a finding on exactly the offending text, and the rest still applies', () => {
    const text = `version: 1
organisaton: Contoso
terms:
  - name: Major incident review
    definition: ""
    practices: [incident managment, problem management]
  - name: major  incident review
    definition: Twice.
  - name: Incident management
    definition: Ours.
  - definition: No name.
  - name: Cab
    definition: The board.
    colour: blue
overrides:
  - term: Chnage enablement
    definition: Ours.
  - term: service desk
hide: [Sevice desk]
preferredTerms:
  - use: service request
    insteadOf: [Service Request, ticket]
  - use: help
    insteadOf: [ticket]
  - use: nothing to avoid
`;
    const { glossary, findings } = parseGlossary(text);
    assert.deepEqual(located(text, findings), [
      'svc/glossary-unknown-key "organisaton"',
      'svc/glossary-empty-definition "\\"\\""',
      'svc/glossary-unknown-practice "incident managment"',
      'svc/glossary-duplicate-term "major  incident review"',
      'svc/glossary-duplicate-term "Incident management"',
      'svc/glossary-missing-field ""',
      'svc/glossary-unknown-key "colour"',
      'svc/glossary-unknown-term "Chnage enablement"',
      'svc/glossary-missing-field "service desk"',
      'svc/glossary-unknown-term "Sevice desk"',
      'svc/glossary-rule-conflict "Service Request"',
      'svc/glossary-duplicate-term "ticket"',
      'svc/glossary-missing-field "nothing to avoid"',
    ]);
    assert.match(findings[0].message, /Did you mean `organisation`\?/);
    assert.match(findings[2].message, /Did you mean “Incident management”\?/);
    assert.match(findings[4].message, /built-in ITIL term .*under `overrides`/);
    // What was fine still applies.
    assert.deepEqual(glossary.terms.map((term) => [term.name, term.practiceIds]), [
      ['Major incident review', ['problem-management']],
      ['Cab', []],
    ]);
    assert.deepEqual(glossary.rules.map((rule) => [rule.use, rule.insteadOf]), [['service request', ['ticket']]]);
  });

  test('YAML syntax errors are findings with a position; the readable part still applies', () => {
    const text = 'version: 1\nterms:\n  - name: "Runbook\n    definition: x\npreferredTerms:\n  - use: runbook\n    insteadOf: [playbook\n';
    const { findings } = parseGlossary(text);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((finding) => finding.range.start <= finding.range.end && finding.range.end <= text.length));
    assert.ok(findings.some((finding) => finding.code === 'svc/glossary-syntax' && finding.severity === 'error'));
  });

  test('version, wrong shapes and odd input never throw', () => {
    assert.deepEqual(located('', parseGlossary('').findings), ['svc/glossary-version ""']);
    assert.deepEqual(located('terms: []\n', parseGlossary('terms: []\n').findings), ['svc/glossary-version ""']);
    const two = 'version: 2\n';
    assert.deepEqual(located(two, parseGlossary(two).findings), ['svc/glossary-version "2"']);
    const list = '- a\n- b\n';
    assert.deepEqual(located(list, parseGlossary(list).findings), ['svc/glossary-invalid "- a\\n- b\\n"']);
    const shapes = 'version: 1\nterms: {name: x}\nhide: [[Value]]\npreferredTerms: [ticket]\n';
    assert.deepEqual(located(shapes, parseGlossary(shapes).findings), [
      'svc/glossary-invalid "{name: x}"',
      'svc/glossary-invalid "[Value]"',
      'svc/glossary-invalid "ticket"',
    ]);
    for (const odd of ['version: 1\nterms:\n  - *unknown\n', '&a [*a]', '\u0000', 'version: 1\nhide: ~\nterms: ~\n', ': :', '---\n---\n']) {
      assert.doesNotThrow(() => effectiveTerms(parseGlossary(odd).glossary));
    }
  });
});

suite('Glossary: documented example and schema', () => {
  const root = path.resolve(__dirname, '../../..');
  const example = /```yaml\n(# \.svc\/glossary\.yaml\n[\s\S]*?)```/.exec(readFileSync(path.join(root, 'docs', 'glossary-format.md'), 'utf8'))?.[1] ?? '';
  const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'glossary.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true });
  ajv.addVocabulary(['markdownDescription']);
  const validate = ajv.compile(schema);

  test('the example in docs/glossary-format.md reads without findings and passes the schema', () => {
    assert.ok(example.includes('preferredTerms'));
    const { glossary, findings } = parseGlossary(example);
    assert.deepEqual(findings, []);
    assert.equal(glossary.terms.length, 2);
    assert.ok(validate(parseYaml(example)), JSON.stringify(validate.errors));
  });

  test('the schema and the reader agree on what is wrong', () => {
    for (const bad of ['version: 2\n', 'version: 1\ncolour: x\n', 'version: 1\nterms:\n  - name: x\n', 'version: 1\npreferredTerms:\n  - use: x\n', 'version: 1\noverrides:\n  - term: service desk\n']) {
      assert.equal(validate(parseYaml(bad)), false, bad);
      assert.notDeepEqual(parseGlossary(bad).findings, [], bad);
    }
  });
});

suite('Glossary: effective terms', () => {
  const terms = effectiveTerms(parseGlossary(CONTOSO).glossary);
  const renderer = new TermHoverRenderer({ commandLinks: true }, terms);

  test('without a glossary (or with an empty one) the built-in terms are shared', () => {
    assert.equal(effectiveTerms(undefined), builtInTerms());
    assert.equal(effectiveTerms(parseGlossary('version: 1\n').glossary), builtInTerms());
  });

  test('an organisation term and its alias get the organisation card with related practices', () => {
    const text = 'After the MIR we publish the major incident review notes.';
    const byAlias = renderer.hoverAt(text, text.indexOf('MIR'), ITIL4);
    const byName = renderer.hoverAt(text, text.indexOf('incident review'), ITIL4);
    assert.equal(byAlias?.term.kind, 'organisation');
    assert.equal(byName && text.slice(byName.start, byName.end), 'major incident review');
    assert.match(byName?.markdown ?? '', /### Major incident review/);
    assert.match(byName?.markdown ?? '', /Contoso term/);
    assert.match(byName?.markdown ?? '', /A meeting within five working days/);
    assert.match(byName?.markdown ?? '', /Incident management.*Problem management/s);
    // An abbreviation matches only as written or in capitals.
    assert.equal(renderer.hoverAt('Mir is a name.', 0, ITIL4), undefined);
  });

  test('an override leads the built-in card with the organisation definition and adds spellings', () => {
    const text = 'Every CAB approval is logged.';
    const hover = renderer.hoverAt(text, text.indexOf('approval'), ITIL4);
    assert.deepEqual(hover?.term, { kind: 'practice', id: 'change-enablement' });
    const markdown = hover?.markdown ?? '';
    assert.ok(markdown.indexOf('Contoso definition') < markdown.indexOf('Purpose'), markdown);
    assert.match(markdown, /Run by the Contoso change board/);
    assert.match(markdown, /Also written as\*\*\n\n.*CAB approval/);
  });

  test('hidden terms and spellings are not matched; other spellings of the term still are', () => {
    assert.equal(renderer.hoverAt('Value for money.', 0, ITIL4), undefined);
    assert.equal(renderer.hoverAt('Our SLM report.', 4, ITIL4), undefined);
    assert.equal(renderer.hoverAt('Our service level management report.', 4, ITIL4)?.term.id, 'service-level-management');
    assert.ok(terms.isHidden({ kind: 'concept', id: 'value' }));
    assert.equal(builtInTerms().index.findAt('Value for money.', 0)?.term.id, 'value');
  });

  test('completion data: hidden practices left out, aliases, definitions and related terms added', () => {
    const hiding = effectiveTerms(parseGlossary('version: 1\nhide: [service desk]\n').glossary);
    assert.equal(hiding.practices.length, builtInTerms().practices.length - 1);
    assert.ok(!hiding.practices.some(({ practice }) => practice.id === 'service-desk'));
    const change = terms.practices.find(({ practice }) => practice.id === 'change-enablement');
    assert.deepEqual(change?.extraAliases, ['CAB approval']);
    assert.equal(change?.organisationDefinition, 'Run by the Contoso change board every Tuesday.');
    assert.deepEqual(terms.practices.find(({ practice }) => practice.id === 'problem-management')?.organisationTerms, ['Major incident review']);
  });
});

suite('Glossary: terminology checker', () => {
  const terms = effectiveTerms(parseGlossary(CONTOSO).glossary);

  test('a preferred-term rule flags each avoided name with a fix in the writer’s capitalisation', () => {
    const text = 'Log a ticket. Tickets are counted.\n\nTicket numbers and every CALL go to the desk.';
    const findings = findOutdatedTerms(text, { format: 'markdown', terms });
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.written, fixAllEdits([finding])[0]?.newText]),
      [
        [PREFERRED_TERM_CODE, 'ticket', 'service request'],
        [PREFERRED_TERM_CODE, 'Ticket', 'Service request'],
        // One word in capitals reads as an abbreviation: the replacement is written as the glossary spells it.
        [PREFERRED_TERM_CODE, 'CALL', 'service request'],
      ],
    );
    assert.equal(findings[0].message, 'The Contoso glossary says “service request”, not “ticket”. Our catalogue speaks of requests.');
    assert.equal(applyEdits(text, fixAllEdits(findings)), 'Log a service request. Tickets are counted.\n\nService request numbers and every service request go to the desk.');
    assert.deepEqual(findOutdatedTerms(text, { format: 'markdown', terms, ignore: ['TICKET'] }).map((finding) => finding.written), ['CALL']);
  });

  test('a rule can flag a built-in name; hidden outdated names are no longer reported', () => {
    const strict = effectiveTerms(parseGlossary('version: 1\npreferredTerms:\n  - use: service desk\n    insteadOf: [service management]\n').glossary);
    const text = 'Service management and Demand Management and Change Management, for the service desk and incident management.';
    assert.deepEqual(
      findOutdatedTerms(text, { format: 'plaintext', terms: strict }).map((finding) => [finding.code, finding.written]),
      [
        [PREFERRED_TERM_CODE, 'Service management'],
        [LEGACY_TERM_CODE, 'Demand Management'],
        [LEGACY_TERM_CODE, 'Change Management'],
      ],
    );
    assert.deepEqual(
      findOutdatedTerms(text, { format: 'plaintext', terms }).map((finding) => finding.written),
      ['Change Management'],
    );
  });

  test('the avoided name’s hover says what to write instead, and why', () => {
    const hover = new TermHoverRenderer({ commandLinks: false }, terms).hoverAt('one call', 5, ITIL4);
    assert.match(hover?.markdown ?? '', /### ticket, call/);
    assert.match(hover?.markdown ?? '', /Contoso glossary — say “service request” instead/);
    assert.match(hover?.markdown ?? '', /Our catalogue speaks of requests/);
  });

  test('a 200-term glossary keeps built-in matching intact', () => {
    const lines = ['version: 1', 'terms:'];
    for (let index = 0; index < 200; index++) lines.push(`  - name: Contoso widget ${index}`, `    definition: Widget number ${index}.`);
    const big = parseGlossary(lines.join('\n') + '\n');
    assert.deepEqual(big.findings, []);
    const bigTerms = effectiveTerms(big.glossary);
    const text = 'The contoso widget 199 feeds incident management; Change Management is old.';
    assert.deepEqual(bigTerms.index.findAll(text).map((match) => match.term.kind), ['organisation', 'practice', 'legacy']);
    assert.equal(cardToMarkdown(bigTerms.card({ kind: 'organisation', id: 'contoso widget 199' }, ITIL4), { commandLinks: false }).includes('Widget number 199.'), true);
  });
});

suite('Front matter switch-off', () => {
  test('front matter is found at the very top and `svc: off` switches the file off', () => {
    const text = '---\ntitle: Change Management review\nsvc: off\n---\nChange Management is old.\n';
    assert.deepEqual(frontMatter(text)?.range, { start: 0, end: text.indexOf('\nChange Management is') });
    assert.equal(isSwitchedOffByFrontMatter(text), true);
    assert.deepEqual(findOutdatedTerms(text, { format: 'markdown' }), []);
    for (const value of ['false', 'Off', 'disabled', 'no']) assert.equal(isSwitchedOffByFrontMatter(`---\nsvc: ${value}\n---\n`), true, value);
  });

  test('front matter without the switch is metadata: only its title, description and excerpt are checked, and the body', () => {
    const text = '---\ntitle: Change Management review\ncategory: Change Management\nsvc: on\n---\nChange Management is old.\n';
    assert.equal(isSwitchedOffByFrontMatter(text), false);
    assert.deepEqual(
      findOutdatedTerms(text, { format: 'markdown' }).map((finding) => finding.start),
      [text.indexOf('Change Management'), text.lastIndexOf('Change Management')],
    );
  });

  test('no front matter: a rule in the middle, an unclosed block, broken YAML, plain text', () => {
    assert.equal(frontMatter('Intro\n---\nsvc: off\n---\n'), undefined);
    assert.equal(frontMatter('---\nsvc: off\nChange Management\n'), undefined);
    assert.equal(isSwitchedOffByFrontMatter('---\nsvc: [off\n---\n'), false);
    const plain = '---\nsvc: off\n---\nChange Management';
    assert.equal(findOutdatedTerms(plain, { format: 'plaintext' }).length, 1);
  });
});
