// SVC: Export Document… as a person runs it in a dark workbench: the command from the palette, the format and the
// appendices picked in the quick input, the file named in the save dialog, then "Open" / "Reveal" offered. The
// exported page is opened in Chromium like any browser would open it, and a screenshot taken of it.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { answerSaveDialog, openFile, runCommand, screenshot, useWorkbench } from './workbench';

const UI_TIMEOUT_MS = 60_000;
const EXPORT_TIMEOUT_MS = 180_000;
const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'export');
const RESULTS = path.resolve(__dirname, '..', '..', '..', 'test-results', 'export');

/** Clicks the row of the open quick input whose label reads `label` (codicons aside). */
async function pickRow(page: Page, label: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click({ timeout: UI_TIMEOUT_MS });
}

suite('Export Document in the workbench', function () {
  this.timeout(420_000);
  const workbench = useWorkbench({ fixtureFiles: [], userSettings: { 'workbench.colorTheme': 'Dark Modern' } });

  suiteSetup(() => {
    // The proposal shows a PNG of its own: the test's fixture folder is copied whole.
    cpSync(FIXTURE, workbench.folder, { recursive: true });
    mkdirSync(RESULTS, { recursive: true });
  });

  test('from the palette: format, appendices, save dialog, then Open and Reveal; the page reads well in a browser', async () => {
    const { page, context, folder } = workbench;
    // The harness retries a failed spec in the same workbench: start from no exported file and no notification,
    // with the terms appendix (which an earlier try may have left remembered) picked once.
    const target = path.join(folder, 'proposal-for-client.html');
    rmSync(target, { force: true });
    await runCommand(page, 'Notifications: Clear All Notifications');
    await openFile(page, 'service-desk-proposal.md');
    await runCommand(page, 'SVC: Export Document…');
    await page.locator('.quick-input-widget', { hasText: 'Export Document (1/2): format' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'export/export-format-pick-dark');
    await pickRow(page, 'Web page (.html)');
    await page.locator('.quick-input-widget', { hasText: 'Export Document (2/2): appendices' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const termsRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ITIL terms used in this document' }).first();
    if ((await termsRow.getAttribute('aria-checked', { timeout: UI_TIMEOUT_MS })) !== 'true') await pickRow(page, 'ITIL terms used in this document');
    await page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: 'ITIL terms used in this document' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'export/export-appendices-pick-dark');
    await page.keyboard.press('Enter');

    await answerSaveDialog(page, 'service-desk-proposal.html', target);
    const deadline = Date.now() + EXPORT_TIMEOUT_MS;
    while (!existsSync(target) && Date.now() < deadline) await page.waitForTimeout(250);
    assert.ok(existsSync(target), 'the export wrote the file named in the save dialog');

    const toggle = page.locator('.statusbar-item[id="status.notifications"]');
    const center = page.locator('.notifications-center');
    await toggle.click({ timeout: UI_TIMEOUT_MS });
    const done = center.locator('.notification-list-item', { hasText: 'Exported proposal-for-client.html with 8 figure(s)' });
    await done.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await done.innerText(), /3 problem\(s\) kept blocks from being drawn/);
    for (const button of ['Open', 'Reveal']) await done.locator('.monaco-button', { hasText: button }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'export/export-done-notification-dark');
    await page.keyboard.press('Escape');

    const html = readFileSync(target, 'utf8');
    assert.equal((html.match(/<svg role="img"/g) ?? []).length, 8);
    assert.match(html, /Appendix A — ITIL terms used in this document/);
    assert.doesNotMatch(html, /Appendix B/, 'only the appendix picked');

    const reader = await context.newPage();
    try {
      const requests: string[] = [];
      reader.on('request', (request) => requests.push(request.url()));
      await reader.setViewportSize({ width: 1100, height: 1400 });
      await reader.goto(`file://${target}`);
      await reader.screenshot({ path: path.join(RESULTS, 'service-desk-proposal-html.png'), fullPage: true });
      assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [`file://${target}`], 'the page loads nothing else');
      const figure = reader.locator('figure.svc-figure').first();
      const box = await figure.boundingBox();
      assert.ok(box && box.width <= 1100, 'figures fit the page width');
      assert.equal(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
      const crowded = await reader.evaluate(() =>
        [...document.querySelectorAll('figure.svc-figure')]
          .filter((figure) => {
            const dates = [...figure.querySelectorAll('.grid .tick text')].map((label) => label.getBoundingClientRect()).sort((a, b) => a.left - b.left);
            return dates.some((date, index) => index > 0 && date.left < (dates[index - 1]?.right ?? -Infinity));
          })
          .map((figure) => figure.querySelector('figcaption')?.textContent),
      );
      assert.deepEqual(crowded, [], 'the dates under every schedule stand apart');
    } finally {
      await reader.close();
    }
  });
});
