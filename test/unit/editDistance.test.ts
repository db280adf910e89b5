import * as assert from 'node:assert/strict';
import { closestMatches, editDistance } from '../../src/model/terms/editDistance';

suite('Edit distance', () => {
  test('counts insertions, deletions, substitutions and swaps', () => {
    assert.equal(editDistance('title', 'title'), 0);
    assert.equal(editDistance('titel', 'title'), 1);
    assert.equal(editDistance('engag', 'engage'), 1);
    assert.equal(editDistance('plan', 'plant'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  test('suggests close candidates best first and nothing for far ones', () => {
    const fields = ['id', 'activity', 'title', 'practices', 'after', 'duration', 'lag'];
    assert.deepEqual(closestMatches('titel', fields, (field) => [field]), ['title']);
    assert.deepEqual(closestMatches('practises', fields, (field) => [field]), ['practices']);
    assert.deepEqual(closestMatches('colour', fields, (field) => [field]), []);
    assert.deepEqual(closestMatches('', fields, (field) => [field]), []);
  });

  test('a (mistyped) beginning of a long name suggests it', () => {
    const names = ['deliver-and-support', 'design-and-transition'];
    assert.deepEqual(closestMatches('deliver', names, (name) => [name]), ['deliver-and-support']);
    assert.deepEqual(closestMatches('dliver', names, (name) => [name]), ['deliver-and-support']);
  });
});
