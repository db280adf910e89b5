import * as assert from 'node:assert/strict';
import { computeCoverage, type DocumentCoverage } from '../../src/model/coverage/coverage';
import { PRACTICES } from '../../src/model/itil/practices';
import { effectiveTerms } from '../../src/model/terms/effectiveTerms';
import { parseGlossary } from '../../src/model/yamlParsers';

function counts(coverage: DocumentCoverage, kind: 'activities' | 'practices'): Record<string, number> {
  return Object.fromEntries(coverage[kind].map((item) => [item.id, item.count]));
}

suite('Document coverage', () => {
  test('counts activities and practices with their first mention', () => {
    const text = [
      '# Incident handling',
      '',
      'Users reach the Service Desk, which logs an incident. Incident management restores service;',
      'the service desk keeps users informed. Deliver and support is where most of this happens.',
    ].join('\n');
    const coverage = computeCoverage(text, { format: 'markdown' });
    assert.deepEqual(counts(coverage, 'practices'), { 'service-desk': 2, 'incident-management': 1 });
    assert.deepEqual(counts(coverage, 'activities'), { 'deliver-and-support': 1 });
    const desk = coverage.practices[0];
    assert.equal(desk.id, 'service-desk');
    assert.equal(text.slice(desk.first.start, desk.first.end), 'Service Desk');
    assert.equal(coverage.activityTotal, 6);
    assert.equal(coverage.practiceTotal, 34);
  });

  test('activities come in value chain order, practices in order of first mention', () => {
    const text = 'Problem management feeds Improve. Engage comes first, then Design & Transition; change enablement approves.';
    const coverage = computeCoverage(text, { format: 'plaintext' });
    assert.deepEqual(
      coverage.activities.map((item) => item.id),
      ['improve', 'engage', 'design-and-transition'],
    );
    assert.deepEqual(
      coverage.practices.map((item) => item.id),
      ['problem-management', 'change-enablement'],
    );
  });

  test('practices the mentioned activities usually involve are listed when the document never names them', () => {
    const coverage = computeCoverage('In Engage, customers reach us through the service desk.', { format: 'plaintext' });
    const ids = coverage.unmentioned.map((item) => item.id);
    assert.ok(!ids.includes('service-desk'), 'a mentioned practice is not missing');
    // Relationship management and service level management are Engage's key practices: they come first.
    assert.deepEqual(ids.slice(0, 2), ['relationship-management', 'service-level-management']);
    assert.ok(coverage.unmentioned.slice(0, 2).every((item) => item.key));
    const engaged = PRACTICES.filter((practice) => practice.activities.includes('engage') && practice.id !== 'service-desk').map((practice) => practice.id);
    assert.deepEqual([...ids].sort(), [...engaged].sort());
    assert.ok(coverage.unmentioned.every((item) => item.activityIds.length === 1 && item.activityIds[0] === 'engage'));
  });

  test('a document without activities suggests nothing', () => {
    const coverage = computeCoverage('Incident management only.', { format: 'plaintext' });
    assert.deepEqual(coverage.unmentioned, []);
    assert.deepEqual(coverage.activities, []);
  });

  test('code, URLs and svc-disable regions are not mentions in Markdown', () => {
    const text = [
      'Incident management is in scope.',
      '`problem management` in code, and https://example.com/service-desk',
      '<!-- svc-disable -->',
      'Release management is quoted from the old process.',
      '<!-- svc-enable -->',
    ].join('\n');
    assert.deepEqual(counts(computeCoverage(text, { format: 'markdown' }), 'practices'), { 'incident-management': 1 });
  });

  test('value-stream steps count their activity and practices once each', () => {
    const text = [
      'valueStream: Password reset',
      'steps:',
      '  - id: ask',
      '    activity: engage',
      '    title: User asks for help',
      '    practices: [service desk]',
      '  - id: reset',
      '    activity: deliver-and-support',
      '    title: Reset through service request management',
      '    practices: [service desk, "information security management"]',
    ].join('\n');
    const coverage = computeCoverage(text, { format: 'valuestream' });
    assert.deepEqual(counts(coverage, 'activities'), { engage: 1, 'deliver-and-support': 1 });
    assert.deepEqual(counts(coverage, 'practices'), {
      'service-desk': 2,
      'service-request-management': 1,
      'information-security-management': 1,
    });
    const engage = coverage.activities[0];
    assert.equal(text.slice(engage.first.start, engage.first.end), 'engage');
  });

  test('```valuestream blocks in Markdown count their steps; switched-off blocks do not', () => {
    const block = (activity: string, practice: string): string =>
      ['```valuestream', 'valueStream: S', 'steps:', `  - activity: ${activity}`, `    practices: [${practice}]`, '```'].join('\n');
    const text = ['Intro.', block('obtain-build', 'deployment management'), '<!-- svc-disable -->', block('plan', 'risk management'), '<!-- svc-enable -->'].join('\n');
    const coverage = computeCoverage(text, { format: 'markdown' });
    assert.deepEqual(counts(coverage, 'activities'), { 'obtain-build': 1 });
    assert.deepEqual(counts(coverage, 'practices'), { 'deployment-management': 1 });
  });

  test('the term list is an input: a glossary spelling counts, a hidden practice drops out', () => {
    const { glossary, findings } = parseGlossary(
      'version: 1\noverrides:\n  - term: service desk\n    aliases: [ticket desk]\nhide:\n  - problem management\n',
    );
    assert.deepEqual(findings, []);
    const terms = effectiveTerms(glossary);
    const text = 'The ticket desk answers. Problem management and incident management follow up in Deliver and Support.';
    assert.deepEqual(counts(computeCoverage(text, { format: 'plaintext' }), 'practices'), { 'problem-management': 1, 'incident-management': 1 });
    const coverage = computeCoverage(text, { format: 'plaintext', terms });
    assert.deepEqual(counts(coverage, 'practices'), { 'service-desk': 1, 'incident-management': 1 });
    assert.equal(coverage.practiceTotal, 33);
    const withoutProblems = computeCoverage('Deliver and Support restores service.', { format: 'plaintext' });
    assert.ok(withoutProblems.unmentioned.some((practice) => practice.id === 'problem-management'));
    assert.ok(!computeCoverage('Deliver and Support restores service.', { format: 'plaintext', terms }).unmentioned.some((practice) => practice.id === 'problem-management'));
  });

  test('one-word activity names used as ordinary words are not mentions; the activity names are', () => {
    const text = [
      '# Service transition plan',
      '',
      'We plan to engage two suppliers and improve the onboarding form. Plan the cut-over for a weekend.',
      'Improve the wording before you engage the board.',
      '',
      'The plan activity sets the direction; the engage activity talks to customers.',
      'Lessons learned go to Improve, and Engage keeps the customer informed.',
      '',
      '- **Plan:** agree the roadmap',
      '',
      '| Activity | Owner |',
      '| --- | --- |',
      '| Plan | CIO |',
      '',
      'The release moves through design and transition, then obtain/build.',
    ].join('\n');
    const coverage = computeCoverage(text, { format: 'markdown' });
    assert.deepEqual(counts(coverage, 'activities'), { plan: 3, improve: 1, engage: 2, 'design-and-transition': 1, 'obtain-build': 1 });
    const plan = coverage.activities.find((item) => item.id === 'plan');
    assert.equal(text.slice(0, plan?.first.start).split('\n').length, 6, 'the first Plan mention is "the plan activity"');
  });

  test('a document that only uses the verbs suggests no practices for the activities', () => {
    const coverage = computeCoverage('We plan to improve how we engage with users. Improve the form first.', { format: 'plaintext' });
    assert.deepEqual(coverage.activities, []);
    assert.deepEqual(coverage.unmentioned, []);
  });
});

