import * as assert from 'node:assert/strict';
import {
  ACTIVITIES,
  ACTIVITY_IDS,
  ACTIVITY_LINKS,
  ENTRY_ACTIVITY_IDS,
  VALUE_ACTIVITY_IDS,
  linkedActivities,
  resolveActivity,
} from '../../src/model/itil/activities';
import { ITIL4 } from '../../src/model/itil/editions/itil4';
import { PRACTICES, findPractice, getPractice, resolvePractice } from '../../src/model/itil/practices';
import { DIMENSIONS, GUIDING_PRINCIPLES, KEY_CONCEPTS, SVS_COMPONENTS } from '../../src/model/itil/concepts';
import { LEGACY_TERMS, resolveLegacyTerm } from '../../src/model/itil/legacyTerms';
import { EXAMPLE_STREAMS, EXAMPLE_TIMINGS } from '../../src/model/itil/exampleStreams';
import { parseValueStreams } from '../../src/model/yamlParsers';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Key practices as the seed's quick-reference table names them, per activity. */
const SEED_QUICK_REFERENCE: Record<string, string[]> = {
  plan: ['Strategy management', 'portfolio management'],
  improve: ['Continual improvement'],
  engage: ['Service desk', 'relationship management', 'SLM'],
  'design-and-transition': ['Change enablement', 'release management'],
  'obtain-build': ['Deployment management', 'IT asset management'],
  'deliver-and-support': ['Incident management', 'service request management'],
};

