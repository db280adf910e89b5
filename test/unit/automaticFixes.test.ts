import * as assert from 'node:assert/strict';
import { automaticFix, isSafeToApplyAutomatically, lockedRegions, withLineBreaksOf } from '../../src/model/checks';
import { effectiveTerms } from '../../src/model/terms';
import { findOutdatedTerms } from '../../src/model/terms/checker';
import { parseMarkdownValueStreams } from '../../src/model/valueStreams';
import { parseGlossary, parseValueStreams } from '../../src/model/yamlParsers';

/** The automatic fix of each terminology finding in a Markdown text, as "written → replacement" (or "written: none"). */
function proseFixes(markdown: string, glossary?: string): string[] {
  const terms = glossary === undefined ? undefined : effectiveTerms(parseGlossary(glossary).glossary);
  return findOutdatedTerms(markdown, { format: 'markdown', ...(terms ? { terms } : {}) }).map((finding) => {
    const fix = automaticFix(finding, markdown);
    if (fix) assert.deepEqual([fix.start, fix.end], [finding.start, finding.end], 'a fix replaces exactly what was found');
    return `${finding.written} → ${fix ? fix.newText : 'none'}`;
  });
}

function streamFixes(yaml: string): string[] {
  return parseValueStreams(yaml).findings.map((finding) => {
    const fix = automaticFix(finding, yaml);
    return `${finding.code} ${yaml.slice(finding.range.start, finding.range.end)} → ${fix ? fix.newText : 'none'}`;
  });
}

suite('Automatic fixes: only the ones a person would not have to choose', () => {
  test('an ITIL v3 name with one ITIL 4 name is fixed in the writer capitalisation', () => {
    assert.deepEqual(proseFixes('Change Management meets weekly. Our change management board. REQUEST FULFILMENT is slow.'), [
      'Change Management → Change Enablement',
      'change management → change enablement',
      'REQUEST FULFILMENT → SERVICE REQUEST MANAGEMENT',
    ]);
  });

  test('split and absorbed names are never fixed automatically', () => {
    // Demand and Access Management are everyday phrases too: the service desk's incidents and problems make this an ITSM text.
    const context = 'The service desk logs incidents, problems and known errors. ';
    assert.deepEqual(proseFixes(`${context}SACM keeps the records. Release and Deployment Management ships. Demand Management forecasts. Access Management grants rights.`), [
      'SACM → none',
      'Release and Deployment Management → none',
      'Demand Management → none',
      'Access Management → none',
    ]);
  });

  test('a glossary rule is fixed; its replacement keeps the capitalisation', () => {
    const glossary = 'version: 1\npreferredTerms:\n  - use: service request\n    insteadOf: [ticket]\n';
    assert.deepEqual(proseFixes('Open a ticket. Ticket numbers are logged.', glossary), ['ticket → service request', 'Ticket → Service request']);
  });

  test('value streams: a legacy practice with one ITIL 4 name and a single value for a list are fixed; typos are not', () => {
    const yaml = [
      'valueStream: Access',
      'steps:',
      '  - id: request',
      '    activity: engag',
      '    practices: [Request Fulfilment, SACM, Demand Management]',
      '  - id: grant',
      '    activity: deliver-and-support',
      '    after: reqest',
      '  - id: close',
      '    activity: deliver-and-support',
      '    after: grant',
      '    practices: service desk',
      '',
    ].join('\n');
    assert.deepEqual(streamFixes(yaml), [
      'svc/unknown-activity engag → none',
      'svc/legacy-practice Request Fulfilment → Service Request Management',
      'svc/legacy-practice SACM → none',
      'svc/legacy-practice Demand Management → none',
      'svc/invalid-field reqest → [reqest]',
      'svc/invalid-field grant → [grant]',
      'svc/invalid-field service desk → [service desk]',
    ]);
    const typo = parseValueStreams(yaml).findings.find((finding) => finding.code === 'svc/unknown-activity');
    assert.ok(typo && typo.fixes.length === 1 && !isSafeToApplyAutomatically(typo), 'a single did-you-mean is still a guess');
  });

  test('a name wrapped across lines keeps its line break and what follows it', () => {
    assert.equal(withLineBreaksOf('Change\r\n> Management', 'change enablement'), 'change\r\n> enablement');
    assert.equal(withLineBreaksOf('IT Service Continuity\nManagement', 'service continuity management'), 'service continuity\nmanagement');
    assert.equal(withLineBreaksOf('Capacity\n  Management', 'capacity and performance management'), 'capacity\n  and performance management');
    assert.equal(withLineBreaksOf('Change Management', 'change enablement'), 'change enablement');
    const markdown = 'Our Change\r\nManagement board.';
    const [finding] = findOutdatedTerms(markdown, { format: 'markdown' });
    assert.equal(finding && automaticFix(finding, markdown)?.newText, 'Change\r\nEnablement');
  });

  test('locked regions: front matter and switched-off passages; the whole file with svc: off', () => {
    const markdown = [
      '---',
      'title: Request Fulfilment',
      '---',
      '<!-- svc-disable -->',
      '```valuestream',
      'valueStream: Old',
      'steps:',
      '  - id: a',
      '    activity: engage',
      '    practices: [Request Fulfilment]',
      '```',
      '<!-- svc-enable -->',
      '```valuestream',
      'valueStream: New',
      'steps:',
      '  - id: a',
      '    activity: engage',
      '    practices: [Request Fulfilment]',
      '```',
      '',
    ].join('\n');
    const locked = lockedRegions(markdown);
    const fixes = parseMarkdownValueStreams(markdown)
      .findings.filter((finding) => finding.code === 'svc/legacy-practice')
      .map((finding) => automaticFix(finding, markdown, locked)?.newText ?? 'none');
    assert.deepEqual(fixes, ['none', 'Service Request Management']);
    assert.deepEqual(lockedRegions(`---\nsvc: off\n---\n${markdown}`), [{ start: 0, end: markdown.length + 17 }]);
  });
});
