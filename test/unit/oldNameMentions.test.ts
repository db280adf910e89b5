// The rules the held-out batch 3 of the prose corpus called for (test/fixtures/prose/README.md): when an old name
// is the name of something else that keeps it, or is named as the old name, so that "fix all" must leave it.
import * as assert from 'node:assert/strict';
import { findOutdatedTerms } from '../../src/model/terms/checker';

/** The confidence of each finding, by the name as written. */
function confidences(text: string): [string, string][] {
  return findOutdatedTerms(text, { format: 'markdown' }).map((finding) => [finding.written, finding.confidence]);
}

const CHANGE_CONTEXT = 'Every change has a change record, a backout plan and an implementation plan.\n';

suite('Terminology: names a document keeps', () => {
  test('a document that cites ISO/IEC 20000 keeps the clause names the standard still uses', () => {
    const checklist = '# ISO/IEC 20000-1 audit checklist\n\n## 8.5.1 Change Management\n\n## 8.5.3 Release and Deployment Management\n\n## 8.2.6 Configuration Management\n\nIncidents, problems and the service desk are sampled too.\n';
    assert.deepEqual(confidences(checklist), [
      ['Change Management', 'likely'],
      ['Release and Deployment Management', 'likely'],
      ['Configuration Management', 'likely'],
    ]);
    const withoutStandard = checklist.replace('ISO/IEC 20000-1 ', '');
    assert.deepEqual(confidences(withoutStandard), [
      ['Change Management', 'certain'],
      ['Release and Deployment Management', 'certain'],
      ['Configuration Management', 'certain'],
    ]);
  });

  test('names the standard does not use stay certain beside it', () => {
    assert.deepEqual(confidences('Our ISO 20000 scope includes Request Fulfilment and the Forward Schedule of Change.\n'), [
      ['Request Fulfilment', 'certain'],
      ['Forward Schedule of Change', 'certain'],
    ]);
  });

  test('a name right before a word for a part of a tool names that part', () => {
    const text = [
      CHANGE_CONTEXT,
      'The Change Management plugin must be active.',
      'The legacy Change Management API goes away in version 13.',
      'The RFC-number field accepts digits only.',
      'Tool B has a Request Fulfilment module.',
      'Change Management approves every change.',
      'Raise an RFC form by form.',
    ].join('\n');
    assert.deepEqual(confidences(text), [
      ['Change Management', 'likely'],
      ['Change Management', 'likely'],
      ['RFC', 'likely'],
      ['Request Fulfilment', 'likely'],
      ['Change Management', 'certain'],
      ['RFC', 'certain'],
    ]);
  });
});

suite('Terminology: names the text names as the old ones', () => {
  test('a quotation introduced by a sentence about an older edition quotes its old names', () => {
    const quoted = 'The v3 glossary defined it like this:\n\n> Change Management: the process that controls the lifecycle of all changes.\n';
    assert.deepEqual(confidences(quoted), [['Change Management', 'likely']]);
    const tip = 'A tip from the team:\n\n> Change Management meets on Tuesdays.\n';
    assert.deepEqual(confidences(tip), [['Change Management', 'certain']], 'a quotation introduced without an older edition');
    const noColon = 'We moved on from v3 years ago.\n\n> Change Management meets on Tuesdays.\n';
    assert.deepEqual(confidences(noColon), [['Change Management', 'certain']], 'a lead-in that does not introduce the quotation');
  });

  test('an older edition named after the name counts as much as one named before it', () => {
    assert.deepEqual(confidences('How Request Fulfilment and Access Management from v3 are covered in ITIL 4.\n\nIncidents and problems go to the service desk.\n'), [
      ['Request Fulfilment', 'likely'],
      ['Access Management', 'likely'],
    ]);
  });

  test('an old name followed by its own ITIL 4 name speaks of the renaming', () => {
    assert.deepEqual(confidences('From Change Management to change enablement in one year.\n'), [['Change Management', 'likely']]);
    assert.deepEqual(confidences('Request Fulfilment is now service request management.\n'), [['Request Fulfilment', 'likely']]);
    assert.deepEqual(confidences('IT Service Continuity Management (ITSCM) supports business continuity.\n'), [
      ['IT Service Continuity Management', 'certain'],
      ['ITSCM', 'certain'],
    ]);
  });

  test('"is now" says a name was renamed only with what it is now called', () => {
    const text = `${CHANGE_CONTEXT}Incidents, problems and known errors go to the service desk.\n`;
    assert.deepEqual(confidences(`${text}Configuration Management is now a standing item of the review.\n`), [['Configuration Management', 'certain']]);
    assert.deepEqual(confidences(`${text}Configuration Management is now called something else.\n`), [['Configuration Management', 'likely']]);
  });

  test('"instead of" and "rather than" before a verb speak of doing, not of the name', () => {
    assert.deepEqual(confidences(`${CHANGE_CONTEXT}Pick a standard change instead of writing an RFC.\n`), [['RFC', 'certain']]);
    assert.deepEqual(confidences(`${CHANGE_CONTEXT}Say change request instead of RFC.\n`), [['RFC', 'likely']]);
    assert.deepEqual(confidences(`${CHANGE_CONTEXT}Use the portal rather than raising an RFC by mail.\n`), [['RFC', 'certain']]);
  });
});
