// The getting-started walkthrough as a new user meets it: found through "Welcome: Open Walkthrough…", its steps
// listed, and a step ticked off once the user has done what it asks (here: open the explorer, then hover a
// practice in the sample document).
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { type Workbench, openWorkbench, runCommand, screenshot, webviewFrame } from './workbench';

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
  await step(page, title).locator('.codicon-pass-filled').waitFor({ timeout: UI_TIMEOUT_MS });
}

suite('Getting-started walkthrough', () => {
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await openWorkbench({ userSettings: { 'workbench.colorTheme': 'Light Modern', 'editor.hover.delay': 100 } });
    const { page } = workbench;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget input.input').fill(WALKTHROUGH_TITLE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH_TITLE }).first().click({ timeout: UI_TIMEOUT_MS });
  });

  suiteTeardown(async () => {
    await workbench?.stop();
  });

  test('opens from the Welcome command and lists its five steps', async () => {
    const { page } = workbench;
    await page.locator('.gettingStartedContainer h2', { hasText: WALKTHROUGH_TITLE }).waitFor({ timeout: UI_TIMEOUT_MS });
    const titles = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((title) => title.trim());
    assert.deepEqual(titles, STEP_TITLES);
    // The selected step's Markdown page shows beside the list.
    await webviewFrame(page).locator('h2', { hasText: 'The Service Value Chain explorer' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'walkthrough');
  });

  test('a step is ticked off when the user does what it says', async () => {
    const { page } = workbench;
    await step(page, STEP_TITLES[0] ?? '').getByText('Open the Explorer').click({ timeout: UI_TIMEOUT_MS });
    await page.locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: 'Value Chain' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click({ timeout: UI_TIMEOUT_MS });
    await waitUntilComplete(page, STEP_TITLES[0] ?? '');
    assert.equal(await step(page, STEP_TITLES[1] ?? '').locator('.codicon-pass-filled').count(), 0, 'the hover step is not done yet');

    await step(page, STEP_TITLES[1] ?? '').click({ timeout: UI_TIMEOUT_MS });
    await step(page, STEP_TITLES[1] ?? '').getByText('Open Sample Document').click({ timeout: UI_TIMEOUT_MS });
    const practice = page.locator('.monaco-editor .view-line span', { hasText: 'Incident Management' }).first();
    await practice.waitFor({ timeout: UI_TIMEOUT_MS });
    await practice.hover();
    await page.locator('.monaco-hover', { hasText: 'Incident management' }).first().waitFor({ timeout: UI_TIMEOUT_MS });

    await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click({ timeout: UI_TIMEOUT_MS });
    await waitUntilComplete(page, STEP_TITLES[1] ?? '');
    await screenshot(page, 'walkthrough-progress');
  });
});
