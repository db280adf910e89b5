// The Document Coverage view beside a consultant's proposal, as a reviewer sees it: which activities and practices
// the document names, and which practices its activities usually involve that it leaves out; selecting a practice
// selects its first mention in the editor. Once in a light and once in a dark theme. Then, with ITIL (Version 5)
// chosen, the lifecycle view and diagram with their "source uncertain" marks.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openFile, runCommand, screenshot, showViews, useWorkbench, viewRow, webviewFrame } from './workbench';

const UI_TIMEOUT_MS = 30_000;
const COVERAGE_VIEW = 'Document Coverage';
const OTHER_VIEWS = ['Value Chain', 'Practices', 'Value Streams'];

const THEMES = [
  { name: 'Light Modern', slug: 'light' },
  { name: 'Dark Modern', slug: 'dark' },
] as const;

/** Drags the side bar's edge until it is `width` pixels wide, so descriptions are not cut off in the screenshot. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  assert.ok(box, 'the side bar is visible');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

for (const theme of THEMES) {
  suite(`Document Coverage view (${theme.name})`, () => {
    const workbench = useWorkbench({ fixtureFiles: ['proposal.md'], userSettings: { 'workbench.colorTheme': theme.name } });

    test('shows the proposal’s coverage and jumps to a first mention', async () => {
      const { page } = workbench;
      await openFile(page, 'proposal.md');
      await showViews(page, { collapsed: OTHER_VIEWS, expanded: [COVERAGE_VIEW] });
      await widenSideBar(page, 440);

      const activities = viewRow(page, COVERAGE_VIEW, 'Activities');
      await activities.waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal((await activities.locator('.label-description').innerText()).trim(), '6/6');
      const practices = viewRow(page, COVERAGE_VIEW, 'Practices');
      assert.match((await practices.locator('.label-description').innerText()).trim(), /^\d+\/34$/);
      await viewRow(page, COVERAGE_VIEW, 'Not mentioned but usually involved').waitFor({ timeout: UI_TIMEOUT_MS });

      const incident = viewRow(page, COVERAGE_VIEW, 'Incident management');
      assert.match((await incident.locator('.label-description').innerText()).trim(), /^\d+× · line \d+$/);
      await incident.click({ timeout: UI_TIMEOUT_MS });
      await page
        .locator('.statusbar-item', { hasText: /\(19 selected\)/ })
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await screenshot(page, `coverage-view-${theme.slug}`);
    });
  });
}

suite('ITIL (Version 5) lifecycle view and diagram (Dark Modern)', () => {
  const workbench = useWorkbench({ files: {}, userSettings: { 'workbench.colorTheme': 'Dark Modern', 'svc.edition': 'itil5' } });

  test('the lifecycle view lists the stages; the diagram draws them, shows a stage card marked source uncertain and comes back after a reload', async () => {
    const { page } = workbench;
    await showViews(page, { collapsed: ['Value Chain', 'Value Streams'], expanded: ['Practices', 'Lifecycle'] });
    await viewRow(page, 'Practices', 'Product and service management \\(22\\)').waitFor({ timeout: UI_TIMEOUT_MS });
    const acquire = viewRow(page, 'Lifecycle', '3\\. Acquire');
    await acquire.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal((await acquire.locator('.label-description').innerText()).trim(), 'source uncertain');

    await runCommand(page, 'SVC: Open Product and Service Lifecycle Diagram');
    let frame = webviewFrame(page);
    await frame.locator('[data-svc-node]').nth(7).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match((await frame.locator('svg').first().textContent()) ?? '', /source uncertain/);
    await frame.locator('[data-svc-node="LC_acquire"]').click({ timeout: UI_TIMEOUT_MS });
    await frame.locator('#card h2', { hasText: 'Acquire' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await frame.locator('#card').innerText(), /Source uncertain/);
    await screenshot(page, 'lifecycle-diagram-dark');

    await workbench.reload();
    frame = webviewFrame(page);
    await frame.locator('[data-svc-node]').nth(7).waitFor({ timeout: UI_TIMEOUT_MS * 3 });
    assert.equal(await page.locator('.tab.active').first().getAttribute('aria-label'), 'Product and Service Lifecycle', 'the restored panel is the lifecycle diagram');
    await screenshot(page, 'lifecycle-diagram-restored');
  });
});
