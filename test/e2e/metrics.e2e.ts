// Value streams a consultant can analyse, in the real workbench: the preview's figures above the diagrams and the
// critical path marked in the flowchart and the Gantt chart (light and dark themes), a what-if duration that
// changes them and is written into the file only on Apply, and the SVC diagram fitted to its panel on opening.
// Screenshots go to test-results/ for a person to judge.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { openFile, runCommand, screenshot, setTheme, useWorkbench, webviewWith } from './workbench';

const UI_TIMEOUT_MS = 60_000;
/** The smallest text a fit may show (src/webview/lib/viewport.ts READABLE_TEXT_PX) and the picture's label size. */
const READABLE_TEXT_PX = 11;
const PICTURE_LABEL_PX = 13;
const PICTURE_WIDTH = 1000;
/** The largest zoom a fit chooses (src/webview/lib/viewport.ts MAX_FIT_SCALE). */
const MAX_FIT_SCALE = 1.5;

/**
 * Onboarding a new employee, in days: the laptop decides the lead time, the accounts have two days to spare, and
 * the review waits five days after the induction.
 */
const ONBOARDING = `valueStream: Employee onboarding
description: From the hiring manager's request to a new employee who can work
unit: days
trigger: A hiring manager asks for a new starter's set-up
outcome: The new employee works with everything they need
steps:
  - id: request
    activity: engage
    title: Take the set-up request
    practices: [service desk]
  - id: approve
    activity: plan
    title: Approve the request
    practices: [portfolio management]
  - id: laptop
    activity: obtain-build
    title: Order and prepare the laptop
    practices: [IT asset management]
    duration: 3
  - id: accounts
    activity: deliver-and-support
    title: Create the accounts
    practices: [service request management]
    after: [approve]
  - id: induction
    activity: engage
    title: Hand over and induct
    practices: [relationship management]
    after: [laptop, accounts]
    duration: 2
  - id: review
    activity: improve
    title: Review the first weeks
    practices: [continual improvement]
    lag: 5
`;

/** The strip's figures as "label: value" lines (the written value of a changed figure follows in brackets). */
async function figures(frame: FrameLocator): Promise<Record<string, string>> {
  const entries = await frame.locator('.svc-figure').evaluateAll((items) =>
    items.map((item) => [item.querySelector('dt')?.textContent?.trim() ?? '', item.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim() ?? '']),
  );
  return Object.fromEntries(entries);
}

async function waitForFigure(frame: FrameLocator, label: string, value: string | RegExp): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let last: Record<string, string> = {};
  while (Date.now() < deadline) {
    last = await figures(frame);
    const shown = last[label] ?? '';
    if (typeof value === 'string' ? shown === value : value.test(shown)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`${label} never showed ${String(value)}; the strip shows ${JSON.stringify(last)}`);
}

async function criticalNodes(frame: FrameLocator): Promise<string[]> {
  return frame.locator('[data-svc-node].critical').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-svc-node') ?? ''));
}

async function renderCount(frame: FrameLocator): Promise<number> {
  return Number((await frame.locator('body').getAttribute('data-render-count')) ?? '0');
}

async function nextRender(page: Page, frame: FrameLocator, after: number): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while ((await renderCount(frame)) <= after && Date.now() < deadline) await page.waitForTimeout(200);
}

