import * as assert from 'node:assert/strict';
import { VIEW_CONTAINER_TITLE, screenshot, useWorkbench } from './workbench';

// View names as package.nls.json gives them (the workbench shows the English strings). Once the views have their
// providers, extend the test with their rows: sidebar.getByRole('treeitem', { name: 'Plan' }) and so on.
const VIEW_NAMES = ['Value Chain', 'Practices', 'Value Streams'];

suite('Activity bar', () => {
  const workbench = useWorkbench();

  test('the Service Value Chain entry shows its icon', async () => {
    // The workbench draws the icon as a CSS mask from the extension's file: a missing file leaves a blank slot.
    const entry = workbench.page.locator(`.activitybar a.action-label[aria-label^="${VIEW_CONTAINER_TITLE}"]`);
    const mask = await entry.evaluate((element) => getComputedStyle(element).webkitMaskImage);
    const iconUrl = /url\("?([^")]+)"?\)/.exec(mask)?.[1];
    assert.ok(iconUrl, `the entry has no icon image (mask: ${mask})`);
    const status = await workbench.page.evaluate((url) => fetch(url).then((response) => response.status), iconUrl);
    assert.equal(status, 200, `the icon ${decodeURIComponent(iconUrl)} does not load`);
  });

  test('the Service Value Chain entry opens the side bar with its views', async () => {
    const { page } = workbench;
    const entry = page.locator(`.activitybar a.action-label[aria-label^="${VIEW_CONTAINER_TITLE}"]`);
    await entry.click({ timeout: 30_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.locator('.composite.title', { hasText: new RegExp(VIEW_CONTAINER_TITLE, 'i') }).waitFor({ timeout: 15_000 });
    await sidebar.locator('.pane-header', { hasText: VIEW_NAMES[0] }).waitFor({ timeout: 15_000 });
    const headers = (await sidebar.locator('.pane-header .title').allInnerTexts()).map((text) => text.trim().toLowerCase());
    for (const name of VIEW_NAMES) {
      assert.ok(headers.includes(name.toLowerCase()), `view "${name}" is not in the side bar (found: ${headers.join(', ')})`);
    }
    await screenshot(page, 'activitybar-service-value-chain');
  });
});
