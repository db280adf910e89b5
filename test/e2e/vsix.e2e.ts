import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type * as VscodeHost from '../../scripts/vscode-host.mjs';
import { VIEW_CONTAINER_TITLE, openFile, pointOnText, runCommand, screenshot, webviewFrame } from './workbench';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const vsixPath = path.join(repoRoot, 'service-value-chain.vsix');

/**
 * The packaged extension, installed into code-server the way a user installs it (no development folder):
 * proves that `.vscodeignore` ships everything that runs.
 */
suite('Packaged VSIX', () => {
  let server: Awaited<ReturnType<typeof VscodeHost.startServer>> | undefined;
  let close: (() => Promise<void>) | undefined;
  let page: Page;
  let folder: string;

  suiteSetup(async function () {
    this.timeout(300_000);
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
    // The production build replaced dist/: build the development bundles again for the specs that follow.
    execFileSync('node', ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    assert.ok(existsSync(vsixPath), 'npm run package wrote no VSIX');
    const host: typeof VscodeHost = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'vscode-host.mjs')).href);
    server = await host.startServer({ vsixFiles: [vsixPath] });
    const context = await host.launchBrowser(server.newBrowserProfileDir());
    close = () => context.close();
    page = context.pages()[0] ?? (await context.newPage());
    folder = path.join(server.runDir, 'samples');
    cpSync(path.join(repoRoot, 'samples'), folder, { recursive: true });
    await page.goto(host.workbenchUrl(server.base, { folder }), { waitUntil: 'domcontentloaded', timeout: 100_000 });
    await page.locator(`.activitybar [aria-label^="${VIEW_CONTAINER_TITLE}"]`).first().waitFor({ timeout: 100_000 });
  });

  suiteTeardown(async () => {
    await close?.();
    await server?.stop();
  });

  test('the VSIX stays lean', () => {
    const megabytes = statSync(vsixPath).size / (1024 * 1024);
    assert.ok(megabytes < 2.5, `the VSIX is ${megabytes.toFixed(2)} MB`);
  });

  test('the installed extension shows its views with the six activities', async () => {
    await page.locator(`.activitybar a.action-label[aria-label^="${VIEW_CONTAINER_TITLE}"]`).click({ timeout: 30_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    for (const activity of ['Plan', 'Improve', 'Engage', 'Design & Transition', 'Obtain/Build', 'Deliver & Support']) {
      await sidebar.getByRole('treeitem', { name: new RegExp(`^${activity.replace(/[/&]/g, '\\$&')}\\b`) }).first().waitFor({ timeout: 30_000 });
    }
    await screenshot(page, 'vsix-explorer');
  });

  test('the installed extension reads the sample value streams with the parser bundle it loads on first use', async () => {
    // The Value Streams view parses every stream file of the workspace: without dist/yamlParsers.js in the
    // VSIX, the Node host could not list a single stream.
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.getByRole('treeitem', { name: /^Major incident\b/ }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'vsix-value-streams');
  });

  test('the installed extension draws the value chain diagram with its bundled Mermaid', async () => {
    await runCommand(page, 'SVC: Open Value Chain Diagram');
    const frame = webviewFrame(page);
    await frame.locator('svg .node').first().waitFor({ timeout: 60_000 });
    const labels = await frame.locator('svg .node').allTextContents();
    assert.ok(labels.some((label) => label.includes('Deliver')), `node labels: ${labels.join(' | ')}`);
    await screenshot(page, 'vsix-diagram');
  });

  test('the installed extension checks terminology with the checker bundle it loads after activation', async () => {
    // dist/terminologyChecker.js holds the checker: without it in the VSIX, no outdated name would be flagged.
    writeFileSync(
      path.join(folder, 'change-policy.md'),
      '# Change policy\n\nEvery change needs an approved RFC before the CAB meets.\n\n' +
        'Change Management publishes the change schedule. The CMDB is our configuration management database.\n',
    );
    await openFile(page, 'change-policy.md');
    const editor = page.locator('.monaco-editor').filter({ has: page.locator('.view-line', { hasText: 'approved RFC' }) });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    await editor.locator('.squiggly-info').first().waitFor({ timeout: 60_000 });
    assert.equal(await editor.locator('.squiggly-warning').count(), 2, 'RFC and Change Management are certain');
    const point = await pointOnText(page, 'CAB');
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y);
    await page.locator('.monaco-hover', { hasText: 'A CAB can still be the change authority' }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'vsix-terminology');
  });
});

