import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAllEdits } from '../../src/model/checks';
import { TerminologyCheck, findOutdatedTerms } from '../../src/model/terms/checker/terminology';
import { joinNames } from '../../src/model/terms/checker/terminologyAdvice';
import { LEGACY_TERM_CODE, applyEdits, type TerminologyFinding } from '../../src/model/terms/terminologyFindings';
import { applyCaseStyle, caseStyleOf, isSentenceStart } from '../../src/model/terms/writtenStyle';
import { fencedBlocks } from '../../src/model/documents/fences';
import { disabledRegions, proseRanges } from '../../src/model/documents/proseRanges';
import { PROTECTED_TERMS } from '../../src/model/terms/protectedTerms';
import { TermHoverRenderer } from '../../src/model/terms/termHover';
import { builtInTerms } from '../../src/model/terms/effectiveTerms';
import { ITIL4 } from '../../src/model/itil/editions';

/** What fix all writes over a finding, if anything. */
function automatic(finding: TerminologyFinding | undefined): string | undefined {
  return finding && fixAllEdits([finding])[0]?.newText;
}

function written(text: string, format: 'markdown' | 'plaintext' = 'markdown', ignore: string[] = []): string[] {
  return findOutdatedTerms(text, { format, ignore }).map((finding) => finding.written);
}

suite('Terminology: findings', () => {
  test('a rename carries code, range, message and one preferred replacement', () => {
    const text = 'We follow Request Fulfilment today.';
    const [finding] = findOutdatedTerms(text, { format: 'markdown' });
    assert.ok(finding);
    assert.equal(finding.code, LEGACY_TERM_CODE);
    assert.equal(text.slice(finding.start, finding.end), 'Request Fulfilment');
    assert.equal(finding.message, '“Request Fulfilment” is the ITIL v3/2011 name — ITIL 4 uses “service request management”.');
    assert.deepEqual(finding.fixes, [
      { title: 'Replace with “Service Request Management”', newText: 'Service Request Management', preferred: true },
    ]);
    assert.equal(automatic(finding), 'Service Request Management');
  });

  test('a split offers each ITIL 4 practice and the combined phrase, none preferred, so fix all leaves it to the writer', () => {
    const [finding] = findOutdatedTerms('our service asset and configuration management process', { format: 'plaintext' });
    assert.ok(finding);
    assert.deepEqual(
      finding.fixes.map((fix) => fix.newText),
      ['IT asset management', 'service configuration management', 'IT asset management and service configuration management'],
    );
    assert.ok(finding.fixes.every((fix) => !fix.preferred));
    assert.match(finding.message, /splits it into “IT asset management” and “service configuration management”: name the one you mean, or both/);
    assert.equal(automatic(finding), undefined);
  });

  test('an absorbed term explains instead of replacing', () => {
    const [finding] = findOutdatedTerms('Demand Management forecasts load for incident management, problem management and the service desk, as ITIL v2 taught.', { format: 'markdown' });
    assert.ok(finding?.code === LEGACY_TERM_CODE);
    assert.equal(finding.mapping, 'absorbed');
    assert.deepEqual(finding.fixes, []);
    assert.equal(automatic(finding), undefined);
    assert.match(finding.message, /^“Demand Management” is the ITIL v3\/2011 name — ITIL 4 has no demand management practice/);
  });

  test('current ITIL 4 names that contain an old name are not findings', () => {
    assert.deepEqual(written('Monitoring and event management, organizational change management, information security management.'), []);
    assert.deepEqual(written('Event management, change management and security management, by the service desk and incident management.'), [
      'Event management',
      'change management',
      'security management',
    ]);
  });

  test('the 2019 book’s “change control” is the change enablement practice, not an outdated name', () => {
    const text = 'Change control approves the release. Our change control board meets weekly; change management does not.';
    assert.deepEqual(written(text), ['change management']);
    assert.deepEqual(written('CHANGE CONTROL and Change Control', 'plaintext'), []);
  });

  test('abbreviations of old names are findings and keep the sentence capitalised', () => {
    const findings = findOutdatedTerms('CSI matters. We retire SACM and the SKMS.', { format: 'plaintext' });
    assert.deepEqual(
      findings.map((finding) => [finding.written, finding.fixes.map((fix) => fix.newText)]),
      [
        ['CSI', ['Continual improvement']],
        ['SACM', ['IT asset management', 'service configuration management', 'IT asset management and service configuration management']],
        ['SKMS', ['knowledge management system']],
      ],
    );
  });

  test('the ignore list accepts any spelling or the id, ignoring case and spacing', () => {
    const text = 'Change Management and Request Fulfilment and Release & Deployment Management';
    assert.deepEqual(written(text, 'markdown', ['change  MANAGEMENT']), ['Request Fulfilment', 'Release & Deployment Management']);
    assert.deepEqual(written(text, 'markdown', ['request-fulfilment', 'Release and Deployment Management']), ['Change Management']);
    assert.deepEqual(written('Request Fulfillment', 'markdown', ['Request Fulfilment']), []);
  });
});

