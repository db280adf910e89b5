// Hovering ITIL terms with the mouse in the real editor, as a consultant does, on light and dark themes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { getActivity } from '../../src/model/itil/activities';
import { fixtureFile, hoverCardOn, openFile, screenshot, setTheme, useWorkbench } from './workbench';

const UI_TIMEOUT_MS = 30_000;

/** Scrolls the editor so that the line holding `text` in the test workspace's proposal.md is on screen (Go to Line). */
async function revealProposalLine(page: Page, text: string): Promise<void> {
  const lines = readFileSync(fixtureFile('proposal.md'), 'utf8').split('\n');
  const lineNumber = lines.findIndex((line) => line.includes(text)) + 1;
  assert.ok(lineNumber > 0, `"${text}" is not in proposal.md`);
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(`:${lineNumber}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Moves the mouse onto `text` and waits for our card in the hover widget. */
async function hoverCard(page: Page, text: string, title: string): Promise<Locator> {
  await revealProposalLine(page, text);
  return hoverCardOn(page, text, title);
}

/** Fails when `element` lies outside the visible part of the hover (the widget scrolls long cards). */
async function assertShownWithoutScrolling(page: Page, element: Locator): Promise<void> {
  const box = await element.first().boundingBox();
  const hover = await page.locator('.monaco-hover').filter({ visible: true }).first().boundingBox();
  assert.ok(box && hover, 'element or hover has no box');
  assert.ok(box.y >= hover.y && box.y + box.height <= hover.y + hover.height, `clipped: ${JSON.stringify({ box, hover })}`);
}

function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

/**
 * The computed colours of the activity swatches of a card, keyed by the activity name that follows each. The
 * hover may re-render while it settles (a detached node has no computed colour): read until every colour is there.
 */
async function swatchColours(card: Locator): Promise<Record<string, string>> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const colours = await card.evaluate((element) => {
      const found: Record<string, string> = {};
      for (const swatch of element.querySelectorAll('span[style*="color"]')) {
        const label = (swatch.nextSibling?.textContent ?? '').trim();
        found[label] = getComputedStyle(swatch).color;
      }
      return found;
    });
    const values = Object.values(colours);
    if ((values.length > 0 && values.every((colour) => colour !== '')) || Date.now() > deadline) return colours;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

suite('Hover cards in the editor', () => {
  const workbench = useWorkbench({ userSettings: { 'workbench.colorTheme': 'Light Modern', 'editor.hover.delay': 100 } });

  suiteSetup(async () => {
    await openFile(workbench.page, 'proposal.md');
  });

  test('hovering a practice name shows its card with coloured activities and command links (light theme)', async () => {
    const { page } = workbench;
    const card = await hoverCard(page, 'Incident management', 'Incident management');
    const text = await card.innerText();
    assert.match(text, /Service management practice \(ITIL 4 §5\.2\.5\)/);
    assert.match(text, /Foundation: studied in detail/);
    assert.match(text, /Show in Value Chain/);
    assert.match(text, /Open SVC Diagram/);
    const colours = await swatchColours(card);
    assert.equal(colours['Engage'], rgb(getActivity('engage').palette.light), JSON.stringify(colours));
    assert.equal(colours['Deliver & Support'], rgb(getActivity('deliver-and-support').palette.light), JSON.stringify(colours));
    await assertShownWithoutScrolling(page, card.locator('a', { hasText: 'Show in Value Chain' }));
    await assertShownWithoutScrolling(page, card.locator('a', { hasText: 'Deliver & Support' }));
    await screenshot(page, 'hover-practice-light');
  });

  test('hovering an outdated name shows what ITIL 4 uses instead (light theme)', async () => {
    const { page } = workbench;
    const card = await hoverCard(page, 'Request Fulfilment', 'Request Fulfilment');
    assert.match(await card.innerText(), /ITIL v3\/2011 name — ITIL 4 uses “service request management”/);
    await screenshot(page, 'hover-legacy-light');
  });

  test('the same card on a dark theme uses the dark activity colours', async () => {
    const { page } = workbench;
    await page.mouse.move(5, 5);
    await setTheme(page, 'Dark Modern');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: UI_TIMEOUT_MS });
    const card = await hoverCard(page, 'Incident management', 'Incident management');
    const colours = await swatchColours(card);
    assert.equal(colours['Engage'], rgb(getActivity('engage').palette.dark), JSON.stringify(colours));
    await screenshot(page, 'hover-practice-dark');
  });

  test('hovering an activity in a table shows the activity card (dark theme)', async () => {
    const { page } = workbench;
    const card = await hoverCard(page, 'Obtain/Build', 'Obtain/Build');
    assert.match(await card.innerText(), /Inputs\s+Outputs/);
    await screenshot(page, 'hover-activity-dark');
  });

  test('"Show in Value Chain" in a card reveals the practice in the sidebar tree', async () => {
    const { page } = workbench;
    const card = await hoverCard(page, 'Incident management', 'Incident management');
    await card.locator('a', { hasText: 'Show in Value Chain' }).click();
    const selected = page.locator('.sidebar [role="treeitem"][aria-selected="true"]', { hasText: 'Incident management' });
    await selected.first().waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'hover-show-in-value-chain-dark');
  });
});
