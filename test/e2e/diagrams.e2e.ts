// The diagram panels in the real workbench: the SVC diagram (nodes, card, theme switch, export), the value-stream
// preview (live edits, restore after reload) and valuestream blocks in the built-in Markdown preview.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { VIEW_CONTAINER_TITLE, type Workbench, openFile, openWorkbench, runCommand, screenshot, setTheme } from './workbench';

const UI_TIMEOUT_MS = 60_000;
const CHAIN_LABELS = ['Demand / Opportunity', 'Plan', 'Improve', 'Engage', 'Design & Transition', 'Obtain/Build', 'Deliver & Support', 'Value / Products & Services'];
const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');

/** The webview whose page has `selector` (several webviews may be open side by side). */
async function webviewWith(page: Page, selector: string, timeout = UI_TIMEOUT_MS): Promise<FrameLocator> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frames = page.locator('iframe.webview.ready');
    const count = await frames.count();
    for (let index = count - 1; index >= 0; index--) {
      const frame = frames.nth(index).contentFrame().locator('#active-frame').contentFrame();
      if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${selector}`);
    await page.waitForTimeout(250);
  }
}

async function renderCount(frame: FrameLocator): Promise<number> {
  return Number((await frame.locator('body').getAttribute('data-render-count')) ?? '0');
}

suite('Diagram panels in the workbench', function () {
  this.timeout(480_000);
  let workbench: Workbench;
  let folder: string;

  suiteSetup(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'svc-e2e-diagrams-'));
    cpSync(SAMPLES, folder, { recursive: true });
    workbench = await openWorkbench({ folder, userSettings: { 'workbench.colorTheme': 'Light Modern' } });
  });

  suiteTeardown(async () => {
    await workbench?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the SVC diagram shows the 8 nodes, a clicked node shows its card, and it follows a dark theme', async () => {
    const { page } = workbench;
    await runCommand(page, 'SVC: Open Value Chain Diagram');
    const frame = await webviewWith(page, '[data-svc-node]');
    await frame.locator('[data-svc-node]').nth(7).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(await frame.locator('[data-svc-node]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label'))), CHAIN_LABELS);
    const visibleText = (await frame.locator('svg').first().textContent()) ?? '';
    for (const label of ['Plan', 'Improve', 'Engage', 'Design &', 'Obtain/Build', 'Deliver &']) assert.ok(visibleText.includes(label), `the SVG shows ${label}`);
    await screenshot(page, 'svc-diagram-light');

    await frame.locator('[data-svc-node="EN"]').click();
    await frame.locator('#card h2', { hasText: 'Engage' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await frame.locator('#card').innerText(), /Builds a clear understanding of what stakeholders need/);
    await page.mouse.move(2, 300);
    await screenshot(page, 'svc-diagram-card-light');

    const before = await renderCount(frame);
    const planFill = () => frame.locator('[data-svc-node="PL"] rect').first().evaluate((rect) => getComputedStyle(rect).fill);
    assert.equal(await planFill(), 'rgb(29, 78, 216)', 'the light palette');
    await setTheme(page, 'Dark Modern');
    await frame.locator('body.vscode-dark').waitFor({ timeout: UI_TIMEOUT_MS });
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while ((await renderCount(frame)) <= before && Date.now() < deadline) await page.waitForTimeout(200);
    assert.ok((await renderCount(frame)) > before, 'the diagram was drawn again for the dark theme');
    assert.equal(await planFill(), 'rgb(96, 165, 250)', 'the dark palette');
    await frame.locator('#card h2', { hasText: 'Engage' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'svc-diagram-dark');
  });

  test.skip('Export SVG from the toolbar writes the file chosen in the save dialog', async () => {
    const { page } = workbench;
    const frame = await webviewWith(page, '[data-svc-node]');
    const target = path.join(folder, 'exported-chain.svg');
    await frame.locator('button[data-action="exportSvg"]').click();
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(target);
    await page.keyboard.press('Enter');
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!existsSync(target) && Date.now() < deadline) await page.waitForTimeout(200);
    const svg = readFileSync(target, 'utf8');
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    for (const label of ['Plan', 'Improve', 'Engage', 'Obtain/Build']) assert.ok(svg.includes(label), `the file shows ${label}`);
    const background = await frame.locator('html').evaluate((html) => getComputedStyle(html).getPropertyValue('--vscode-editor-background').trim().toLowerCase());
    assert.ok(svg.includes(`<rect width="100%" height="100%" fill="${background}"`), `the export has the editor background ${background}`);
  });

  test('a valuestream block renders as diagrams in the built-in Markdown preview', async () => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'consulting-notes.md');
    await page.locator('.monaco-editor .view-line', { hasText: '## Password reset' }).first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('v');
    const frame = await webviewWith(page, '.markdown-body');
    await frame.locator('.actEngage').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const fill = await frame.locator('.actEngage rect').first().evaluate((rect) => getComputedStyle(rect).fill);
    assert.notEqual(fill, 'rgba(0, 0, 0, 0)', 'the activity colour applies');
    assert.ok((await frame.locator('svg').count()) >= 4, 'two blocks, each a flowchart and a Gantt chart');
    await screenshot(page, 'markdown-preview-valuestream');
  });

  test('the value-stream preview follows an edit and comes back after a reload', async () => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'incident-resolution.valuestream.yaml');
    await runCommand(page, 'SVC: Open Value Stream Preview to the Side');
    let frame = await webviewWith(page, '[data-svc-node]');
    await frame.locator('.svc-stream h2', { hasText: 'Major incident' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await frame.locator('[data-svc-node="vs0_s0"]').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match((await frame.locator('[data-svc-node="vs0_s0"]').textContent()) ?? '', /User reports the outage/);
    await screenshot(page, 'value-stream-preview-before-edit');

    // Retitle the first step in the editor, as a user would type it.
    await page.locator('.monaco-editor .view-line', { hasText: 'title: User reports the outage' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' by phone');
    await frame.locator('[data-svc-node="vs0_s0"]', { hasText: 'User reports the outage by phone' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.mouse.move(2, 300);
    await screenshot(page, 'value-stream-preview-after-edit');

    await frame.locator('[data-tab="gantt"]').click();
    await frame.locator('svg rect[id$="vs1_t4_svc-improve"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'value-stream-preview-gantt');
    await runCommand(page, 'File: Save');

    // Reload Window shuts the workbench down properly (state saved), as a user's reload does.
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForEvent('load', { timeout: UI_TIMEOUT_MS * 2 });
    await page.locator(`.activitybar [aria-label^="${VIEW_CONTAINER_TITLE}"]`).first().waitFor({ timeout: UI_TIMEOUT_MS * 3 });
    frame = await webviewWith(page, '.svc-tabs', UI_TIMEOUT_MS * 3).catch(async (error: Error) => {
      await screenshot(page, 'value-stream-preview-restore-failed');
      throw error;
    });
    await frame.locator('svg rect[id$="vs1_t4_svc-improve"]').waitFor({ timeout: UI_TIMEOUT_MS * 3 });
    assert.equal(await frame.locator('[data-tab="gantt"]').getAttribute('aria-selected'), 'true', 'the restored preview keeps its tab');
    await screenshot(page, 'value-stream-preview-restored');
  });
});
