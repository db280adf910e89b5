import * as assert from 'node:assert/strict';
import { SOURCE_UNCERTAIN_BADGE, cardToMarkdown, lifecycleCard, lifecycleStageCard, practiceCard } from '../../src/model/cards';
import { EDITIONS, getEdition, practiceGroupLabel } from '../../src/model/editions';
import { SOURCE_UNCERTAIN_DETAIL, buildPracticesTree, practiceKey } from '../../src/model/explorerTree';
import { lifecycleFlowchart, lifecycleNodeId } from '../../src/model/mermaid';
import { PRACTICES, practicesInGroup } from '../../src/model/practices';

suite('ITIL editions', () => {
  test('every edition groups each of the 34 practices exactly once', () => {
    const ids = PRACTICES.map((practice) => practice.id).sort();
    for (const edition of EDITIONS) {
      const grouped = edition.practiceGroups.flatMap((group) => group.practiceIds);
      assert.deepEqual([...grouped].sort(), ids, edition.id);
    }
  });

  test('ITIL 4 groups agree with the practice records: 14/17/3', () => {
    const itil4 = getEdition('itil4');
    assert.deepEqual(itil4.practiceGroups.map((group) => group.practiceIds.length), [14, 17, 3]);
    for (const group of itil4.practiceGroups) {
      assert.deepEqual(group.practiceIds, practicesInGroup(group.id as 'general' | 'service' | 'technical').map((practice) => practice.id));
    }
  });

  test('ITIL (Version 5) has 12 general and 22 product and service practices and an eight-stage lifecycle', () => {
    const itil5 = getEdition('itil5');
    assert.deepEqual(itil5.practiceGroups.map((group) => group.practiceIds.length), [12, 22]);
    assert.deepEqual(
      itil5.lifecycle.map((stage) => stage.id),
      ['discover', 'design', 'acquire', 'build', 'transition', 'operate', 'deliver', 'support'],
    );
    assert.equal(practiceGroupLabel(itil5, 'information-security-management'), 'Product and service management practices');
    assert.equal(practiceGroupLabel(itil5, 'deployment-management'), 'Product and service management practices');
    assert.ok(itil5.uncertainFacts.length > 0);
  });

  test('an unknown edition falls back to ITIL 4', () => {
    assert.equal(getEdition('itil3').id, 'itil4');
    assert.equal(getEdition(undefined).id, 'itil4');
  });

  test('every ITIL (Version 5) practice sits in exactly one group, and the group split is marked uncertain', () => {
    const itil5 = getEdition('itil5');
    for (const practice of PRACTICES) {
      assert.equal(itil5.practiceGroups.filter((group) => group.practiceIds.includes(practice.id)).length, 1, practice.id);
    }
    assert.ok(itil5.practiceGroups.every((group) => group.uncertainty !== undefined && group.uncertainty.length > 0));
    assert.ok(getEdition('itil4').practiceGroups.every((group) => group.uncertainty === undefined), 'the ITIL 4 groups come from the book');
  });

  test('the lifecycle stages carry a source note, and ITIL 4 has no lifecycle', () => {
    const itil5 = getEdition('itil5');
    assert.equal(itil5.lifecycle.length, 8);
    assert.ok(itil5.lifecycle.every((stage) => stage.uncertainty !== undefined && stage.summary.length > 0));
    assert.ok(itil5.lifecycleUncertainty);
    assert.deepEqual(getEdition('itil4').lifecycle, []);
  });
});

suite('ITIL editions: views, cards and diagram', () => {
  function groupCounts(edition: 'itil4' | 'itil5'): string[] {
    return buildPracticesTree(getEdition(edition)).roots.map((group) => `${group.label}|${group.detail}|${group.children.length}`);
  }

  test('the Practices tree groups by edition, marking uncertain groups', () => {
    assert.deepEqual(groupCounts('itil4'), ['General management (14)||14', 'Service management (17)||17', 'Technical management (3)||3']);
    assert.deepEqual(groupCounts('itil5'), [
      `General management (12)|${SOURCE_UNCERTAIN_DETAIL}|12`,
      `Product and service management (22)|${SOURCE_UNCERTAIN_DETAIL}|22`,
    ]);
    const tree = buildPracticesTree(getEdition('itil5'));
    const security = tree.node(practiceKey('information-security-management'));
    assert.equal(security?.parent?.group, 'product-and-service');
    assert.match(security?.parent?.tooltip ?? '', /source uncertain/);
  });

  test('practice cards name the edition’s group and say when its source is uncertain', () => {
    const itil4 = practiceCard('information-security-management');
    assert.equal(itil4.subtitle, 'General management practice (ITIL 4 §5.1.3)');
    assert.ok(!itil4.badges.includes(SOURCE_UNCERTAIN_BADGE));
    const itil5 = practiceCard('information-security-management', getEdition('itil5'));
    assert.equal(itil5.subtitle, 'Product and service management practice (ITIL (Version 5); ITIL 4 §5.1.3)');
    assert.ok(itil5.badges.includes(SOURCE_UNCERTAIN_BADGE));
    assert.match(cardToMarkdown(itil5, { commandLinks: false }), /`Source uncertain`[\s\S]*\*\*About this grouping\*\*/);
  });

  test('lifecycle cards place each stage and carry the source note', () => {
    const itil5 = getEdition('itil5');
    const acquire = lifecycleStageCard(itil5, 'acquire');
    assert.equal(acquire.title, 'Acquire');
    assert.deepEqual(acquire.badges, [SOURCE_UNCERTAIN_BADGE]);
    assert.match(cardToMarkdown(acquire, { commandLinks: false }), /Stage 3 of 8, after Design, before Build\./);
    const overview = lifecycleCard(itil5);
    assert.equal(overview.subtitle, 'ITIL (Version 5): 8 stages');
    assert.throws(() => lifecycleStageCard(itil5, 'retire'), /Unknown lifecycle stage/);
  });

  test('the lifecycle diagram chains the eight stages in order inside a frame that flags uncertain sources', () => {
    const diagram = lifecycleFlowchart(getEdition('itil5'));
    assert.deepEqual(
      diagram.nodes.map((node) => node.label),
      ['Discover', 'Design', 'Acquire', 'Build', 'Transition', 'Operate', 'Deliver', 'Support'],
    );
    const edges = diagram.source.split('\n').filter((line) => line.includes('-->')).map((line) => line.trim());
    assert.equal(edges.length, 7);
    assert.equal(edges[0], `${lifecycleNodeId('discover')} --> ${lifecycleNodeId('design')}`);
    assert.equal(edges[6], `${lifecycleNodeId('deliver')} --> ${lifecycleNodeId('support')}`);
    assert.match(diagram.source, /subgraph LC\["ITIL #40;Version 5#41; product and service lifecycle #40;source uncertain#41;"\]/);
    assert.match(diagram.source, /subgraph LC\[[^\n]*\]\n {4}direction TB\n/, 'one column: a row of eight is too small to read');
    assert.match(diagram.source, /accTitle: ITIL #40;Version 5#41; product and service lifecycle/);
    assert.match(diagram.source, /class LC_discover,.*LC_support uncertain/);
  });
});

