import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ambiguousAbbreviations,
  createTermIndex,
  modelTermForms,
  normalizeForm,
  termIndex,
  type TermMatch,
} from '../../src/model/terms/termMatcher';
import { ACTIVITIES } from '../../src/model/itil/activities';
import { PRACTICES } from '../../src/model/itil/practices';
import { LEGACY_TERMS } from '../../src/model/itil/legacyTerms';
import { ALL_CONCEPTS, DIMENSIONS, GUIDING_PRINCIPLES } from '../../src/model/itil/concepts';

const index = termIndex();

/** Mentions as `text → kind:id`, easy to compare in assertions. */
function mentions(text: string): string[] {
  return index.findAll(text).map((match) => `${text.slice(match.start, match.end)} → ${match.term.kind}:${match.term.id}`);
}

/** What a reported range must spell: case, spacing, emphasis and quote markers, hyphens and "&" ignored. */
function spelling(text: string): string {
  return text
    .toLowerCase()
    .replace(/\n[ \t]*>/g, '\n')
    .replace(/[*_]/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/-/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

const formsByTerm = new Map<string, string[]>();
for (const form of modelTermForms()) {
  const key = `${form.term.kind}:${form.term.id}`;
  formsByTerm.set(key, [...(formsByTerm.get(key) ?? []), spelling(form.text)]);
}

suite('Term matcher', () => {
  test('indexes every practice, activity form, concept, principle, dimension and legacy name', () => {
    const text = [
      ...PRACTICES.map((practice) => practice.name),
      ...ACTIVITIES.flatMap((activity) => [activity.name, ...activity.writtenForms]),
      ...ALL_CONCEPTS.map((concept) => concept.name),
      ...LEGACY_TERMS.flatMap((term) => [term.term, ...term.variants]),
    ];
    for (const name of text) {
      const found = index.findAll(`Our notes mention ${name}; nothing else.`);
      assert.equal(found.length, 1, `${name} should be found once, got ${JSON.stringify(found)}`);
      assert.equal(found[0].end - found[0].start, name.length, name);
    }
    assert.ok(GUIDING_PRINCIPLES.length === 7 && DIMENSIONS.length === 4);
  });

  test('activity written forms all resolve to their activity', () => {
    assert.deepEqual(mentions('Design & Transition, Design and Transition, design/transition, D&T.'), [
      'Design & Transition → activity:design-and-transition',
      'Design and Transition → activity:design-and-transition',
      'design/transition → activity:design-and-transition',
      'D&T → activity:design-and-transition',
    ]);
    assert.deepEqual(mentions('Obtain/Build, Obtain / Build, obtain and build, Obtain & Build.'), [
      'Obtain/Build → activity:obtain-build',
      'Obtain / Build → activity:obtain-build',
      'obtain and build → activity:obtain-build',
      'Obtain & Build → activity:obtain-build',
    ]);
    assert.deepEqual(mentions('Deliver & Support'), ['Deliver & Support → activity:deliver-and-support']);
  });

  test('matching ignores case', () => {
    assert.deepEqual(mentions('INCIDENT MANAGEMENT, incident management and Incident Management'), [
      'INCIDENT MANAGEMENT → practice:incident-management',
      'incident management → practice:incident-management',
      'Incident Management → practice:incident-management',
    ]);
  });

  test('only whole words match', () => {
    assert.deepEqual(mentions('planning, replan, valuestreams, riskier, Planet, incidental management'), []);
    assert.deepEqual(mentions('(Plan)'), ['Plan → activity:plan']);
    assert.deepEqual(mentions('change_management_policy.md'), []);
  });

  test('the longest match wins', () => {
    assert.deepEqual(mentions('Monitoring and event management replaced event management.'), [
      'Monitoring and event management → practice:monitoring-and-event-management',
      'event management → legacy:event-management',
    ]);
    assert.deepEqual(mentions('Organizational change management is not change management.'), [
      'Organizational change management → practice:organizational-change-management',
      'change management → legacy:change-management',
    ]);
    assert.deepEqual(mentions('service request management handles a service request'), [
      'service request management → practice:service-request-management',
      'service request → concept:service-request',
    ]);
    assert.deepEqual(mentions('Information security management'), [
      'Information security management → practice:information-security-management',
    ]);
  });

  test('a longer term that does not complete falls back to the shorter one', () => {
    assert.deepEqual(mentions('monitoring and event logs'), ['event → concept:event']);
    assert.deepEqual(mentions('service value system and service value'), [
      'service value system → concept:service-value-system',
      'service → concept:service',
      'value → concept:value',
    ]);
  });

  test('multi-word names wrap across one line break, not across a paragraph or list item', () => {
    assert.deepEqual(mentions('the monitoring and event\n   management practice'), [
      'monitoring and event\n   management → practice:monitoring-and-event-management',
    ]);
    assert.deepEqual(mentions('Service Level\r\nManagement'), ['Service Level\r\nManagement → practice:service-level-management']);
    assert.deepEqual(mentions('capacity and performance\n\nmanagement'), []);
    assert.deepEqual(mentions('- Incident\n- management'), ['Incident → concept:incident']);
    assert.deepEqual(mentions('* Problem\n* management'), ['Problem → concept:problem']);
  });

  test('Markdown emphasis and blockquote markers do not break a name', () => {
    assert.deepEqual(mentions('**Service desk** and _Change enablement_'), [
      'Service desk → practice:service-desk',
      'Change enablement → practice:change-enablement',
    ]);
    assert.deepEqual(mentions('*Design* & *Transition*'), ['Design* & *Transition → activity:design-and-transition']);
    assert.deepEqual(mentions('> release and deployment\n> management'), [
      'release and deployment\n> management → legacy:release-and-deployment-management',
    ]);
  });

  test('punctuation other than "&", "/", hyphens and emphasis ends a name', () => {
    assert.deepEqual(mentions('incident, management'), ['incident → concept:incident']);
    assert.deepEqual(mentions('problem. Management'), ['problem → concept:problem']);
  });

  test('ambiguous abbreviations never match on their own', () => {
    const abbreviations = ambiguousAbbreviations();
    assert.deepEqual([...abbreviations].sort(), ['AM', 'CI', 'IM', 'PM', 'RM', 'SCM', 'SD', 'SRM']);
    for (const abbreviation of abbreviations) {
      assert.deepEqual(mentions(`The ${abbreviation} team met.`), [], abbreviation);
    }
  });

  test('unambiguous abbreviations match in capitals only, so names and units stay prose', () => {
    assert.deepEqual(mentions('SAM, SLA and CMDB; Sam, sla and 5 km'), [
      'SAM → practice:it-asset-management',
      'SLA → concept:service-level-agreement',
      'CMDB → practice:service-configuration-management',
    ]);
    assert.deepEqual(mentions('PfM, PFM, pfm'), ['PfM → practice:portfolio-management', 'PFM → practice:portfolio-management']);
    assert.deepEqual(mentions('SACM and ITSCM'), [
      'SACM → legacy:service-asset-and-configuration-management',
      'ITSCM → legacy:it-service-continuity-management',
    ]);
  });

  test('"&" reads as "and" inside names', () => {
    assert.deepEqual(mentions('Workforce & talent management'), [
      'Workforce & talent management → practice:workforce-and-talent-management',
    ]);
  });

  test('a sub-range scan reports only whole words inside it', () => {
    const text = 'xx incident management yy';
    assert.deepEqual(index.findAll(text, 3, 22).map((match) => match.term.id), ['incident-management']);
    assert.deepEqual(index.findAll(text, 4, 22), []);
    assert.deepEqual(index.findAll(text, 3, 21).map((match) => match.term.id), ['incident']);
    assert.deepEqual(index.findAll(text, 50, 10), []);
  });

  test('findAt returns the mention under an offset', () => {
    const text = 'Our incident management team, not the event management one.';
    const at = (word: string): TermMatch | undefined => index.findAt(text, text.indexOf(word));
    assert.equal(at('incident')?.term.id, 'incident-management');
    assert.equal(at('management team')?.term.id, 'incident-management');
    assert.equal(at('team'), undefined);
    assert.equal(at('event')?.term.id, 'event-management');
    assert.equal(index.findAt(text, -1), undefined);
    assert.equal(index.findAt(text, text.length), undefined);
  });

  test('findAt only reads a window around the offset', () => {
    const filler = 'The team met to talk. '.repeat(50_000);
    const text = `${filler}Our monitoring and event management is new. ${filler}`;
    let charReads = 0;
    const counting = new Proxy(new String(text), {
      get(target, property, receiver) {
        if (property === 'charCodeAt') {
          return (position: number) => {
            charReads++;
            return text.charCodeAt(position);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(text) : value;
      },
    }) as unknown as string;
    const match = index.findAt(counting, text.indexOf('event'));
    assert.equal(match?.term.id, 'monitoring-and-event-management');
    assert.ok(charReads < 5_000, `read ${charReads} characters of ${text.length}`);
  });

  test('normalized forms keep words, "/" and "and"', () => {
    assert.equal(normalizeForm('Obtain / Build'), 'obtain/build');
    assert.equal(normalizeForm('Design & Transition'), 'design and transition');
    assert.equal(normalizeForm('D&T'), 'd and t');
    assert.equal(normalizeForm('7-Step Improvement Process'), '7 step improvement process');
  });

  test('the first of two terms sharing a form keeps it', () => {
    const custom = createTermIndex(
      [
        { text: 'Widget', term: { kind: 'concept', id: 'first' } },
        { text: 'widget', term: { kind: 'concept', id: 'second' } },
      ],
      [{ text: 'WIDGET', topic: 'itsm' }],
    );
    assert.deepEqual(custom.findAll('a widget').map((match) => match.term.id), ['first']);
    assert.equal(custom.formCount, 1);
  });
});

const vocabulary = [
  ...new Set(
    modelTermForms()
      .map((form) => form.text)
      .concat(['the', 'and', 'of', 'management', 'service', 'event', 'a', 'ITIL 4', 'our', 'plan'])
      .flatMap((text) => [text, ...text.split(/\s+/)]),
  ),
];
const separators = [' ', '  ', '\n', '\n\n', ', ', '. ', ' & ', '/', ' / ', '-', '**', '_', '\n> ', '\n- ', '`', '(', ')', ' and ', '\t', 'é', '_x_'];
const proseArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators), fc.boolean()), { maxLength: 40 })
  .map((parts) => parts.map(([word, separator, upper]) => (upper ? word.toUpperCase() : word) + separator).join(''));
const anyText = fc.oneof(proseArbitrary, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

suite('Term matcher properties', () => {
  test('never throws, and reports ordered, non-overlapping ranges inside the text', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: -5, max: 300 }), fc.integer({ min: -5, max: 300 }), (text, start, end) => {
        const found = index.findAll(text, start, end);
        let previousEnd = Math.max(0, start);
        for (const match of found) {
          assert.ok(match.start >= previousEnd && match.end > match.start && match.end <= Math.min(end, text.length));
          previousEnd = match.end;
        }
        index.findAt(text, start);
      }),
      { numRuns: 2000 },
    );
  });

  test('every reported range spells one of its term’s forms', () => {
    fc.assert(
      fc.property(proseArbitrary, (text) => {
        for (const match of index.findAll(text)) {
          const written = spelling(text.slice(match.start, match.end));
          const forms = formsByTerm.get(`${match.term.kind}:${match.term.id}`) ?? [];
          assert.ok(forms.includes(written), `"${written}" is not a form of ${match.term.id}: ${forms.join(' | ')}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('a term written alone between spaces is always found whole', () => {
    const forms = modelTermForms();
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.constantFrom(' ', '\n', ' (', '. '), (form, around) => {
        const text = `intro${around}${form.text}${around === ' (' ? ')' : around}outro`;
        const found = index.findAll(text);
        const at = text.indexOf(form.text);
        assert.ok(found.some((match) => match.start === at && match.end === at + form.text.length), `${form.text} in ${JSON.stringify(text)}`);
      }),
    );
  });

  test('findAt agrees with a scan of the whole text', () => {
    fc.assert(
      fc.property(proseArbitrary, fc.nat(), (text, seed) => {
        if (text.length === 0) return;
        const offset = seed % text.length;
        const expected = index.findAll(text).find((match) => match.start <= offset && offset < match.end);
        assert.deepEqual(index.findAt(text, offset), expected, `offset ${offset} in ${JSON.stringify(text)}`);
      }),
      { numRuns: 3000 },
    );
  });
});