suite('ITIL 4 facts', () => {
  test('six activities in the seed order', () => {
    assert.deepEqual(
      ACTIVITIES.map((activity) => activity.name),
      ['Plan', 'Improve', 'Engage', 'Design & Transition', 'Obtain/Build', 'Deliver & Support'],
    );
    assert.deepEqual(ACTIVITIES.map((activity) => activity.id), [...ACTIVITY_IDS]);
  });

  test('every activity has three inputs, three outputs and three things it enables', () => {
    for (const activity of ACTIVITIES) {
      assert.equal(activity.inputs.length, 3, activity.name);
      assert.equal(activity.outputs.length, 3, activity.name);
      assert.equal(activity.enables.length, 3, activity.name);
      assert.ok(activity.purpose.length > 40, activity.name);
    }
  });

  test('the seed quick reference key practices resolve to practice records', () => {
    for (const activity of ACTIVITIES) {
      const expected = (SEED_QUICK_REFERENCE[activity.id] ?? []).map((name) => resolvePractice(name));
      assert.ok(expected.every(Boolean), `unresolved key practice for ${activity.name}`);
      assert.deepEqual([...activity.keyPracticeIds], expected);
      for (const id of activity.keyPracticeIds) {
        assert.ok(findPractice(id)?.activities.includes(activity.id), `${id} should contribute to ${activity.id}`);
      }
    }
  });

  test('flowchart links follow the seed', () => {
    assert.deepEqual([...ENTRY_ACTIVITY_IDS].sort(), ['engage', 'improve', 'plan']);
    assert.deepEqual([...VALUE_ACTIVITY_IDS].sort(), ['deliver-and-support', 'engage', 'obtain-build']);
    assert.equal(ACTIVITY_LINKS.length, 10);
    assert.deepEqual(
      linkedActivities('design-and-transition').map((activity) => activity.id),
      ['plan', 'improve', 'engage', 'obtain-build'],
    );
    assert.deepEqual(
      linkedActivities('improve').map((activity) => activity.id),
      ['design-and-transition', 'obtain-build', 'deliver-and-support'],
    );
  });

  test('activity written forms resolve', () => {
    assert.equal(resolveActivity('Design and Transition'), 'design-and-transition');
    assert.equal(resolveActivity('obtain / build'), 'obtain-build');
    assert.equal(resolveActivity('Deliver & Support'), 'deliver-and-support');
    assert.equal(resolveActivity('deliver-and-support'), 'deliver-and-support');
    assert.equal(resolveActivity('operate'), undefined);
  });

  test('34 practices: 14 general, 17 service, 3 technical', () => {
    assert.equal(PRACTICES.length, 34);
    assert.deepEqual(
      ITIL4.practiceGroups.map((group) => `${group.id} ${group.practiceIds.length}`),
      ['general 14', 'service 17', 'technical 3'],
    );
    assert.equal(new Set(PRACTICES.map((practice) => practice.id)).size, 34);
  });

  test('within each group the book lists practices alphabetically', () => {
    for (const group of ITIL4.practiceGroups) {
      const names = group.practiceIds.map((id) => getPractice(id).name.toLowerCase());
      assert.deepEqual(names, [...names].sort(), group.id);
    }
  });

  test('Foundation markers: 15 examinable purposes, 7 studied in detail, the 7 among the 15', () => {
    assert.equal(PRACTICES.filter((practice) => practice.examinablePurpose).length, 15);
    const detailed = PRACTICES.filter((practice) => practice.studiedInDetail);
    assert.deepEqual(
      detailed.map((practice) => practice.id).sort(),
      [
        'change-enablement',
        'continual-improvement',
        'incident-management',
        'problem-management',
        'service-desk',
        'service-level-management',
        'service-request-management',
      ],
    );
    assert.ok(detailed.every((practice) => practice.examinablePurpose));
  });

  test('every practice contributes to at least one activity and has a purpose', () => {
    for (const practice of PRACTICES) {
      assert.ok(practice.activities.length > 0, practice.name);
      assert.ok(practice.activities.every((id) => (ACTIVITY_IDS as readonly string[]).includes(id)), practice.name);
      assert.ok(practice.purpose.endsWith('.'), practice.name);
    }
  });

  test('every alias is unique or marked ambiguous', () => {
    const owners = new Map<string, { ids: Set<string>; ambiguous: boolean }>();
    for (const practice of PRACTICES) {
      for (const name of [practice.name, ...practice.aliases.map((alias) => alias.text)]) {
        const key = name.toLowerCase();
        const entry = owners.get(key) ?? { ids: new Set<string>(), ambiguous: false };
        entry.ids.add(practice.id);
        entry.ambiguous ||= practice.aliases.some((alias) => alias.text.toLowerCase() === key && alias.ambiguous === true);
        owners.set(key, entry);
      }
    }
    for (const [alias, { ids, ambiguous }] of owners) {
      assert.ok(ids.size === 1 || ambiguous, `alias "${alias}" is shared by ${[...ids].join(', ')} but not marked ambiguous`);
    }
    for (const shared of ['ci', 'sd', 'pm', 'rm', 'scm']) {
      assert.ok(owners.get(shared)?.ambiguous, `${shared} must be ambiguous`);
    }
  });

  test('7 guiding principles, 4 dimensions, 5 SVS components, key concepts defined', () => {
    assert.equal(GUIDING_PRINCIPLES.length, 7);
    assert.equal(DIMENSIONS.length, 4);
    assert.equal(SVS_COMPONENTS.length, 5);
    assert.ok(KEY_CONCEPTS.length >= 30);
    for (const concept of [...KEY_CONCEPTS, ...GUIDING_PRINCIPLES, ...DIMENSIONS, ...SVS_COMPONENTS]) {
      assert.ok(concept.definition.length > 5, concept.name);
    }
  });

  test('every legacy term maps to existing practices', () => {
    for (const term of LEGACY_TERMS) {
      assert.ok(term.practiceIds.length > 0, term.term);
      for (const id of term.practiceIds) {
        assert.ok(findPractice(id), `${term.term} → ${id}`);
      }
      if (term.mapping === 'absorbed') {
        assert.equal(term.replacements.length, 0, term.term);
      } else {
        assert.ok(term.replacements.length > 0, term.term);
      }
      if (term.mapping === 'split') {
        assert.ok(term.replacements.length >= 2, term.term);
      }
    }
  });

  test('legacy names never shadow an ITIL 4 practice name', () => {
    for (const practice of PRACTICES) {
      assert.equal(resolveLegacyTerm(practice.name), undefined, practice.name);
    }
    assert.equal(resolveLegacyTerm('SACM')?.mapping, 'split');
    assert.equal(resolveLegacyTerm('request fulfillment')?.replacements[0], 'service request management');
    assert.equal(resolveLegacyTerm('Access Management')?.mapping, 'absorbed');
  });

  test('the seed example streams are the three scenarios of its Gantt chart', () => {
    assert.deepEqual(
      EXAMPLE_STREAMS.map((stream) => stream.id),
      ['new-service-deployment', 'incident-resolution', 'service-request-fulfilment'],
    );
    for (const stream of EXAMPLE_STREAMS) {
      assert.ok(EXAMPLE_TIMINGS[stream.id], stream.id);
    }
  });

  test('every step of the example streams names practices that contribute to its activity, in the snippets too', () => {
    const snippetBodies = ['markdown', 'valuestream'].map((file) => {
      const snippets = JSON.parse(readFileSync(path.join(ROOT, 'snippets', `${file}.code-snippets`), 'utf8')) as Record<string, { body: string[] }>;
      return Object.values(snippets).map((snippet) => snippet.body.join('\n'));
    });
    for (const stream of EXAMPLE_STREAMS) {
      const [parsed] = parseValueStreams(stream.source).streams;
      assert.ok(parsed, stream.id);
      for (const step of parsed.steps) {
        for (const practice of step.practices) {
          assert.ok(practice.practiceId && step.activity && getPractice(practice.practiceId).activities.includes(step.activity), `${stream.id}: ${practice.text} in ${step.activity ?? '?'}`);
        }
        const practiceLine = `practices: [${step.practices.map((practice) => practice.text).join(', ')}]`;
        for (const bodies of snippetBodies) {
          const snippet = bodies.find((body) => body.includes(`\${1:${stream.name}}`));
          if (snippet) assert.ok(snippet.includes(practiceLine), `${stream.id} snippet: ${practiceLine}`);
        }
      }
    }
    assert.deepEqual(getPractice('deployment-management').activities, ['design-and-transition', 'obtain-build', 'improve']);
  });

  test('Improve’s caveat, its links and its card tell the same story as the seed’s flowchart', () => {
    const improve = ACTIVITIES.find((activity) => activity.id === 'improve');
    assert.ok(improve);
    const caveats = improve.caveats.join(' ');
    assert.doesNotMatch(caveats, /linked directly|direct links/i);
    assert.match(caveats, /feeds every other activity/);
    assert.deepEqual(
      linkedActivities('improve').map((activity) => activity.id),
      ['design-and-transition', 'obtain-build', 'deliver-and-support'],
    );
    assert.ok(ENTRY_ACTIVITY_IDS.includes('improve'));
  });
});

