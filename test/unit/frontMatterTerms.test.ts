import * as assert from 'node:assert/strict';
import { frontMatter, writtenInScalar } from '../../src/model/documents/frontMatter';
import { parseGlossary, readFrontMatterTexts } from '../../src/model/yamlParsers';
import { fixAllEdits } from '../../src/model/checks';
import { applyEdits, effectiveTerms, type TerminologyFinding } from '../../src/model/terms';
import { findOutdatedTerms } from '../../src/model/terms/checker';

function valuesOf(markdown: string): { key: string; style: string; text: string }[] {
  return readFrontMatterTexts(markdown).map((value) => ({ key: value.key, style: value.style, text: markdown.slice(value.range.start, value.range.end) }));
}

function findingsIn(markdown: string): TerminologyFinding[] {
  return findOutdatedTerms(markdown, { format: 'markdown' });
}

/** What fix all writes over a finding, if anything. */
function automatic(finding: TerminologyFinding | undefined): string | undefined {
  return finding && fixAllEdits([finding])[0]?.newText;
}

const BODY = '\n# Notes\n\nNothing outdated here.\n';

suite('Front matter: the values people read', () => {
  test('title, description and excerpt, however the YAML writes them, with the ranges of their text', () => {
    const markdown = [
      '---',
      'layout: post',
      'title: Our Change Management policy # shown as the page title',
      'description: "The \\"RFC\\" process"',
      "excerpt: 'It''s the CAB'",
      'tags: [Change Management]',
      'permalink: /change-management/',
      '---',
      BODY,
    ].join('\n');
    assert.deepEqual(valuesOf(markdown), [
      { key: 'title', style: 'plain', text: 'Our Change Management policy' },
      { key: 'description', style: 'double-quoted', text: 'The \\"RFC\\" process' },
      { key: 'excerpt', style: 'single-quoted', text: "It''s the CAB" },
    ]);
  });

  test('folded and literal blocks and plain values over several lines', () => {
    const markdown = ['---', 'title: >-', '  Release and Deployment', '  Management in practice', 'description: |', '  Line one.', '  Line two.', 'excerpt: A plain', '  value that wraps', '---', BODY].join(
      '\n',
    );
    assert.deepEqual(valuesOf(markdown), [
      { key: 'title', style: 'block', text: '  Release and Deployment\n  Management in practice' },
      { key: 'description', style: 'block', text: '  Line one.\n  Line two.' },
      { key: 'excerpt', style: 'plain', text: 'A plain\n  value that wraps' },
    ]);
  });

  test('nothing from front matter the library cannot read, nested keys, other keys, non-text values or svc: off', () => {
    assert.deepEqual(valuesOf(['---', 'title: [unclosed', '---', BODY].join('\n')), []);
    assert.deepEqual(valuesOf(['---', 'seo:', '  title: Change Management', 'date: 2024-01-01', 'title: 42', '---', BODY].join('\n')), []);
    assert.deepEqual(valuesOf(['---', 'svc: off', 'title: Change Management', '---', BODY].join('\n')), []);
    assert.deepEqual(valuesOf('# No front matter\n\ntitle: Change Management\n'), []);
    assert.deepEqual(valuesOf(['---', 'title: Change Management', 'no closing line'].join('\n')), []);
  });

  test('the front matter says whether it holds any of those keys, so the YAML library loads only then', () => {
    assert.equal(frontMatter('---\ntitle: x\n---\n')?.hasTextValues, true);
    assert.equal(frontMatter('---\nexcerpt:\n  x\n---\n')?.hasTextValues, true);
    assert.equal(frontMatter('---\nlayout: post\nsubtitle: x\n  title: nested\n---\n')?.hasTextValues, false);
  });

  test('a replacement is written as the value needs it, or not at all when a plain value cannot hold it', () => {
    assert.equal(writtenInScalar('plain', 'change enablement'), 'change enablement');
    assert.equal(writtenInScalar('single-quoted', "owner's change"), "owner''s change");
    assert.equal(writtenInScalar('double-quoted', 'a "b" \\ c'), 'a \\"b\\" \\\\ c');
    assert.equal(writtenInScalar('block', 'a: b # c'), 'a: b # c');
    for (const unsafe of ['a: b', 'a #b', 'ends:', '- a list', '"quoted"', '*alias', 'two\nlines']) assert.equal(writtenInScalar('plain', unsafe), undefined, unsafe);
  });
});