suite('Terminology: Markdown structure', () => {
  test('fenced code, inline code, URLs, link targets and comments are not prose', () => {
    const text = [
      'Change Management is old.',
      '```',
      'change management inside a fence',
      '```',
      '~~~~text',
      'Request Fulfilment',
      '~~~~',
      'See `Change Management` and [the guide](https://example.com/change-management).',
      '<!-- Change Management in a comment -->',
      '<span title="Event Management">Capacity Management</span> for the service desk and incident management.',
      '```valuestream',
      'name: Capacity Management',
      '```',
    ].join('\n');
    assert.deepEqual(written(text), ['Change Management', 'Capacity Management']);
  });

  test('plain text is read whole, URLs aside', () => {
    assert.deepEqual(written('`Change Management` http://x.org/event-management', 'plaintext'), ['Change Management']);
  });

  test('an unclosed fence runs to the end; a longer closing fence closes a shorter one', () => {
    assert.deepEqual(fencedBlocks('a\n```\nb').map((block) => block.range), [{ start: 2, end: 7 }]);
    assert.deepEqual(written('```\nChange Management\n`````\nRequest Fulfilment'), ['Request Fulfilment']);
    assert.deepEqual(written('````\n```\nChange Management\n````\nRequest Fulfilment'), ['Request Fulfilment']);
  });

  test('svc-disable / svc-enable comments switch the check off for a region', () => {
    const text = [
      'Change Management one.',
      '<!-- svc-disable -->',
      'Change Management two.',
      '<!--svc-enable-->',
      'Change Management three.',
      '<!-- SVC-DISABLE -->',
      'Change Management four, never enabled again.',
    ].join('\n');
    const findings = findOutdatedTerms(text, { format: 'markdown' });
    assert.deepEqual(findings.map((finding) => text.slice(finding.end, finding.end + 6)), [' one.\n', ' three']);
    assert.equal(disabledRegions(text).length, 2);
    assert.deepEqual(written(text, 'plaintext').length, 2);
  });

  test('unclosed inline code is just a backtick', () => {
    assert.deepEqual(written('a ` Change Management'), ['Change Management']);
    assert.deepEqual(written('``a ` Change Management``, then Request Fulfilment'), ['Request Fulfilment']);
  });
});

suite('Terminology: capitalisation', () => {
  test('detects the writer’s style', () => {
    assert.equal(caseStyleOf('change management'), 'lower');
    assert.equal(caseStyleOf('CHANGE MANAGEMENT'), 'upper');
    assert.equal(caseStyleOf('Change Management'), 'title');
    assert.equal(caseStyleOf('Request for Change'), 'title');
    assert.equal(caseStyleOf('Change management'), 'sentence');
    assert.equal(caseStyleOf('IT Service Continuity Management'), 'title');
    assert.equal(caseStyleOf('IT service continuity management'), 'lower');
    assert.equal(caseStyleOf('IT service continuity management', true), 'sentence');
    assert.equal(caseStyleOf('SACM'), 'abbreviation');
    assert.equal(caseStyleOf('RfCs'), 'abbreviation');
  });

  test('writes the ITIL 4 name in that style, keeping acronyms', () => {
    assert.equal(applyCaseStyle('IT asset management and service configuration management', 'title'), 'IT Asset Management and Service Configuration Management');
    assert.equal(applyCaseStyle('IT asset management', 'lower'), 'IT asset management');
    assert.equal(applyCaseStyle('change enablement', 'upper'), 'CHANGE ENABLEMENT');
    assert.equal(applyCaseStyle('change enablement', 'sentence'), 'Change enablement');
    assert.equal(applyCaseStyle('continual improvement', 'abbreviation'), 'continual improvement');
    assert.equal(applyCaseStyle('continual improvement', 'abbreviation', true), 'Continual improvement');
  });

  test('replacements follow the writer in context', () => {
    const fix = (text: string): string | undefined => automatic(findOutdatedTerms(text, { format: 'markdown' })[0]);
    assert.equal(fix('our change management board'), 'change enablement');
    assert.equal(fix('Change management is slow.'), 'Change enablement');
    assert.equal(fix('## Change Management'), 'Change Enablement');
    assert.equal(fix('THE CHANGE MANAGEMENT BOARD'), 'CHANGE ENABLEMENT');
    assert.equal(fix('See the Forward Schedule of Change.'), 'Change Schedule');
  });

  test('sentence starts', () => {
    const at = (text: string): boolean => isSentenceStart(text, text.indexOf('X'));
    assert.ok(at('X'));
    assert.ok(at('Done. X'));
    assert.ok(at('- X'));
    assert.ok(at('## X'));
    assert.ok(at('> **X'));
    assert.ok(at('para\n\nX'));
    assert.ok(!at('wrapped\nX'));
    assert.ok(!at('the X'));
  });
});

