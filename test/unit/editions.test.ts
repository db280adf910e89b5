import * as assert from 'node:assert/strict';
import { SOURCE_UNCERTAIN_BADGE, cardToMarkdown, conceptCard, lifecycleCard, lifecycleStageCard, practiceCard } from '../../src/model/cards';
import { ALL_CONCEPTS } from '../../src/model/itil/concepts';
import { findItems } from '../../src/model/explorer/findItems';
import { practiceTable } from '../../src/model/explorer/markdownTables';
import { builtInTerms } from '../../src/model/terms/effectiveTerms';
import { EDITIONS, getEdition, practiceGroupLabel } from '../../src/model/itil/editions';
import { SOURCE_UNCERTAIN_DETAIL, buildPracticesTree, buildValueChainTree, foundationMarker, practiceKey } from '../../src/model/explorer/explorerTree';
import { lifecycleFlowchart, lifecycleNodeId } from '../../src/model/diagrams/mermaid/lifecycleChart';
import { PRACTICES } from '../../src/model/itil/practices';
import { ITIL4 } from '../../src/model/itil/editions';

suite('ITIL editions', () => {
  test('every edition groups each of the 34 practices exactly once', () => {
    const ids = PRACTICES.map((practice) => practice.id).sort();
    for (const edition of EDITIONS) {
      const grouped = edition.practiceGroups.flatMap((group) => group.practiceIds);
      assert.deepEqual([...grouped].sort(), ids, edition.id);
    }
  });

  test('ITIL 4 has 14/17/3 practices, each group in the order of the practice records (the book\'s)', () => {
    const itil4 = getEdition('itil4');
    assert.deepEqual(itil4.practiceGroups.map((group) => group.practiceIds.length), [14, 17, 3]);
    for (const group of itil4.practiceGroups) {
      const inRecordOrder = PRACTICES.map((practice) => practice.id).filter((id) => group.practiceIds.includes(id));
      assert.deepEqual(group.practiceIds, inRecordOrder, group.id);
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
    const itil4 = practiceCard('information-security-management', getEdition('itil4'));
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

suite('ITIL editions: every place that names a practice\'s group', () => {
  const itil4 = getEdition('itil4');
  const itil5 = getEdition('itil5');

  function categoryOf(edition: typeof itil4, practiceName: string): string | undefined {
    return findItems(edition).find((item) => item.kind === 'practice' && item.name === practiceName)?.category.split(' · ')[0];
  }

  test('Find categorises practices by the edition\'s groups', () => {
    assert.equal(categoryOf(itil4, 'Deployment management'), 'Technical management practice');
    assert.equal(categoryOf(itil5, 'Deployment management'), 'Product and service management practice');
    assert.equal(categoryOf(itil4, 'Service financial management'), 'General management practice');
    assert.equal(categoryOf(itil5, 'Service financial management'), 'Product and service management practice');
    assert.equal(
      findItems(itil5).find((item) => item.name === 'Incident management')?.category,
      'Product and service management practice · ITIL 4 Foundation: studied in detail',
    );
    const practiceCategories = new Set(findItems(itil5).filter((item) => item.kind === 'practice').map((item) => item.category.split(' · ')[0]));
    assert.deepEqual([...practiceCategories].sort(), ['General management practice', 'Product and service management practice']);
  });

  test('the practice table\'s Group row follows the edition, keeping the ITIL 4 book section', () => {
    assert.match(practiceTable('deployment-management', ITIL4), /^\| Group \| Technical management practice \(ITIL 4 §5\.3\.1\) \|$/m);
    assert.match(
      practiceTable('deployment-management', itil5),
      /^\| Group \| Product and service management practice \(ITIL \(Version 5\); ITIL 4 §5\.3\.1\) \|$/m,
    );
    assert.equal(practiceTable('deployment-management', itil5).split('\n').length, practiceTable('deployment-management', ITIL4).split('\n').length);
  });

  test('practice group cards list the edition\'s members, or say where an old group\'s practices went', () => {
    const text = (id: string, edition: typeof itil4): string => cardToMarkdown(conceptCard(id, edition), { commandLinks: false });
    const generalIn5 = conceptCard('general-management-practices', itil5);
    assert.equal(generalIn5.subtitle, 'Practice group (ITIL (Version 5))');
    assert.ok(generalIn5.badges.includes(SOURCE_UNCERTAIN_BADGE));
    assert.ok(generalIn5.sections.some((section) => section.heading === 'Practices (12)'));
    assert.ok(conceptCard('general-management-practices', itil4).sections.some((section) => section.heading === 'Practices (14)'));

    const technicalIn5 = conceptCard('technical-management-practices', itil5);
    assert.equal(technicalIn5.subtitle, 'Practice group of ITIL 4, not of ITIL (Version 5)');
    assert.ok(technicalIn5.badges.includes(SOURCE_UNCERTAIN_BADGE), 'where the practices went rests on the uncertain Version 5 grouping');
    assert.ok(technicalIn5.sections.some((section) => section.heading === 'About this grouping'));
    assert.deepEqual(conceptCard('technical-management-practices', itil4).badges, []);
    assert.match(
      text('technical-management-practices', itil5),
      /Product and service management practices: Deployment management, Infrastructure and platform management, Software development and management/,
    );
    assert.equal(conceptCard('product-and-service-management-practices', itil5).subtitle, 'Practice group (ITIL (Version 5))');
    assert.match(text('product-and-service-management-practices', itil4), /Technical management practices: Deployment management/);
    assert.equal(ALL_CONCEPTS.filter((concept) => concept.kind === 'practice-group').length, 4);
  });

  test('hover cards of built-in terms follow the edition they are asked for', () => {
    const terms = builtInTerms();
    const group = terms.index.findAll('Our product and service management practices')[0];
    assert.deepEqual(group?.term, { kind: 'concept', id: 'product-and-service-management-practices' });
    assert.equal(terms.card({ kind: 'concept', id: 'service-management-practices' }, itil5).subtitle, 'Practice group of ITIL 4, not of ITIL (Version 5)');
    assert.equal(terms.card({ kind: 'practice', id: 'deployment-management' }, itil5).subtitle, 'Product and service management practice (ITIL (Version 5); ITIL 4 §5.3.1)');
  });
});

suite('ITIL editions: what ITIL (Version 5) has not settled is marked', () => {
  const itil4 = getEdition('itil4');
  const itil5 = getEdition('itil5');

  test('the Foundation markers are those of ITIL 4, and say so under ITIL (Version 5)', () => {
    const incident = PRACTICES.find((practice) => practice.id === 'incident-management');
    assert.ok(incident);
    assert.equal(foundationMarker(incident, ITIL4), 'Foundation: studied in detail');
    assert.equal(foundationMarker(incident, itil5), 'ITIL 4 Foundation: studied in detail');
    assert.deepEqual(practiceCard('incident-management', itil5).badges.slice(0, 2), ['ITIL 4 Foundation: purpose examinable', 'ITIL 4 Foundation: studied in detail']);
    assert.match(practiceTable('incident-management', itil5), /^\| ITIL 4 Foundation exam \| purpose examinable, studied in detail \|$/m);
    const keyPractice = buildValueChainTree(itil5).node('activity:engage/practices/service-desk');
    assert.equal(keyPractice?.detail, 'ITIL 4 Foundation: studied in detail');
    assert.ok(itil5.uncertainFacts.some((fact) => /ITIL 4 Foundation syllabus/.test(fact)));
  });

  test('the value system and the four dimensions go by the edition’s names, marked as uncertain', () => {
    const svs = conceptCard('service-value-system', itil5);
    assert.ok(svs.sections.some((section) => section.heading === 'In ITIL (Version 5)' && section.blocks.some((block) => block.kind === 'paragraph' && /ITIL value system/.test(block.text))));
    assert.ok(svs.badges.includes(SOURCE_UNCERTAIN_BADGE));
    assert.equal(conceptCard('organizations-and-people', itil5).subtitle, 'One of the four dimensions of product and service management');
    assert.equal(conceptCard('governance', itil5).subtitle, 'Component of the ITIL value system');
    assert.equal(conceptCard('organizations-and-people', itil4).subtitle, 'One of the four dimensions of service management');
    assert.deepEqual(conceptCard('service-value-system', itil4).badges, []);
  });

  test('the lifecycle’s stages are not said to be agreed by every source', () => {
    assert.doesNotMatch(itil5.lifecycleUncertainty ?? '', /agree/);
    assert.match(itil5.lifecycleUncertainty ?? '', /not from the PeopleCert text/);
  });
});

