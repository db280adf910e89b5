import * as assert from 'node:assert/strict';
import { ACTIVITIES, getActivity } from '../../src/model/itil/activities';
import {
  activityKey,
  buildPracticesTree,
  buildValueChainTree,
  foundationMarker,
  practiceKey,
  type ExplorerNode,
} from '../../src/model/explorer/explorerTree';
import { getPractice, PRACTICES } from '../../src/model/itil/practices';
import { ITIL4 } from '../../src/model/itil/editions';

function labels(nodes: readonly ExplorerNode[]): string[] {
  return nodes.map((node) => node.label);
}

suite('Explorer trees', () => {
  const valueChain = buildValueChainTree(ITIL4);
  const practices = buildPracticesTree(ITIL4);

  test('the value chain lists demand, the six activities in seed order, then value', () => {
    assert.deepEqual(labels(valueChain.roots), [
      'Demand / Opportunity',
      'Plan',
      'Improve',
      'Engage',
      'Design & Transition',
      'Obtain/Build',
      'Deliver & Support',
      'Value / Products & Services',
    ]);
  });

  test('entry and exit nodes list the activities they connect to', () => {
    const [demand] = valueChain.roots;
    const value = valueChain.roots.at(-1);
    assert.deepEqual(labels(demand?.children ?? []), ['Plan', 'Engage', 'Improve']);
    assert.equal(demand?.detail, 'enters via Plan, Engage, Improve');
    assert.deepEqual(labels(value?.children ?? []), ['Deliver & Support', 'Obtain/Build', 'Engage']);
    assert.ok(value?.children.every((child) => child.kind === 'activityLink'));
  });

  test('an activity expands into purpose, inputs, outputs, what it enables, key practices and caveats', () => {
    const engage = valueChain.node(activityKey('engage'));
    assert.ok(engage);
    assert.deepEqual(labels(engage.children), ['Purpose', 'Inputs', 'Outputs', 'What it enables', 'Key practices', 'Exam caveats']);
    const [purpose, inputs, outputs, enables, keyPractices, caveats] = engage.children;
    assert.equal(purpose?.detail, getActivity('engage').purpose);
    assert.deepEqual(labels(inputs?.children ?? []), getActivity('engage').inputs);
    assert.deepEqual(labels(outputs?.children ?? []), getActivity('engage').outputs);
    assert.deepEqual(labels(enables?.children ?? []), getActivity('engage').enables);
    assert.deepEqual(labels(keyPractices?.children ?? []), ['Service desk', 'Relationship management', 'Service level management']);
    assert.ok(keyPractices?.children.every((child) => child.kind === 'practice' && child.practiceId));
    assert.deepEqual(labels(caveats?.children ?? []), getActivity('engage').caveats);
  });

  test('activities without caveats have no empty caveats section', () => {
    for (const activity of ACTIVITIES) {
      const node = valueChain.node(activityKey(activity.id));
      const hasCaveats = node?.children.some((child) => child.kind === 'caveats');
      assert.equal(hasCaveats, activity.caveats.length > 0, activity.name);
    }
  });

  test('practices are grouped 14 / 17 / 3 with counts in the group labels', () => {
    assert.deepEqual(labels(practices.roots), [
      'General management (14)',
      'Service management (17)',
      'Technical management (3)',
    ]);
    assert.deepEqual(
      practices.roots.map((group) => group.children.length),
      [14, 17, 3],
    );
  });

  test('practice nodes carry Foundation markers and expand into the activities they contribute to', () => {
    const incident = practices.node(practiceKey('incident-management'));
    assert.equal(incident?.detail, 'Foundation: studied in detail');
    assert.deepEqual(labels(incident?.children ?? []), ['Engage', 'Deliver & Support']);
    assert.equal(practices.node(practiceKey('information-security-management'))?.detail, 'Foundation: purpose');
    assert.equal(practices.node(practiceKey('architecture-management'))?.detail, '');
    const marked = PRACTICES.filter((practice) => foundationMarker(practice, ITIL4) !== '');
    assert.equal(marked.length, 15);
    assert.equal(PRACTICES.filter((practice) => foundationMarker(practice, ITIL4) === 'Foundation: studied in detail').length, 7);
  });

  test('every node has a unique key and its parent lists it as a child', () => {
    for (const tree of [valueChain, practices]) {
      const keys = tree.all().map((node) => node.key);
      assert.equal(new Set(keys).size, keys.length);
      for (const node of tree.all()) {
        const siblings = node.parent ? node.parent.children : tree.roots;
        assert.ok(siblings.includes(node), node.key);
        assert.equal(tree.node(node.key), node);
      }
    }
  });

  test('a key practice under an activity knows both its practice and its activity', () => {
    const node = valueChain.node(`${activityKey('plan')}/practices/portfolio-management`);
    assert.equal(node?.practiceId, 'portfolio-management');
    assert.equal(node?.activityId, 'plan');
    assert.equal(node?.label, getPractice('portfolio-management').name);
    assert.equal(node?.parent?.parent, valueChain.node(activityKey('plan')));
  });
});