suite('Terminology: fix all', () => {
  test('replaces renames, leaves splits and absorbed terms to the writer', () => {
    const text = 'Change Management, Demand Management and Release and Deployment Management; CSI.';
    const fixed = applyEdits(text, fixAllEdits(findOutdatedTerms(text, { format: 'markdown' })));
    assert.equal(fixed, 'Change Enablement, Demand Management and Release and Deployment Management; continual improvement.');
  });

  test('joins names as prose', () => {
    assert.equal(joinNames(['a']), 'a');
    assert.equal(joinNames(['a', 'b']), 'a and b');
    assert.equal(joinNames(['a', 'b', 'c']), 'a, b and c');
  });

  test('never throws, and fixing all leaves nothing for fix all to do', () => {
    const pieces = ['Change Management', 'CSI', 'Demand Management', 'event management', '`', '```\n', '<!-- svc-disable -->', '<!-- svc-enable -->', ' ', '\n', 'the', '. ', '](', ')', 'http://a/'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, markdown) => {
        const text = parts.join(' ');
        const format = markdown ? 'markdown' : 'plaintext';
        const findings = findOutdatedTerms(text, { format });
        for (const range of proseRanges(text, format)) assert.ok(range.start < range.end && range.end <= text.length);
        const fixed = applyEdits(text, fixAllEdits(findings));
        for (const finding of findOutdatedTerms(fixed, { format })) {
          assert.ok(finding.confidence === 'likely' || (finding.code === LEGACY_TERM_CODE && (finding.mapping === 'absorbed' || finding.mapping === 'split')), `${finding.written} left in ${JSON.stringify(fixed)}`);
        }
        assert.deepEqual(fixAllEdits(findOutdatedTerms(fixed, { format })), []);
      }),
      { numRuns: 1000 },
    );
  });
});

