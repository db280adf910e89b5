// The Service Value Chain side bar as a consultant uses it: open the activity bar entry, expand an activity and
// a practice, select the practice and read its card; once in a light and once in a dark theme.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ACTIVITIES } from '../../src/model/itil/activities';
import { VIEW_CONTAINER_TITLE, collapseView, expandView, screenshot, useWorkbench, webviewFrame } from './workbench';

const UI_TIMEOUT_MS = 30_000;

const THEMES = [
  { name: 'Light Modern', slug: 'light', palette: 'light' },
  { name: 'Dark Modern', slug: 'dark', palette: 'dark' },
] as const;

const STREAM_FILE = `valueStream: Laptop request
steps:
  - id: ask
    activity: engage
    title: User asks for a laptop
  - id: hand-over
    activity: deliver-and-support
    title: Hand the laptop over
`;

function sidebar(page: Page): Locator {
  return page.locator('#workbench\\.parts\\.sidebar');
}

/** The tree row whose label is exactly `label`, in the view titled `view`. */
function row(page: Page, view: string, label: string): Locator {
  const pane = sidebar(page).locator('.pane', { has: page.locator('.pane-header', { hasText: view }) });
  return pane.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }) }).first();
}

async function expand(target: Locator): Promise<void> {
  await target.waitFor({ timeout: UI_TIMEOUT_MS });
  if ((await target.getAttribute('aria-expanded')) === 'true') return;
  await target.locator('.monaco-tl-twistie').click({ timeout: UI_TIMEOUT_MS });
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while ((await target.getAttribute('aria-expanded')) !== 'true') {
    if (Date.now() > deadline) throw new Error('the row did not expand');
    await target.page().waitForTimeout(100);
  }
}

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

for (const theme of THEMES) {
  suite(`Explorer side bar (${theme.name})`, () => {
    const workbench = useWorkbench({ files: { 'laptop.valuestream.yaml': STREAM_FILE }, userSettings: { 'workbench.colorTheme': theme.name } });

    test('the activity bar entry opens the three views; an activity and a practice expand', async () => {
      const { page } = workbench;
      await page.locator(`.activitybar [aria-label^="${VIEW_CONTAINER_TITLE}"]`).first().click({ timeout: UI_TIMEOUT_MS });
      // Four views share the side bar: the one read gets the room, so the tree rows below it are rendered.
      await expandView(page, 'Value Chain');
      for (const view of ['Practices', 'Value Streams', 'Document Coverage']) await collapseView(page, view);
      await expand(row(page, 'Value Chain', 'Engage'));
      for (const section of ['Purpose', 'Inputs', 'Outputs', 'What it enables', 'Key practices', 'Exam caveats']) {
        await row(page, 'Value Chain', section).waitFor({ timeout: UI_TIMEOUT_MS });
      }
      await expandView(page, 'Practices');
      await expand(row(page, 'Practices', 'Service management (17)'));
      await expand(row(page, 'Practices', 'Incident management'));
      const incident = row(page, 'Practices', 'Incident management');
      assert.match((await incident.locator('.label-description').innerText()).trim(), /Foundation: studied in detail/);
      await expandView(page, 'Value Streams');
      await row(page, 'Value Streams', 'laptop.valuestream.yaml').waitFor({ timeout: UI_TIMEOUT_MS });
      await screenshot(page, `explorer-tree-${theme.slug}`);
    });

    test('selecting a practice opens its card in the theme, with activity colours', async () => {
      const { page } = workbench;
      for (const view of ['Value Chain', 'Value Streams']) await collapseView(page, view);
      await expandView(page, 'Practices');
      await row(page, 'Practices', 'Incident management').locator('.label-name').click({ timeout: UI_TIMEOUT_MS });
      const card = webviewFrame(page);
      await card.locator('h2', { hasText: 'Incident management' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await card.locator('.svc-badge', { hasText: 'Foundation: studied in detail' }).waitFor({ timeout: UI_TIMEOUT_MS });
      const deliver = ACTIVITIES.find((activity) => activity.id === 'deliver-and-support');
      assert.ok(deliver);
      const dotColor = await card
        .locator('.svc-chip', { hasText: 'Deliver & Support' })
        .evaluate((chip) => getComputedStyle(chip, '::before').backgroundColor);
      assert.equal(dotColor, rgb(deliver.palette[theme.palette]), 'the chip shows the activity colour of the theme');
      await screenshot(page, `explorer-practice-card-${theme.slug}`);
    });

    test('a link on the card opens the linked activity and reveals it in the Value Chain view', async () => {
      const { page } = workbench;
      await collapseView(page, 'Practices');
      await expandView(page, 'Value Chain');
      const card = webviewFrame(page);
      await card.locator('a.svc-link', { hasText: 'Engage' }).first().click({ timeout: UI_TIMEOUT_MS });
      await card.locator('h2', { hasText: /^Engage$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
      await card.locator('th', { hasText: 'Inputs' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.waitForFunction(
        () => document.querySelector('#workbench\\.parts\\.sidebar .monaco-list-row.selected .label-name')?.textContent === 'Engage',
        undefined,
        { timeout: UI_TIMEOUT_MS },
      );
      await screenshot(page, `explorer-activity-card-${theme.slug}`);
    });
  });
}

suite('Value Streams view: welcome and examples', () => {
  const workbench = useWorkbench({ files: { 'notes.md': '# Notes\n\nNo value stream here.\n' }, userSettings: { 'workbench.colorTheme': 'Dark Modern' } });

  test('an empty workspace gets the welcome buttons; a new stream file replaces them with the file and the examples', async () => {
    const { page } = workbench;
    await page.locator(`.activitybar [aria-label^="${VIEW_CONTAINER_TITLE}"]`).first().click({ timeout: UI_TIMEOUT_MS });
    await expandView(page, 'Value Streams');
    const pane = sidebar(page).locator('.pane', { has: page.locator('.pane-header', { hasText: 'Value Streams' }) });
    await pane.locator('.welcome-view-content a.monaco-button', { hasText: 'New Value Stream…' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await pane.locator('.welcome-view-content a.monaco-button', { hasText: 'Open Example' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'explorer-value-streams-welcome');
    writeFileSync(path.join(workbench.folder, 'laptop.valuestream.yaml'), STREAM_FILE);
    await row(page, 'Value Streams', 'laptop.valuestream.yaml').waitFor({ timeout: UI_TIMEOUT_MS });
    await row(page, 'Value Streams', 'ITIL 4 examples').waitFor({ timeout: UI_TIMEOUT_MS });
    await expand(row(page, 'Value Streams', 'Laptop request'));
    await row(page, 'Value Streams', 'Hand the laptop over').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await pane.locator('.welcome-view-content').isVisible(), false, 'the welcome is gone');
    await screenshot(page, 'explorer-value-streams');
  });
});
