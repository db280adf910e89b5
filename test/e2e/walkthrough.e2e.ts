// The getting-started walkthrough as a new user meets it: found through "Welcome: Open Walkthrough…", its steps
// listed with their pages, and a step ticked off once the user has done what it asks (here: open the explorer).
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { VIEW_CONTAINER_TITLE, type Workbench, openWorkbench, runCommand, screenshot, webviewFrame } from './workbench';

const UI_TIMEOUT_MS = 30_000;
const WALKTHROUGH_TITLE = 'Get Started with the Service Value Chain';
const STEP_TITLES = [
  'Open the Service Value Chain explorer',
  'Hover a practice name',
  'Create a value stream from a template',
  'Open its preview',
  'Replace outdated ITIL v3 terms',
];

function step(page: Page, title: string): Locator {
  return page.locator('.getting-started-step', { has: page.locator('.step-title', { hasText: title }) });
}

async function waitUntilComplete(page: Page, title: string): Promise<void> {
  await step(page, title).locator('.codicon.complete').waitFor({ timeout: UI_TIMEOUT_MS });
}

async function openWalkthrough(page: Page): Promise<void> {
  if (await page.locator('.gettingStartedContainer h2', { hasText: WALKTHROUGH_TITLE }).isVisible()) return;
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget input.input').fill(WALKTHROUGH_TITLE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH_TITLE }).first().click({ timeout: UI_TIMEOUT_MS });
  await page.locator('.gettingStartedContainer h2', { hasText: WALKTHROUGH_TITLE }).waitFor({ timeout: UI_TIMEOUT_MS });
}

suite('Getting-started walkthrough', () => {
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await openWorkbench({ userSettings: { 'workbench.colorTheme': 'Light Modern' } });
  });

  suiteTeardown(async () => {
    await workbench?.stop();
  });

  test('opens from the Welcome command and lists its five steps', async () => {
    const { page } = workbench;
    await openWalkthrough(page);
    await page.locator('.gettingStartedContainer h2', { hasText: WALKTHROUGH_TITLE }).waitFor({ timeout: UI_TIMEOUT_MS });
    const titles = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((title) => title.trim());
    assert.deepEqual(titles, STEP_TITLES);
    assert.equal(await page.locator('.getting-started-step .codicon.complete').count(), 0, 'a new user has done no step yet');
    // The selected step's Markdown page shows beside the list.
    await webviewFrame(page).locator('h2', { hasText: 'The Service Value Chain explorer' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'walkthrough');
  });

  test('a step is ticked off when the user does what it says', async () => {
    const { page } = workbench;
    await openWalkthrough(page);
    await page.locator(`.activitybar [aria-label^="${VIEW_CONTAINER_TITLE}"]`).first().click({ timeout: UI_TIMEOUT_MS });
    await page.locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: 'Value Chain' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click({ timeout: UI_TIMEOUT_MS });
    await openWalkthrough(page);
    await waitUntilComplete(page, STEP_TITLES[0] ?? '');

    await screenshot(page, 'walkthrough-progress');
  });
});