suite('Terminology: protected names, context and confidence', () => {
  const itsm = 'Our ITIL change policy: every change request is assessed, the service desk logs incidents and the change schedule is published.\n\n';

  test('no protected name is ever flagged, whatever the document is about', () => {
    for (const { forms } of PROTECTED_TERMS) {
      for (const form of forms) {
        const text = `${itsm}The ${form} and the ${form.toUpperCase()} are fine.\n`;
        const findings = findOutdatedTerms(text, { format: 'markdown' });
        assert.deepEqual(findings.map((finding) => finding.written), [], form);
      }
    }
  });

  test('hovers show the ITIL 4 term a protected name stands for, or nothing, never an outdated name', () => {
    const renderer = new TermHoverRenderer({ commandLinks: false }, builtInTerms());
    const text = 'The configuration management database, identity and access management and SIEM: security information and event management.';
    assert.equal(renderer.hoverAt(text, text.indexOf('management database'), ITIL4)?.term.id, 'service-configuration-management');
    assert.equal(renderer.hoverAt(text, text.indexOf('access management'), ITIL4)?.term.id, 'information-security-management');
    assert.equal(renderer.hoverAt(text, text.indexOf('event management'), ITIL4), undefined);
  });

  test('an abbreviation with another sense is flagged only where the document is about its ITIL topic', () => {
    const rfc = (text: string): string[] => findOutdatedTerms(text, { format: 'markdown' }).map((finding) => `${finding.written}:${finding.confidence}`);
    assert.deepEqual(rfc(`${itsm}Raise an RFC before Friday.`), ['RFC:certain']);
    assert.deepEqual(rfc('Raise an RFC before Friday: the design needs review.'), []);
    assert.deepEqual(rfc('The IETF published it as an RFC. Every Request for Comments gets a number.'), []);
    assert.deepEqual(rfc(`${itsm}HTTP follows RFC 9110 and RFC-1234; an IETF RFC is a standard.`), []);
    assert.deepEqual(rfc('The change request and an RFC.'), ['RFC:likely']);
    assert.deepEqual(rfc(`${itsm}Improvement ideas go to the CSI register.`), ['CSI:certain']);
    assert.deepEqual(rfc(`${itsm}Kubernetes mounts volumes through the CSI driver; our CSI register lists ideas.`), ['CSI:likely']);
    assert.deepEqual(rfc('Kubernetes mounts volumes through the CSI driver; the CSI spec covers snapshots.'), []);
  });

  test('a CAB is a likely change authority, offered but never written by fix all', () => {
    const [finding] = findOutdatedTerms(`${itsm}The CAB meets on Tuesdays.`, { format: 'markdown' });
    assert.equal(finding?.confidence, 'likely');
    assert.match(finding?.message ?? '', /A CAB can still be the change authority/);
    assert.deepEqual(finding?.fixes.map((fix) => [fix.newText, fix.preferred]), [['change authority', false]]);
    assert.equal(automatic(finding), undefined);
    assert.deepEqual(fixAllEdits(findOutdatedTerms(`${itsm}The CAB meets.`, { format: 'markdown' })), []);
    assert.deepEqual(findOutdatedTerms('The Customer Advisory Board (CAB) met twice.', { format: 'markdown' }), []);
  });

  test('a name the text mentions as the old name is likely, so fix all leaves the sentence as written', () => {
    const confidence = (text: string): string | undefined => findOutdatedTerms(`${itsm}${text}`, { format: 'markdown' })[0]?.confidence;
    assert.equal(confidence('Change enablement (formerly Change Management) is one practice.'), 'likely');
    assert.equal(confidence('Request Fulfilment became service request management.'), 'likely');
    assert.equal(confidence('Some still say “Change Management”.'), 'likely');
    assert.equal(confidence('Change Management approves changes.'), 'certain');
  });

  test('plurals, articles and emphasis are rewritten as the writer wrote them', () => {
    const fixed = (text: string): string => {
      const whole = `${itsm}${text}`;
      return applyEdits(whole, fixAllEdits(findOutdatedTerms(whole, { format: 'markdown' }))).slice(itsm.length);
    };
    assert.equal(fixed('Raise an RFC; two RFCs and three Requests for Change wait.'), 'Raise a change request; two change requests and three Change Requests wait.');
    assert.equal(fixed('An RFC is needed.'), 'A change request is needed.');
    assert.equal(fixed('Our **Change** Management board.'), 'Our **Change Enablement** board.');
    assert.equal(fixed('*Design* and *Request* *Fulfilment* steps.'), '*Design* and *Service Request Management* steps.');
    assert.equal(fixed('Change Mgmt and the seven-step improvement process.'), 'Change Enablement and the continual improvement model.');
  });

  test('generic names need an ITSM document; ITSM names do not vouch for each other when they need it too', () => {
    assert.deepEqual(findOutdatedTerms('Security management, access management and event management at the branch.', { format: 'markdown' }), []);
    assert.deepEqual(
      findOutdatedTerms(`${itsm}Event Management opens incidents.`, { format: 'markdown' }).map((finding) => `${finding.written}:${finding.confidence}`),
      ['Event Management:certain'],
    );
    assert.deepEqual(findOutdatedTerms('We use Ansible for configuration management of the web servers.', { format: 'markdown' }), []);
  });
});

suite('Terminology: long documents in slices', () => {
  test('slices end only where no fence, comment, inline code or front matter continues', () => {
    const filler = 'The service desk logs every incident and problem management reviews them.\n\n'.repeat(40);
    const text = [
      `---\ntitle: Notes\n\nsummary: front matter with a blank line and Change Management\n---\n`,
      filler,
      '```text\nChange Management inside a fence\n\nstill inside\n```\n\n',
      filler,
      '<!-- a comment about Change Management\n\nthat spans a blank line -->\n\n',
      filler,
      '<!-- svc-disable -->\nChange Management\n\nRequest Fulfilment\n<!-- svc-enable -->\n\n',
      filler,
      'Approvals still go through Change Management every week.\n',
    ].join('');
    const whole = findOutdatedTerms(text, { format: 'markdown' });
    assert.deepEqual(whole.map((finding) => finding.written), ['Change Management']);
    for (const size of [64, 200, 1000]) {
      const check = new TerminologyCheck(text, { format: 'markdown' }, size);
      let pauses = 0;
      while (!check.advance(() => true)) pauses++;
      assert.ok(pauses > 3, `${pauses} pauses at ${size}`);
      assert.deepEqual(check.findings, whole, `slices of ${size}`);
    }
  });
});
