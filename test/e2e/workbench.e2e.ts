// Checks the e2e helpers themselves against built-in workbench features, so a failing feature spec points at the
// feature, not at the helpers.
import * as assert from 'node:assert/strict';
import { openFile, readNotifications, runCommand, screenshot, setTheme, useWorkbench } from './workbench';

suite('Workbench helpers', () => {
  const workbench = useWorkbench({
    files: { 'notes.md': '# Notes\n\nIncident management restores normal service.\n' },
    userSettings: { 'workbench.colorTheme': 'Light Modern' },
  });

  test('openFile opens a workspace file in an editor', async () => {
    const { page } = workbench;
    await openFile(page, 'notes.md');
    await page.locator('.monaco-editor .view-lines', { hasText: 'Incident management' }).waitFor({ timeout: 15_000 });
  });

  test('runCommand runs a palette command by its label', async () => {
    const { page } = workbench;
    const panel = page.locator('#workbench\\.parts\\.panel');
    const wasVisible = await panel.isVisible();
    await runCommand(page, 'View: Toggle Panel Visibility');
    await panel.waitFor({ state: wasVisible ? 'hidden' : 'visible', timeout: 15_000 });
  });

  test('setTheme switches the color theme', async () => {
    const { page } = workbench;
    await setTheme(page, 'Dark Modern');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 15_000 });
    await screenshot(page, 'workbench-dark-theme');
  });

  test('readNotifications reads the notification centre', async () => {
    const messages = await readNotifications(workbench.page);
    assert.ok(Array.isArray(messages));
    assert.equal(await workbench.page.locator('.notifications-center').isVisible(), false, 'the centre is closed again');
  });
});
