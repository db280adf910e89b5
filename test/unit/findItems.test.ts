import * as assert from 'node:assert/strict';
import { ACTIVITIES } from '../../src/model/itil/activities';
import { ALL_CONCEPTS } from '../../src/model/itil/concepts';
import { buildValueChainTree, buildPracticesTree } from '../../src/model/explorer/explorerTree';
import { findItems } from '../../src/model/explorer/findItems';
import { isKnownRef, parseCardLinkMessage, refFromId, refOfNode } from '../../src/model/explorer/itemRefs';
import { LEGACY_TERMS } from '../../src/model/itil/legacyTerms';
import { PRACTICES } from '../../src/model/itil/practices';
import { ITIL4 } from '../../src/model/itil/editions';
import { cardForRef } from '../../src/model/cards';

suite('Find items and item references', () => {
  const items = findItems(ITIL4);

  test('the finder covers every activity, practice, concept and outdated term, plus entry and exit', () => {
    const count = (kind: string) => items.filter((item) => item.kind === kind).length;
    assert.equal(count('activity'), ACTIVITIES.length);
    assert.equal(count('practice'), PRACTICES.length);
    assert.equal(count('concept'), ALL_CONCEPTS.length);
    assert.equal(count('legacy'), LEGACY_TERMS.length);
    assert.equal(count('demand'), 1);
    assert.equal(count('value'), 1);
    assert.ok(items.some((item) => item.category === 'Guiding principle' && item.name === 'Focus on value'));
    assert.ok(items.some((item) => item.category === 'Dimension of service management' && item.name === 'Partners and suppliers'));
  });

  test('aliases and written forms travel with their item', () => {
    const byName = (name: string) => items.find((item) => item.name === name);
    assert.ok(byName('Service level management')?.aliases.includes('SLM'));
    assert.ok(byName('Design & Transition')?.aliases.includes('Design and Transition'));
    assert.ok(byName('Service level agreement')?.aliases.includes('SLA'));
    assert.match(byName('Change Management')?.category ?? '', /change enablement/);
  });

  test('every item id resolves back to an item of its own kind and has a card', () => {
    const shadowed: string[] = [];
    for (const item of items) {
      const ref = refFromId(item.id);
      if (ref?.kind !== item.kind) {
        shadowed.push(`${item.kind}:${item.id}`);
        continue;
      }
      assert.deepEqual(ref, { kind: item.kind, id: item.id }, item.name);
      assert.equal(cardForRef({ kind: item.kind, id: item.id }, ITIL4).title, item.name);
    }
    // A bare "value" means the chain's exit; the concept card is still reachable by kind and id.
    assert.deepEqual(shadowed, ['concept:value']);
    assert.equal(refFromId('no-such-thing'), undefined);
    assert.equal(isKnownRef({ kind: 'practice', id: 'plan' }), false);
  });

  test('a tree node refers to the practice it shows, otherwise to its activity', () => {
    const valueChain = buildValueChainTree(ITIL4);
    const keyPractice = valueChain.node('activity:engage/practices/service-desk');
    assert.deepEqual(keyPractice && refOfNode(keyPractice), { kind: 'practice', id: 'service-desk' });
    const input = valueChain.node('activity:engage/inputs/0');
    assert.deepEqual(input && refOfNode(input), { kind: 'activity', id: 'engage' });
    const demand = valueChain.node('demand');
    assert.deepEqual(demand && refOfNode(demand), { kind: 'demand', id: 'demand' });
    const group = buildPracticesTree(ITIL4).roots[0];
    assert.equal(group && refOfNode(group), undefined);
  });

  test('card link messages are accepted only in the shapes cards produce', () => {
    assert.deepEqual(parseCardLinkMessage({ type: 'runCommand', command: 'svc.revealInValueChain', args: ['service-desk'] }), {
      command: 'svc.revealInValueChain',
      ref: { kind: 'practice', id: 'service-desk' },
    });
    assert.deepEqual(parseCardLinkMessage({ type: 'runCommand', command: 'svc.openDiagram', args: ['plan'] }), {
      command: 'svc.openDiagram',
      activityId: 'plan',
    });
    assert.deepEqual(parseCardLinkMessage({ type: 'runCommand', command: 'svc.openDiagram', args: [] }), {
      command: 'svc.openDiagram',
      activityId: undefined,
    });
    for (const bad of [
      null,
      'svc.openDiagram',
      { type: 'runCommand', command: 'workbench.action.terminal.new', args: [] },
      { type: 'runCommand', command: 'svc.revealInValueChain', args: ['unknown-id'] },
      { type: 'runCommand', command: 'svc.revealInValueChain', args: [42] },
      { type: 'runCommand', command: 'svc.revealInValueChain', args: ['plan', 'engage'] },
      { type: 'runCommand', command: 'svc.openDiagram', args: ['service-desk'] },
      { type: 'other', command: 'svc.openDiagram', args: [] },
      { type: 'runCommand', command: 'svc.openDiagram', args: 'plan' },
    ]) {
      assert.equal(parseCardLinkMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  test('an outdated name is found by its abbreviations too', () => {
    const cab = findItems(ITIL4).find((item) => item.kind === 'legacy' && item.id === 'change-advisory-board');
    assert.ok(cab?.aliases.includes('CAB'), JSON.stringify(cab));
    assert.ok(findItems(ITIL4).find((item) => item.id === 'request-for-change')?.aliases.includes('RFC'));
  });
});

