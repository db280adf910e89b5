import * as assert from 'node:assert/strict';
import {
  CARD_COMMANDS,
  workbenchColorReference,
  activityCard,
  activityColorCss,
  cardToHtml,
  conceptCard,
  demandCard,
  cardToMarkdown,
  escapeHtml,
  legacyCard,
  practiceCard,
  valueCard,
  type Card,
} from '../../src/model/cards';
import { ACTIVITIES } from '../../src/model/itil/activities';
import { ALL_CONCEPTS } from '../../src/model/itil/concepts';
import { EDITIONS, ITIL4 } from '../../src/model/itil/editions';
import { LEGACY_TERMS } from '../../src/model/itil/legacyTerms';
import { PRACTICES } from '../../src/model/itil/practices';

/** Every card the model can produce, in every edition. */
function allCards(): Card[] {
  return [
    ...ACTIVITIES.map((activity) => activityCard(activity.id)),
    ...EDITIONS.flatMap((edition) => [
      ...PRACTICES.map((practice) => practiceCard(practice.id, edition)),
      ...ALL_CONCEPTS.map((concept) => conceptCard(concept.id, edition)),
    ]),
    ...LEGACY_TERMS.map((term) => legacyCard(term.id)),
    demandCard(),
    valueCard(),
  ];
}

suite('ITIL cards', () => {
  test('an activity card carries purpose, inputs/outputs table, enables, key practices and links', () => {
    const card = activityCard('engage');
    const markdown = cardToMarkdown(card, { commandLinks: true, colorFor: () => '#fbbf24' });
    assert.match(markdown, /^### <span style="color:#fbbf24;">■<\/span> Engage/);
    assert.match(markdown, /\| Inputs \| Outputs \|/);
    assert.match(markdown, /\| Consolidated demands and opportunities \| Requirements and feedback for other activities \|/);
    assert.match(markdown, /\[Service desk\]\(command:svc\.revealInValueChain\?%5B%22service-desk%22%5D/);
    assert.match(markdown, /Demand and opportunity enter the chain here/);
    assert.match(markdown, /Exam caveats/);
  });

  test('a practice card shows group, section, Foundation markers and activities', () => {
    const markdown = cardToMarkdown(practiceCard('incident-management', ITIL4), { commandLinks: false });
    assert.match(markdown, /Service management practice \(ITIL 4 §5\.2\.5\)/);
    assert.match(markdown, /`Foundation: purpose examinable` `Foundation: studied in detail`/);
    assert.match(markdown, /Engage, Deliver & Support/);
    assert.doesNotMatch(markdown, /command:/);
  });

  test('a legacy card names the ITIL 4 replacement', () => {
    assert.match(cardToMarkdown(legacyCard('change-management'), { commandLinks: false }), /ITIL v3\/2011 name — ITIL 4 uses “change enablement”/);
    assert.match(legacyCard('release-and-deployment-management').subtitle, /“release management” and “deployment management”/);
    assert.match(legacyCard('access-management').subtitle, /no direct replacement/);
  });

  test('card links only use the commands hovers trust', () => {
    for (const card of allCards()) {
      for (const link of card.links) {
        assert.ok(CARD_COMMANDS.includes(link.command), `${card.id}: ${link.command}`);
      }
    }
  });

  test('HTML rendering can mark activity colours with classes instead of inline styles, for strict CSPs', () => {
    const html = cardToHtml(activityCard('engage'), { activityColors: 'class' });
    assert.ok(!html.includes('style='), 'no inline style attribute');
    assert.match(html, /<article class="svc-card svc-card-activity svc-activity-engage">/);
    assert.match(html, /class="svc-chip svc-chip-activity svc-activity-deliver-and-support"/);
    const css = activityColorCss();
    assert.match(css, /\.svc-activity-engage\{--card-accent:var\(--vscode-svc-activity\\\.engage\);--chip-color:var\(--vscode-svc-activity\\\.engage\);\}/);
    assert.equal(css.split('\n').length, ACTIVITIES.length);
  });

  test('HTML rendering escapes text and marks activities with their theme colour variable', () => {
    const html = cardToHtml(activityCard('design-and-transition'));
    assert.match(html, /<h2>Design &amp; Transition<\/h2>/);
    assert.match(html, /var\(--vscode-svc-activity\\\.designAndTransition\)/);
    assert.match(html, /data-command="svc\.revealInValueChain" data-args="\[&quot;change-enablement&quot;\]"/);
    assert.equal(escapeHtml('<script>"x"</script>'), '&lt;script&gt;&quot;x&quot;&lt;/script&gt;');
  });

  test('Markdown swatches take a hex colour or a theme colour variable, nothing else', () => {
    const withColour = (color: string): string => cardToMarkdown(activityCard('plan'), { commandLinks: false, colorFor: () => color });
    assert.match(withColour(workbenchColorReference('plan')), /<span style="color:var\(--vscode-svc-activity-plan\);">■<\/span> Plan/);
    assert.match(withColour('#1d4ed8'), /<span style="color:#1d4ed8;">/);
    assert.doesNotMatch(withColour('red;background:url(x)'), /<span/);
    assert.doesNotMatch(withColour('var(--x);background:red'), /<span/);
  });

  test('compact Markdown puts the links first and short sections on one line', () => {
    const markdown = cardToMarkdown(practiceCard('service-desk', ITIL4), { commandLinks: true, compact: true });
    const lines = markdown.split('\n').filter((line) => line.length > 0);
    assert.match(lines[2] ?? '', /^\[Show in Value Chain\]\(command:svc\.revealInValueChain.*· \[Open SVC Diagram\]/);
    assert.ok(lines.includes('**Purpose:** Takes in demand for incident resolution and service requests and is the single point of contact for users.'));
    assert.match(markdown, /\*\*Mainly contributes to:\*\* \[Engage\]/);
    assert.equal(markdown.match(/Show in Value Chain\]\(command:svc\.revealInValueChain\?%5B%22service-desk%22%5D/g)?.length, 1);
    const activity = cardToMarkdown(activityCard('plan'), { commandLinks: true, compact: true });
    assert.match(activity, /\*\*Inputs and outputs\*\*\n\n\| Inputs \| Outputs \|/);
  });

  test('every activity renders without throwing in both formats', () => {
    for (const activity of ACTIVITIES) {
      const card = activityCard(activity.id);
      assert.ok(cardToHtml(card).length > 200);
      assert.ok(cardToMarkdown(card, { commandLinks: true }).length > 200);
    }
  });
});
