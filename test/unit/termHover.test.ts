import * as assert from 'node:assert/strict';
import { ITIL4 } from '../../src/model/itil/editions';
import { builtInTerms } from '../../src/model/terms/effectiveTerms';
import { TermHoverRenderer } from '../../src/model/terms/termHover';
import { modelTermForms } from '../../src/model/terms/termMatcher';

suite('Term hover', () => {
  test('every indexed term has a card of its kind', () => {
    for (const form of modelTermForms()) {
      const card = builtInTerms().card(form.term, ITIL4);
      assert.equal(card.kind, form.term.kind, form.text);
      assert.equal(card.id, form.term.id, form.text);
    }
  });

  test('the hover covers the whole name and renders its card', () => {
    const text = 'We moved from Request Fulfilment to service request management last year.';
    const renderer = new TermHoverRenderer({ commandLinks: true }, builtInTerms());
    const legacy = renderer.hoverAt(text, text.indexOf('Fulfilment'), ITIL4);
    assert.equal(legacy && text.slice(legacy.start, legacy.end), 'Request Fulfilment');
    assert.match(legacy?.markdown ?? '', /ITIL v3\/2011 name — ITIL 4 uses “service request management”/);
    const practice = renderer.hoverAt(text, text.indexOf('management last'), ITIL4);
    assert.equal(practice?.term.id, 'service-request-management');
    assert.match(practice?.markdown ?? '', /\[Show in Value Chain\]\(command:svc\.revealInValueChain\?%5B%22service-request-management%22%5D/);
    assert.equal(renderer.hoverAt(text, text.indexOf('year'), ITIL4), undefined);
    assert.equal(renderer.hoverAt(`Now ${text}`, text.indexOf('Fulfilment') + 4, ITIL4)?.markdown, legacy?.markdown);
  });

  test('a one-word activity name gets its card only where it names the activity', () => {
    const renderer = new TermHoverRenderer({ commandLinks: false }, builtInTerms());
    const text = 'We plan to improve how we engage users.\n\n## Plan\n\nThe plan activity feeds Improve. Plan the cut-over with care.\n';
    const at = (needle: string, from = 0) => renderer.hoverAt(text, text.indexOf(needle, from) + 1, ITIL4);
    assert.equal(at('plan to'), undefined, 'a verb');
    assert.equal(at('improve how'), undefined, 'a verb');
    assert.equal(at('engage users'), undefined, 'a verb');
    assert.equal(at('Plan\n')?.term.id, 'plan', 'a heading');
    assert.equal(at('plan activity')?.term.id, 'plan', 'followed by "activity"');
    assert.equal(at('Improve.')?.term.id, 'improve', 'capitalised inside a sentence');
    assert.equal(at('Plan the cut-over'), undefined, 'an instruction');
  });
});
