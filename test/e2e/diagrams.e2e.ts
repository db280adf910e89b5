// The diagram panels in the real workbench: the SVC diagram (nodes, card, theme switch, export), the value-stream
// preview (live edits, restore after reload) and valuestream blocks in the built-in Markdown preview.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { answerSaveDialog, openFile, runCommand, screenshot, setTheme, useWorkbench, webviewWith } from './workbench';

const UI_TIMEOUT_MS = 60_000;
const CHAIN_LABELS = ['Demand / Opportunity', 'Plan', 'Improve', 'Engage', 'Design & Transition', 'Obtain/Build', 'Deliver & Support', 'Value / Products & Services'];
const RESULTS = path.resolve(__dirname, '..', '..', '..', 'test-results');

async function renderCount(frame: FrameLocator): Promise<number> {
  return Number((await frame.locator('body').getAttribute('data-render-count')) ?? '0');
}

suite('Diagram panels in the workbench', function () {
  this.timeout(480_000);
  const workbench = useWorkbench({ userSettings: { 'workbench.colorTheme': 'Light Modern' } });

  suiteSetup(() => {
    mkdirSync(RESULTS, { recursive: true });
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
    // The picture draws each activity's colour as the band on the left of its box (the box itself is a tint of it).
    const planFill = () => frame.locator('[data-svc-node="PL"] .svc-chain-accent').evaluate((band) => getComputedStyle(band).fill);
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

  test('Export SVG from the toolbar writes the file chosen in the save dialog', async () => {
    const { page } = workbench;
    const frame = await webviewWith(page, '[data-svc-node]');
    const target = path.join(workbench.folder, 'exported-chain.svg');
    await frame.locator('button[data-action="exportSvg"]').click();
    await answerSaveDialog(page, 'service-value-chain.svg', target);
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!existsSync(target) && Date.now() < deadline) await page.waitForTimeout(200);
    const svg = readFileSync(target, 'utf8');
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    for (const label of ['Plan', 'Improve', 'Engage', 'Obtain/Build']) assert.ok(svg.includes(label), `the file shows ${label}`);
    // svc.export.theme is `light` by default: a solid white background whatever the editor theme.
    assert.ok(svg.includes('<rect width="100%" height="100%" fill="#ffffff"'), 'the export has a solid white background');
  });

  test('a light export taken while the editor is dark: SVG and PNG from the toolbar, rendered and looked at', async () => {
    const { page, context } = workbench;
    const frame = await webviewWith(page, '[data-svc-node]');
    if ((await frame.locator('body.vscode-dark').count()) === 0) {
      await setTheme(page, 'Dark Modern');
      await frame.locator('body.vscode-dark').waitFor({ timeout: UI_TIMEOUT_MS });
    }
    await screenshot(page, 'export-source-dark-editor');
    const svgFile = path.join(workbench.folder, 'print-safe.svg');
    const pngFile = path.join(workbench.folder, 'print-safe.png');
    await frame.locator('button[data-action="exportSvg"]').click();
    await answerSaveDialog(page, 'service-value-chain.svg', svgFile);
    await frame.locator('button[data-action="exportPng"]').click();
    await answerSaveDialog(page, 'service-value-chain.png', pngFile);
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!(existsSync(svgFile) && existsSync(pngFile)) && Date.now() < deadline) await page.waitForTimeout(200);
    const svg = readFileSync(svgFile, 'utf8');
    assert.ok(svg.includes('<rect width="100%" height="100%" fill="#ffffff"'), 'white background');
    assert.match(svg, /fill:#1d4ed8/i, 'Plan in the light palette although the editor is dark');
    const png = readFileSync(pngFile);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    copyFileSync(pngFile, path.join(RESULTS, 'export-light-from-dark.png'));

    // Open both files the way an image viewer would, on a grey page so the solid background shows its edges.
    const viewer = await context.newPage();
    try {
      await viewer.setViewportSize({ width: 1400, height: 1000 });
      const image = (type: string, bytes: Buffer) => `<img style="display:block;margin:16px;max-width:1360px" src="data:${type};base64,${bytes.toString('base64')}">`;
      await viewer.setContent(`<body style="margin:0;background:#808080">${image('image/svg+xml', Buffer.from(svg))}${image('image/png', png)}</body>`);
      await viewer.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
      const corners = await viewer.evaluate(() => {
        const img = document.images[1];
        if (!img) return [];
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context2d = canvas.getContext('2d');
        context2d?.drawImage(img, 0, 0);
        return [[0, 0], [canvas.width - 1, canvas.height - 1]].map(([x = 0, y = 0]) => [...(context2d?.getImageData(x, y, 1, 1).data ?? [])]);
      });
      assert.deepEqual(corners, [[255, 255, 255, 255], [255, 255, 255, 255]], 'the PNG has an opaque white background');
      await viewer.screenshot({ path: path.join(RESULTS, 'export-light-from-dark-rendered.png'), fullPage: true });
    } finally {
      await viewer.close();
    }
  });

  test('the diagram is described in words and a node reached with the keyboard opens its card with Enter', async () => {
    const { page } = workbench;
    const frame = await webviewWith(page, '[data-svc-node]');
    assert.match(await frame.locator('#summary').innerText(), /Demand and opportunity enter through Plan, Engage and Improve/);
    for (const node of await frame.locator('[data-svc-node]').all()) assert.equal(await node.getAttribute('tabindex'), '0');
    await frame.locator('[data-svc-node="DT"]').focus();
    await page.keyboard.press('Enter');
    await frame.locator('#card h2', { hasText: 'Design & Transition' }).waitFor({ timeout: UI_TIMEOUT_MS });
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

    await workbench.reload();
    frame = await webviewWith(page, '.svc-tabs', UI_TIMEOUT_MS * 3).catch(async (error: Error) => {
      await screenshot(page, 'value-stream-preview-restore-failed');
      throw error;
    });
    await frame.locator('svg rect[id$="vs1_t4_svc-improve"]').waitFor({ timeout: UI_TIMEOUT_MS * 3 });
    assert.equal(await frame.locator('[data-tab="gantt"]').getAttribute('aria-selected'), 'true', 'the restored preview keeps its tab');
    await screenshot(page, 'value-stream-preview-restored');
  });

  test('moving the cursor in the source highlights its step in the preview; clicking a step selects its lines', async () => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'incident-resolution.valuestream.yaml');
    await runCommand(page, 'SVC: Open Value Stream Preview to the Side');
    const frame = await webviewWith(page, '[data-svc-node]');
    await frame.locator('[data-tab="flowchart"]').click();
    await frame.locator('[data-svc-node="vs0_s1"]').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await frame.locator('#summary').innerText(), /Incident resolution: Engage \(report\) → Deliver & Support \(restore\) → Improve \(review\)/);

    // Near the start of the line: the middle of a long line may lie beyond a narrow editor's edge and scroll it.
    await page.locator('.monaco-editor .view-line', { hasText: 'title: Diagnose and restore the service' }).first().click({ position: { x: 60, y: 5 } });
    await frame.locator('[data-svc-node="vs0_s1"].svc-node-selected').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await frame.locator('.svc-node-selected').count(), 1, 'only the step under the cursor');
    await page.mouse.move(2, 300);
    await screenshot(page, 'value-stream-preview-cursor-highlight');

    await frame.locator('[data-tab="gantt"]').click();
    await frame.locator('svg rect[id$="vs0_t1_svc-deliver-and-support"].svc-node-selected').waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'value-stream-preview-cursor-highlight-gantt');

    await frame.locator('[data-tab="flowchart"]').click();
    await frame.locator('[data-svc-node="vs0_s2"]').click();
    const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
    await selection.filter({ hasText: /selected/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The review step is lines 17-21 of the sample: selected from the start of `  - id: review` to the end of
    // `    duration: 1`, where the cursor stays.
    assert.match(await selection.innerText(), /Ln 21, Col 16 \(\d+ selected\)/, "the step's lines are selected");
    await frame.locator('[data-svc-node="vs0_s2"].svc-node-selected').waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'value-stream-preview-click-selects-lines');
  });
});
