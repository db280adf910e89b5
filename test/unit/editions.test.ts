import * as assert from 'node:assert/strict';
import { EDITIONS, getEdition, practiceGroupLabel } from '../../src/model/editions';
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
});
