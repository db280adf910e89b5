// "Copy PNG" in the SVC diagram's toolbar, in the real workbench: the browser lets the page use the clipboard
// (as a person's browser does for a site they allowed), the button is clicked, and the workbench page reads back
// what landed on the clipboard: a PNG of the diagram at the export scale, print-safe even in a dark editor.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { readNotifications, runCommand, screenshot, useWorkbench, webviewWith } from './workbench';

const UI_TIMEOUT_MS = 60_000;
const PNG_SCALE = 2;
/** Margin the exporter puts around the diagram (src/webview/lib/exporter.ts GAP), in diagram units. */
const EXPORT_MARGIN = 24;
const RESULTS = path.resolve(__dirname, '..', '..', '..', 'test-results');
const COPIED_MESSAGE = 'Diagram copied to the clipboard as a PNG image';

interface ClipboardImage {
  readonly types: string[];
  readonly bytes: number[];
  /** RGBA of the top left pixel, as the browser decodes the image. */
  readonly corner: number[];
}

/** Puts something else on the clipboard, so that an image read later can only come from the button. */
async function clearClipboard(page: Page): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
}

/** What the clipboard holds, read the way a page reads it (the workbench page, not the webview that wrote it). */
async function readClipboardImage(page: Page): Promise<ClipboardImage | undefined> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item) return undefined;
    if (!item.types.includes('image/png')) return { types: [...item.types], bytes: [], corner: [] };
    const blob = await item.getType('image/png');
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d');
    context?.drawImage(bitmap, 0, 0);
    return {
      types: [...item.types],
      bytes: [...new Uint8Array(await blob.arrayBuffer())],
      corner: [...(context?.getImageData(0, 0, 1, 1).data ?? [])],
    };
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'the clipboard holds PNG bytes');
  assert.equal(Buffer.from(bytes.subarray(12, 16)).toString('ascii'), 'IHDR', 'the first chunk is the header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Waits for the status bar to confirm the copy; an error notification fails the test with its text. */
async function waitForCopied(page: Page): Promise<void> {
  const confirmation = page.locator('.statusbar-item', { hasText: COPIED_MESSAGE });
  const shown = await confirmation.waitFor({ timeout: UI_TIMEOUT_MS }).then(() => true, () => false);
  if (!shown) assert.fail(`no "${COPIED_MESSAGE}"; notifications: ${JSON.stringify(await readNotifications(page))}`);
}

suite('Copy PNG from the SVC diagram', function () {
  this.timeout(300_000);
  const workbench = useWorkbench({ userSettings: { 'workbench.colorTheme': 'Dark Modern', 'svc.export.pngScale': PNG_SCALE } });

  suiteSetup(async () => {
    // code-server runs on localhost, a secure context; the webview frames allow clipboard-read/write (Chromium).
    await workbench.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('puts a print-safe PNG of the diagram, at the export scale, on the clipboard', async () => {
    const { page } = workbench;
    await clearClipboard(page);
    await runCommand(page, 'SVC: Open Value Chain Diagram');
    const frame = await webviewWith(page, '[data-svc-node]');
    await frame.locator('[data-svc-node]').nth(7).waitFor({ timeout: UI_TIMEOUT_MS });
    await frame.locator('body.vscode-dark').waitFor({ timeout: UI_TIMEOUT_MS });
    const diagram = await frame.locator('#stage svg').first().evaluate((svg) => {
      const box = (svg as SVGSVGElement).viewBox.baseVal;
      return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
    });

    const button = frame.locator('[data-action="copyImage"]');
    assert.equal((await button.innerText()).trim(), 'Copy PNG');
    await button.click();
    await waitForCopied(page);
    await screenshot(page, 'copy-png-dark');

    const image = await readClipboardImage(page);
    assert.ok(image, 'the clipboard is empty');
    assert.deepEqual(image.types, ['image/png']);
    const bytes = Uint8Array.from(image.bytes);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'copy-png-clipboard.png'), bytes);
    const size = pngSize(bytes);
    // The export draws the diagram again in the light palette; the same layout gives the same size (± a unit).
    const expected = { width: (diagram.width + 2 * EXPORT_MARGIN) * PNG_SCALE, height: (diagram.height + 2 * EXPORT_MARGIN) * PNG_SCALE };
    assert.ok(Math.abs(size.width - expected.width) <= PNG_SCALE, `width ${size.width}, expected about ${expected.width}`);
    assert.ok(Math.abs(size.height - expected.height) <= PNG_SCALE, `height ${size.height}, expected about ${expected.height}`);
    assert.ok(bytes.length > 10_000, `a drawn diagram, not a blank image (${bytes.length} bytes)`);
    assert.deepEqual(image.corner, [255, 255, 255, 255], 'solid white background although the editor is dark');
  });

  test('says so, and points to Export as PNG, when the browser does not allow clipboard writes', async () => {
    const { page, context } = workbench;
    // A person (a site setting) or a policy can block the clipboard for the workbench's origin; DevTools does the same.
    const devtools = await context.newCDPSession(page);
    await devtools.send('Browser.setPermission', { permission: { name: 'clipboard-write' }, setting: 'denied' });
    const copied = page.locator('.statusbar-item', { hasText: COPIED_MESSAGE });
    // The confirmation of the copy before (shown for 3 s) is gone first, so a new one would be this click's.
    await copied.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    const frame = await webviewWith(page, '[data-svc-node]');
    await frame.locator('[data-action="copyImage"]').click();
    const expected = 'Could not copy the diagram as an image: The browser does not allow this window to write to the clipboard. Use "Export as PNG…" instead.';
    const deadline = Date.now() + UI_TIMEOUT_MS;
    let messages = await readNotifications(page);
    while (!messages.includes(expected) && Date.now() < deadline) {
      await page.waitForTimeout(500);
      messages = await readNotifications(page);
    }
    assert.ok(messages.includes(expected), `notifications: ${JSON.stringify(messages)}`);
    assert.equal(await copied.count(), 0, 'no claim that the diagram was copied');
    await page.locator('.statusbar-item[id="status.notifications"]').click();
    await page.locator('.notifications-center').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.notifications-center .codicon-notifications-expand').first().click({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'copy-png-denied-dark');
    await page.keyboard.press('Escape');
    await devtools.send('Browser.resetPermissions');
  });
});
