import * as assert from 'node:assert/strict';
import { isActivityMention } from '../../src/model/terms/activityMentions';
import { termIndex } from '../../src/model/terms/termMatcher';

/** The activity mentions the rule keeps in `text`, as written. */
function kept(text: string): string[] {
  return termIndex()
    .findAll(text)
    .filter((match) => match.term.kind === 'activity' && isActivityMention(text, match))
    .map((match) => text.slice(match.start, match.end));
}

suite('Activity mentions', () => {
  test('everyday verbs and nouns are not the activities', () => {
    for (const sentence of [
      'We plan to migrate the CMDB next quarter.',
      'The plan is to improve first-time fix rates.',
      'Plan the cut-over for a quiet weekend.',
      'Improve the wording before the review.',
      'Engage with the supplier early.',
      'Our plan, once approved, goes to the board.',
      'Teams engage customers through the portal and improve it every sprint.',
      'We plan activities for next year.',
    ]) {
      assert.deepEqual(kept(sentence), [], sentence);
    }
  });

  test('the activities, capitalised inside a sentence or named as an activity, count', () => {
    assert.deepEqual(kept('Outputs of Plan feed Improve and Engage.'), ['Plan', 'Improve', 'Engage']);
    assert.deepEqual(kept('The plan activity sets direction; the Engage activity faces customers.'), ['plan', 'Engage']);
    assert.deepEqual(kept('Findings go to “Improve” for triage.'), ['Improve']);
    assert.deepEqual(kept('Demand enters through **Engage**.'), ['Engage']);
  });

  test('a capitalised name at the start of a heading, list item, table cell or sentence counts unless it reads as an imperative', () => {
    assert.deepEqual(kept('## Plan\n\nWhat we agree.'), ['Plan']);
    assert.deepEqual(kept('- **Engage:** talk to customers'), ['Engage']);
    assert.deepEqual(kept('| Improve | Problem manager |'), ['Improve']);
    assert.deepEqual(kept('Plan, Improve and Engage are three of the six activities.'), ['Plan', 'Improve', 'Engage']);
    assert.deepEqual(kept('Plan and Improve share the same inputs.'), ['Plan', 'Improve']);
    assert.deepEqual(kept('1. Engage\n2. Plan the response'), ['Engage']);
    assert.deepEqual(kept('Note: Plan the response first.'), []);
    assert.deepEqual(kept('Engage comes first. Plan is where direction is set. Improve reviews the findings.'), ['Engage', 'Plan', 'Improve']);
    assert.deepEqual(kept('Engage with the board. Improve how we log calls. Plan for the peak.'), []);
  });

  test('names of several words count in any case', () => {
    assert.deepEqual(kept('the work of design and transition ends here'), ['design and transition']);
    assert.deepEqual(kept('we hand over to deliver and support'), ['deliver and support']);
    assert.deepEqual(kept('Obtain/build buys the laptops; then D&T and O/B again.'), ['Obtain/build', 'D&T', 'O/B']);
  });
});
