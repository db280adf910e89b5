import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { VIEW_CONTAINER_TITLE, answerSaveDialog, openFile, pointOnText, runCommand, screenshot, useWorkbench, webviewFrame } from './workbench';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const vsixPath = path.join(repoRoot, 'service-value-chain.vsix');

/**
 * The packaged extension, installed into code-server the way a user installs it (no development folder):
 * proves that `.vscodeignore` ships everything that runs.
 */
suite('Packaged VSIX', () => {
  suiteSetup(function () {
    this.timeout(300_000);
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
    // The production build replaced dist/: build the development bundles again for the specs that follow.
    execFileSync('node', ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    assert.ok(existsSync(vsixPath), 'npm run package wrote no VSIX');
  });

  const workbench = useWorkbench({ vsix: vsixPath, setupTimeoutMs: 300_000 });

  test('the VSIX stays lean', () => {
    const megabytes = statSync(vsixPath).size / (1024 * 1024);
    assert.ok(megabytes < 2.5, `the VSIX is ${megabytes.toFixed(2)} MB`);
  });

  test('the installed extension shows its views with the six activities', async () => {
    const { page } = workbench;
    await page.locator(`.activitybar a.action-label[aria-label^="${VIEW_CONTAINER_TITLE}"]`).click({ timeout: 30_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    for (const activity of ['Plan', 'Improve', 'Engage', 'Design & Transition', 'Obtain/Build', 'Deliver & Support']) {
      await sidebar.getByRole('treeitem', { name: new RegExp(`^${activity.replace(/[/&]/g, '\\$&')}\\b`) }).first().waitFor({ timeout: 30_000 });
    }
    await screenshot(page, 'vsix-explorer');
  });

  test('the installed extension reads the sample value streams with the parser bundle it loads on first use', async () => {
    const { page } = workbench;
    // The Value Streams view parses every stream file of the workspace: without dist/yamlParsers.js in the
    // VSIX, the Node host could not list a single stream.
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.getByRole('treeitem', { name: /^Major incident\b/ }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'vsix-value-streams');
  });

  test('the installed extension exports a document to Word with the export bundle it loads on first use', async function () {
    this.timeout(240_000);
    const { page, folder } = workbench;
    // Without dist/documentExport.js or the drawing page in the VSIX, nothing would be written.
    await openFile(page, 'consulting-notes.md');
    await runCommand(page, 'SVC: Export Document…');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Word document (.docx)' }).first().click({ timeout: 30_000 });
    await page.locator('.quick-input-widget', { hasText: 'appendices' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const target = path.join(folder, 'consulting-notes-export.docx');
    await answerSaveDialog(page, 'consulting-notes.docx', target);
    const deadline = Date.now() + 180_000;
    while (!existsSync(target) && Date.now() < deadline) await page.waitForTimeout(250);
    assert.ok(existsSync(target), 'the export wrote the Word file');
    assert.equal(readFileSync(target).subarray(0, 2).toString('latin1'), 'PK', 'a Word file is a ZIP package');
  });

  test('the installed extension draws the value chain diagram with its bundled Mermaid', async () => {
    const { page } = workbench;
    await runCommand(page, 'SVC: Open Value Chain Diagram');
    const frame = webviewFrame(page);
    await frame.locator('svg .node').first().waitFor({ timeout: 60_000 });
    const labels = await frame.locator('svg .node').allTextContents();
    assert.ok(labels.some((label) => label.includes('Deliver')), `node labels: ${labels.join(' | ')}`);
    await screenshot(page, 'vsix-diagram');
  });

  test('the installed extension checks terminology with the checker bundle it loads after activation', async () => {
    const { page } = workbench;
    // dist/terminologyChecker.js holds the checker: without it in the VSIX, no outdated name would be flagged.
    await openFile(page, 'proposal.md');
    const editor = page.locator('.monaco-editor').filter({ has: page.locator('.view-line', { hasText: 'Request Fulfilment share one queue' }) });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    const point = await pointOnText(page, 'Request Fulfilment share');
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y);
    await page.locator('.monaco-hover', { hasText: 'is the ITIL v3/2011 name' }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'vsix-terminology');
  });
});
