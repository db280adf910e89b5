// A workspace with a checks configuration (.svc/config.yaml) and no SVC settings: the configuration chooses the
// edition the side bar follows (the Lifecycle view appears), makes outdated names errors in the documents, and its
// own problem is shown in it with a did-you-mean. Once in a light and once in a dark theme.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { openFile, pointOnText, screenshot, setTheme, showViews, useWorkbench, viewRow } from './workbench';

const UI_TIMEOUT_MS = 30_000;

const CONFIG = `version: 1
edition: itil5
severity:
  svc/legacy-term: error
  svc/legacy-terms: off
ignore:
  - archive
`;

const NOTES = `# Change board

Our Change Management board meets on Tuesdays.
`;

/** Rests the mouse on `text` in the visible editor and waits for the hover that shows a problem's message. */
async function problemHoverOn(page: Page, text: string, message: RegExp): Promise<Locator> {
  await page.mouse.move(5, 5);
  const point = await pointOnText(page, text);
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  const hover = page.locator('.monaco-hover', { hasText: message }).filter({ visible: true }).first();
  await hover.waitFor({ timeout: UI_TIMEOUT_MS });
  return hover;
}

suite('Checks configuration in the workbench', () => {
  const workbench = useWorkbench({
    files: { '.svc/config.yaml': CONFIG, 'notes.md': NOTES, 'archive/old-notes.md': NOTES },
    userSettings: { 'workbench.colorTheme': 'Light Modern', 'editor.hover.delay': 100 },
  });

  test('the configuration\'s edition brings the Lifecycle view; an outdated name is an error (light theme)', async () => {
    const { page } = workbench;
    await showViews(page, { collapsed: ['Value Chain', 'Value Streams'], expanded: ['Practices', 'Lifecycle'] });
    await viewRow(page, 'Lifecycle', '1\\. Discover').waitFor({ timeout: UI_TIMEOUT_MS });
    await viewRow(page, 'Practices', 'Product and service management \\(22\\)').waitFor({ timeout: UI_TIMEOUT_MS });

    await openFile(page, 'notes.md');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const hover = await problemHoverOn(page, 'Change Management', /ITIL 4/);
    assert.match(await hover.innerText(), /svc\/legacy-term/);
    await screenshot(page, 'config-edition-and-severity-light');
  });

  test('a file the configuration ignores is not checked', async () => {
    const { page } = workbench;
    await page.mouse.move(5, 5);
    await openFile(page, 'archive/old-notes.md');
    await page.locator('.monaco-editor .view-line', { hasText: 'Change Management' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The checker reacts to an opened document at once; give it a moment, then no squiggle may be there.
    await page.waitForTimeout(1_500);
    assert.equal(await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count(), 0);
  });

  test('a problem in the configuration is shown in it, with the code it meant (dark theme)', async () => {
    const { page } = workbench;
    await setTheme(page, 'Dark Modern');
    await openFile(page, '.svc/config.yaml');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const hover = await problemHoverOn(page, 'svc/legacy-terms', /Did you mean/);
    assert.match(await hover.innerText(), /No check reports `?svc\/legacy-terms`?; this setting has no effect\. Did you mean `?svc\/legacy-term`?\?/);
    await screenshot(page, 'config-problem-dark');
  });
});