suite('Value-stream figures and the value chain picture in the workbench', function () {
  this.timeout(480_000);
  const workbench = useWorkbench({ files: { 'onboarding.valuestream.yaml': ONBOARDING }, userSettings: { 'workbench.colorTheme': 'Light Modern' } });

  suiteSetup(async () => {
    // A consultant's full-HD screen: room for the preview of a six-step stream at a readable size.
    await workbench.page.setViewportSize({ width: 1920, height: 1080 });
  });

  test('the SVC diagram opens fitted to its panel with readable text; a narrow window pans instead of shrinking it', async () => {
    const { page } = workbench;
    await runCommand(page, 'SVC: Open Value Chain Diagram');
    const frame = await webviewWith(page, '[data-svc-node]');
    await frame.locator('[data-svc-node]').nth(7).waitFor({ timeout: UI_TIMEOUT_MS });
    const measure = () =>
      frame.locator('#viewport').evaluate((viewport) => {
        const room = viewport.getBoundingClientRect();
        const picture = viewport.querySelector('svg')?.getBoundingClientRect();
        return { room: { width: room.width, height: room.height }, picture: picture && { left: picture.left - room.left, top: picture.top - room.top, width: picture.width, height: picture.height } };
      });
    const fitted = await measure();
    assert.ok(fitted.picture, 'the picture is drawn');
    const fillsWidth = Math.abs(fitted.picture.width - (fitted.room.width - 32)) <= 2;
    const fillsHeight = Math.abs(fitted.picture.height - (fitted.room.height - 32)) <= 2;
    const largest = Math.abs(fitted.picture.width - MAX_FIT_SCALE * PICTURE_WIDTH) <= 1;
    assert.ok(fillsWidth || fillsHeight || largest, `fills the panel's width or height, up to ${MAX_FIT_SCALE}×: ${JSON.stringify(fitted)}`);
    assert.ok(fitted.picture.left >= 0 && fitted.picture.top >= 0 && fitted.picture.left + fitted.picture.width <= fitted.room.width && fitted.picture.top + fitted.picture.height <= fitted.room.height, 'nothing is cut off');
    assert.ok((fitted.picture.width / PICTURE_WIDTH) * PICTURE_LABEL_PX >= READABLE_TEXT_PX, 'labels at a readable size');
    await page.mouse.move(2, 300);
    await screenshot(page, 'svc-diagram-fitted-light');

    const size = page.viewportSize();
    assert.ok(size);
    try {
      await page.setViewportSize({ width: 760, height: size.height });
      const deadline = Date.now() + UI_TIMEOUT_MS;
      let narrow = await measure();
      while (narrow.room.width > 700 && Date.now() < deadline) {
        await page.waitForTimeout(200);
        narrow = await measure();
      }
      await page.waitForTimeout(500);
      narrow = await measure();
      assert.ok(narrow.picture, 'the picture is still drawn');
      assert.ok((narrow.picture.width / PICTURE_WIDTH) * PICTURE_LABEL_PX >= READABLE_TEXT_PX - 0.01, `text stays readable in a narrow panel: ${JSON.stringify(narrow)}`);
      assert.ok(narrow.picture.width > narrow.room.width, 'the rest is reached by panning');
      await screenshot(page, 'svc-diagram-narrow-panel');
    } finally {
      await page.setViewportSize(size);
    }
  });

  for (const theme of ['Light Modern', 'Dark Modern'] as const) {
    const name = theme === 'Light Modern' ? 'light' : 'dark';

    test(`the preview shows the stream's figures above the diagrams and marks the critical path in both (${name})`, async () => {
      const { page } = workbench;
      await runCommand(page, 'View: Close All Editors');
      if (theme === 'Dark Modern') await setTheme(page, theme);
      await openFile(page, 'onboarding.valuestream.yaml');
      // In the editor's place, as a consultant looks at a stream to analyse it.
      await runCommand(page, 'SVC: Open Value Stream Preview');
      const frame = await webviewWith(page, '.svc-figures');
      await frame.locator(`body.vscode-${name}`).waitFor({ timeout: UI_TIMEOUT_MS });
      await frame.locator('[data-tab="flowchart"]').click();
      await frame.locator('[data-svc-node="vs0_s5"]').waitFor({ timeout: UI_TIMEOUT_MS });
      await waitForFigure(frame, 'Lead time', '13 days');
      assert.deepEqual(await figures(frame), {
        'Lead time': '13 days',
        Work: '9 days',
        Waiting: '5 days',
        'Flow efficiency': '62%',
        'Critical path': 'request → approve → laptop → induction → review',
        'Time per activity': 'Plan 1 day · Improve 1 day · Engage 3 days · Obtain/Build 3 days · Deliver & Support 1 day',
      });
      assert.deepEqual(await criticalNodes(frame), ['vs0_s0', 'vs0_s1', 'vs0_s2', 'vs0_s4', 'vs0_s5'], 'every step but the accounts');
      await page.mouse.move(2, 300);
      await screenshot(page, `value-stream-metrics-${name}`);

      await frame.locator('[data-tab="gantt"]').click();
      const accounts = frame.locator('svg rect[id$="vs0_t3_svc-deliver-and-support"]');
      await accounts.waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match((await frame.locator('svg .titleText').textContent()) ?? '', /\(in days\)$/, 'the unit in the chart title');
      const laptop = frame.locator('svg rect[id$="vs0_t2_svc-obtain-build"]');
      assert.equal(await laptop.evaluate((bar) => getComputedStyle(bar).strokeWidth), '3px', 'a critical bar has a heavy outline');
      assert.notEqual(await accounts.evaluate((bar) => getComputedStyle(bar).strokeWidth), '3px', 'a bar with slack does not');
      await accounts.hover();
      await frame.locator('.svc-tooltip', { hasText: 'Time: 2 to 3 days · slack 2 days' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await screenshot(page, `value-stream-metrics-gantt-${name}`);
      await frame.locator('[data-tab="flowchart"]').click();
    });
  }

  test('what-if: another duration changes the figures and both diagrams; Apply writes it as an undoable edit; Reset forgets it', async () => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'onboarding.valuestream.yaml');
    await runCommand(page, 'SVC: Open Value Stream Preview to the Side');
    const frame = await webviewWith(page, '.svc-figures');
    await frame.locator('[data-svc-node="vs0_s3"]').waitFor({ timeout: UI_TIMEOUT_MS });
    // Picking a step in the flowchart picks it for the what-if too.
    await frame.locator('[data-svc-node="vs0_s3"]').click();
    await frame.locator('#svc-whatif-step').evaluate((select) => {
      if ((select as HTMLSelectElement).value !== '3') throw new Error(`the strip picked step ${(select as HTMLSelectElement).value}`);
    });
    assert.equal(await frame.locator('#svc-whatif-duration').inputValue(), '1');

    const before = await renderCount(frame);
    await frame.locator('#svc-whatif-duration').fill('4');
    await waitForFigure(frame, 'Lead time', '14 days (was 13 days)');
    await waitForFigure(frame, 'Critical path', /^request → approve → accounts → induction → review/);
    await nextRender(page, frame, before);
    await frame.locator('[data-svc-node="vs0_s3"].critical').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.ok(!(await criticalNodes(frame)).includes('vs0_s2'), 'the laptop now has slack');
    assert.match(await frame.locator('#svc-whatif-status').innerText(), /Trying accounts 4 days \(was 1 day\)\. Lead time 14 days\./);
    const file = path.join(workbench.folder, 'onboarding.valuestream.yaml');
    assert.equal(readFileSync(file, 'utf8'), ONBOARDING, 'nothing is written while trying');
    await page.mouse.move(2, 300);
    await screenshot(page, 'value-stream-what-if');

    await frame.locator('.svc-whatif-reset').click();
    await waitForFigure(frame, 'Lead time', '13 days');
    assert.equal(await frame.locator('.svc-whatif-apply').isDisabled(), true, 'nothing left to apply');

    await frame.locator('#svc-whatif-duration').fill('4');
    await waitForFigure(frame, 'Lead time', '14 days (was 13 days)');
    await frame.locator('.svc-whatif-apply').click();
    const written = page.locator('.monaco-editor .view-line', { hasText: /^\s*duration:\s4$/ });
    await written.waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForFigure(frame, 'Lead time', '14 days');
    assert.equal(await frame.locator('.svc-whatif-apply').isDisabled(), true, 'the applied duration is no longer a what-if');
    await page.locator('.statusbar-item', { hasText: 'Applied: accounts 4 days' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'value-stream-what-if-applied');

    // A normal edit: undone and redone in the editor, saved like any other.
    await page.locator('.monaco-editor .view-line', { hasText: 'title: Create the accounts' }).first().click();
    await page.keyboard.press('Control+Z');
    await written.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await waitForFigure(frame, 'Lead time', '13 days');
    await page.keyboard.press('Control+Shift+Z');
    await written.waitFor({ timeout: UI_TIMEOUT_MS });
    await runCommand(page, 'File: Save');
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (readFileSync(file, 'utf8') === ONBOARDING && Date.now() < deadline) await page.waitForTimeout(200);
    assert.equal(readFileSync(file, 'utf8'), ONBOARDING.replace('    after: [approve]\n', '    after: [approve]\n    duration: 4\n'), 'the file has the new duration under the step, nothing else changed');
  });
});