suite('Front matter: the terminology checker reads the values people read', () => {
  test('an outdated name in the title is a certain finding with its range, and fix all rewrites it', () => {
    const markdown = ['---', 'title: Change Management policy', 'permalink: /change-management-policy/', '---', '', '# Scope', '', 'Every change to production is assessed first.', ''].join('\n');
    const [finding, ...others] = findingsIn(markdown);
    assert.deepEqual(others, []);
    assert.equal(finding.written, 'Change Management');
    assert.equal(markdown.slice(finding.start, finding.end), 'Change Management');
    assert.equal(finding.confidence, 'certain');
    assert.equal(automatic(finding), 'Change Enablement');
    assert.equal(applyEdits(markdown, fixAllEdits(findingsIn(markdown))).split('\n')[1], 'title: Change Enablement policy');
    assert.ok(markdown.includes('permalink: /change-management-policy/'), 'other keys are never read');
  });

  test('a quoted value is no quotation: its name is certain; a value that starts with the name starts a sentence', () => {
    const markdown = ['---', "title: 'Request Fulfilment'", 'description: "request fulfilment for the \\"new\\" portal"', 'excerpt: RFCs with a back-out plan before each change window', '---', BODY].join('\n');
    const findings = findingsIn(markdown);
    assert.deepEqual(
      findings.map((finding) => [markdown.slice(finding.start, finding.end), finding.confidence, automatic(finding)]),
      [
        ['Request Fulfilment', 'certain', 'Service Request Management'],
        ['request fulfilment', 'certain', 'service request management'],
        ['RFCs', 'certain', 'Change requests'],
      ],
    );
  });

  test('a glossary rewrite is escaped in a quoted value, and not offered where a plain value cannot hold it', () => {
    const termsUsing = (use: string) => effectiveTerms(parseGlossary(`version: 1\npreferredTerms:\n  - use: '${use}'\n    insteadOf: [ticket]\n`).glossary);
    const quoted = ['---', 'title: "Raise a ticket"', '---', BODY].join('\n');
    const [inQuotes] = findOutdatedTerms(quoted, { format: 'markdown', terms: termsUsing('service "request"') });
    assert.equal(automatic(inQuotes), 'service \\"request\\"');
    const plain = ['---', 'title: Raise a ticket', '---', BODY].join('\n');
    assert.equal(automatic(findOutdatedTerms(plain, { format: 'markdown', terms: termsUsing('service "request"') })[0]), 'service "request"');
    const [cannotHold] = findOutdatedTerms(plain, { format: 'markdown', terms: termsUsing('request: standard') });
    assert.ok(cannotHold, 'still reported');
    assert.equal(automatic(cannotHold), undefined);
    assert.deepEqual(cannotHold.fixes, []);
    assert.equal(automatic(findOutdatedTerms('Raise a ticket.', { format: 'markdown', terms: termsUsing('request: standard') })[0]), 'request: standard', 'prose can');
  });

  test('the same certain and likely rules as prose: a CAB is likely, a name mentioned as the old one is likely', () => {
    const markdown = ['---', 'title: Change enablement (formerly Change Management)', 'description: How the CAB approves an RFC', '---', BODY].join('\n');
    const found = findingsIn(markdown).map((finding) => [finding.written, finding.confidence]);
    assert.deepEqual(found, [
      ['Change Management', 'likely'],
      ['CAB', 'likely'],
      ['RFC', 'certain'],
    ]);
  });

  test('a name across the lines of a folded block is one finding; its fix replaces it there and keeps the line break', () => {
    const markdown = ['---', 'title: >-', '  How Request', '  Fulfilment works', '---', BODY].join('\n');
    const [finding] = findingsIn(markdown);
    assert.equal(markdown.slice(finding.start, finding.end), 'Request\n  Fulfilment');
    assert.equal(finding.confidence, 'certain');
    assert.deepEqual(applyEdits(markdown, fixAllEdits([finding])).split('\n').slice(1, 4), ['title: >-', '  How Service', '  Request Management works']);
  });

  test('front matter names tell what the document is about: an RFC in the body of a change process page', () => {
    const withTitle = ['---', 'title: Change Enablement at Example Ltd', '---', '', 'Raise an RFC two days ahead.', ''].join('\n');
    assert.deepEqual(
      findingsIn(withTitle).map((finding) => finding.written),
      ['RFC'],
    );
    const withoutTitle = ['---', 'layout: page', '---', '', 'Raise an RFC two days ahead.', ''].join('\n');
    assert.deepEqual(findingsIn(withoutTitle), []);
  });

  test('plain text and documents without those keys never load the YAML reader for front matter', () => {
    assert.deepEqual(findOutdatedTerms('---\ntitle: Change Management\n---\n', { format: 'plaintext' }).length, 1, 'plain text reads it as prose');
    assert.deepEqual(findingsIn(['---', 'layout: post', 'category: Change Management', '---', BODY].join('\n')), []);
  });
});
