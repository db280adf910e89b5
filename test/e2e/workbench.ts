// Helpers for end-to-end specs: they drive the real VS Code workbench (code-server) in headless Chromium with the
// extension loaded from source, the way a person uses it. Specs run with mocha in Node (scripts/test-e2e.mjs).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type * as Harness from '../../scripts/harness.mjs';
import type * as VscodeHost from '../../scripts/vscode-host.mjs';

export interface Workbench {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The workspace folder it shows (removed when it stops). */
  readonly folder: string;
  /**
   * Runs Developer: Reload Window, which shuts the workbench down properly (state saved) as a user's reload does,
   * and waits until the extensions are scanned again and the workbench shows the theme it showed before.
   */
  reload(): Promise<void>;
  /** Closes this workbench's browser and removes its folder; the shared server stays up for the next spec. */
  stop(): Promise<void>;
}

export interface WorkbenchOptions extends Harness.TestWorkspaceOptions {
  /** Added to the quiet user settings for this workbench (replacing those of any earlier one). */
  userSettings?: Record<string, unknown>;
  /**
   * A VSIX to install the way a user does, into a server of this workbench's own, instead of loading the extension
   * from source.
   */
  vsix?: string;
  /** Time for opening it, when the suite does more before (default mocha's test timeout). */
  setupTimeoutMs?: number;
}

/** The repository root, found from the compiled file's place (out/test/e2e/) or the source's. */
const repoRoot = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'scripts', 'vscode-host.mjs'))) return dir;
  }
  throw new Error(`no scripts/vscode-host.mjs above ${__dirname}`);
})();

const UI_TIMEOUT_MS = 30_000;
// Generous: 6-10 s on an idle 2-core machine, several times that when other builds share it.
const STARTUP_TIMEOUT_MS = 100_000;
/** How long the workbench's theme must stay the same before a spec takes it as settled. */
const THEME_SETTLE_MS = 5_000;

/** The title of the extension's activity bar entry (package.nls.json `viewContainer.title`). */
export const VIEW_CONTAINER_TITLE = 'Service Value Chain';

/** A file of test/fixtures/workspace, the folder the workbench shows unless the spec names other files. */
export function fixtureFile(name: string): string {
  return path.join(repoRoot, 'test', 'fixtures', 'workspace', name);
}

/** The harness's modules are ESM and shared with the runners: load those instances at run time, never bundled copies. */
function harnessModule<T>(name: string): Promise<T> {
  return import(pathToFileURL(path.join(repoRoot, 'scripts', name)).href) as Promise<T>;
}

/**
 * Opens a workbench for the enclosing suite, before its tests (and before any `suiteSetup` registered after this
 * call), and stops it after them. It shows a fresh workspace folder: a copy of test/fixtures/workspace, or only the
 * fixture files and written files the options name. The extension loads from source, or from `vsix`. The handle
 * reaches the open workbench from the tests.
 */
export function useWorkbench(options: WorkbenchOptions = {}): Workbench {
  let opened: Workbench | undefined;
  suiteSetup(async function () {
    if (options.setupTimeoutMs) this.timeout(options.setupTimeoutMs);
    opened = await openWorkbench(options);
  });
  suiteTeardown(async () => {
    await opened?.stop();
    opened = undefined;
  });
  const current = (): Workbench => {
    if (!opened) throw new Error('the workbench is not open: useWorkbench opens it in the suite set-up');
    return opened;
  };
  return {
    get page() {
      return current().page;
    },
    get context() {
      return current().context;
    },
    get folder() {
      return current().folder;
    },
    reload: () => current().reload(),
    stop: () => current().stop(),
  };
}

/** Opens the workbench in a fresh browser profile, once it is on screen (see {@link useWorkbench}). */
async function openWorkbench({ userSettings = {}, vsix, fixtureFiles, files }: WorkbenchOptions): Promise<Workbench> {
  const host = await harnessModule<typeof VscodeHost>('vscode-host.mjs');
  const { makeTestWorkspace } = await harnessModule<typeof Harness>('harness.mjs');
  // A VSIX installs into the extensions folder of a server, so it gets one of its own.
  const server = vsix ? await host.startServer({ vsixFiles: [vsix], userSettings }) : await host.sharedServer();
  const folder = makeTestWorkspace(mkdtempSync(path.join(server.runDir, 'workspace-')), { fixtureFiles, files });
  if (!vsix) server.writeUserSettings(userSettings);
  const context = await host.launchBrowser(server.newBrowserProfileDir());
  const stop = async (): Promise<void> => {
    await context.close();
    if (vsix) await server.stop();
    rmSync(path.dirname(folder), { recursive: true, force: true });
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const url = host.workbenchUrl(server.base, { folder, ...(vsix ? {} : { extensionDevelopmentPath: repoRoot }) });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: STARTUP_TIMEOUT_MS });
    await page.locator('.monaco-workbench').waitFor({ timeout: STARTUP_TIMEOUT_MS });
    const theme = userSettings['workbench.colorTheme'];
    await workbenchReady(page, typeof theme === 'string' ? theme : undefined);
    const reload = async (): Promise<void> => {
      const themeBefore = await shownTheme(page);
      await runCommand(page, 'Developer: Reload Window');
      await page.waitForEvent('load', { timeout: STARTUP_TIMEOUT_MS });
      // A reloaded window of the shared server can come back in the product's default theme.
      await workbenchReady(page, themeBefore);
    };
    return { page, context, folder, reload, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Waits until the extensions are scanned and the workbench shows `theme` (when given). The workbench paints before
 * the scan; until then their contributions (our views, even the built-in color themes) are missing. Our activity
 * bar entry shows when the scan is done.
 */
async function workbenchReady(page: Page, theme: string | undefined): Promise<void> {
  await page.locator(`.activitybar [aria-label^="${VIEW_CONTAINER_TITLE}"]`).first().waitFor({ timeout: STARTUP_TIMEOUT_MS });
  if (theme) await ensureColorTheme(page, theme);
}

/**
 * The class the workbench root carries for each built-in theme the specs use, once the theme's data is loaded.
 * The light/dark class alone cannot tell Dark Modern from the product's other dark themes.
 */
const THEME_CLASSES: Record<string, string> = {
  'Light Modern': 'vscode-theme-defaults-themes-light_modern-json',
  'Dark Modern': 'vscode-theme-defaults-themes-dark_modern-json',
  'Default High Contrast': 'vscode-theme-defaults-themes-hc_black-json',
  'Default High Contrast Light': 'vscode-theme-defaults-themes-hc_light-json',
};

async function showsTheme(page: Page, theme: string, timeout: number): Promise<boolean> {
  const themeClass = THEME_CLASSES[theme];
  if (!themeClass) throw new Error(`no workbench class known for the theme ${theme}`);
  try {
    await page.waitForFunction((expected) => document.querySelector('.monaco-workbench')?.classList.contains(expected) === true, themeClass, { timeout });
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until the workbench has settled on a theme. It first paints with the theme it cached, and switches
 * seconds later once the themes are scanned; the theme it settles on can differ from settings.json (a shared
 * server's windows sometimes start in another window's theme, a reloaded window in the product's default).
 */
async function themeSettled(page: Page): Promise<void> {
  const themeClasses = () => page.evaluate(() => [...(document.querySelector('.monaco-workbench')?.classList ?? [])].filter((name) => name.startsWith('vscode-theme-')).join(' '));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = await themeClasses();
  let stableSince = Date.now();
  while (Date.now() < deadline && (last === '' || Date.now() - stableSince < THEME_SETTLE_MS)) {
    await page.waitForTimeout(250);
    const now = await themeClasses();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
  }
}

/** The known theme the workbench shows now, if any. */
async function shownTheme(page: Page): Promise<string | undefined> {
  const classes = await page.evaluate(() => [...(document.querySelector('.monaco-workbench')?.classList ?? [])]);
  return Object.keys(THEME_CLASSES).find((theme) => classes.includes(THEME_CLASSES[theme] ?? ''));
}

/**
 * Makes sure the workbench shows `theme`. A shared server sometimes starts a new window in the theme of the one
 * before it, even though settings.json names another; the theme picker then sets it the way a person would.
 */
async function ensureColorTheme(page: Page, theme: string): Promise<void> {
  await themeSettled(page);
  if (await showsTheme(page, theme, 1_000)) return;
  await setTheme(page, theme);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks the quick input row whose label is exactly `label` (fuzzy matching also lists longer look-alikes). */
async function pickQuickInputRow(page: Page, label: string): Promise<void> {
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .first();
  await row.click({ timeout: UI_TIMEOUT_MS });
}

async function quickInput(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(text);
}

/** Runs a command through the command palette by its full label, e.g. `SVC: Open Value Chain Diagram`. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  await quickInput(page, `>${label}`);
  await pickQuickInputRow(page, label);
  // The command may open a quick pick of its own in the same widget: wait until the palette has gone, so that
  // what the caller types next goes to the new pick.
  await page.waitForFunction((typed) => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    const input = widget?.querySelector<HTMLInputElement>('input.input');
    return !widget || widget.style.display === 'none' || input?.value !== typed;
  }, `>${label}`, { timeout: UI_TIMEOUT_MS });
}

/** Opens a file of the workspace with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const fileName = path.posix.basename(relPath);
  await page.keyboard.press('Control+P');
  await quickInput(page, relPath);
  await pickQuickInputRow(page, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Saves a screenshot of the whole page as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * The content of the webview whose page has `selector`, when several webviews are open side by side (the newest
 * first); waits up to `timeout` for one to show it.
 */
export async function webviewWith(page: Page, selector: string, timeout = UI_TIMEOUT_MS * 2): Promise<FrameLocator> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frames = page.locator('iframe.webview.ready');
    for (let index = (await frames.count()) - 1; index >= 0; index--) {
      const frame = frames.nth(index).contentFrame().locator('#active-frame').contentFrame();
      if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${selector}`);
    await page.waitForTimeout(250);
  }
}

/** The content of the visible webview: VS Code nests it in two iframes (the host frame, then `#active-frame`). */
export function webviewFrame(page: Page): FrameLocator {
  return page
    .locator('iframe.webview.ready')
    .filter({ visible: true })
    .last()
    .contentFrame()
    .locator('#active-frame')
    .contentFrame();
}

/**
 * Switches the color theme through "Preferences: Color Theme" by its label in that list, e.g. `Dark Modern`
 * (VS Code 1.139 labels: `Light 2026`, `Dark 2026`, `Light Modern`, `Dark Modern`, `Dark High Contrast`, ...).
 */
export async function setTheme(page: Page, themeName: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await quickInput(page, themeName);
  await pickQuickInputRow(page, themeName);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  if (THEME_CLASSES[themeName] && !(await showsTheme(page, themeName, UI_TIMEOUT_MS))) throw new Error(`the workbench did not switch to ${themeName}`);
}

/**
 * The messages of all notifications. Smoke-test mode (which the host needs) hides notification toasts, so they
 * are read in the notification centre, which is closed again afterwards.
 */
export async function readNotifications(page: Page): Promise<string[]> {
  const center = page.locator('.notifications-center');
  const toggle = page.locator('.statusbar-item[id="status.notifications"]');
  if (!(await center.isVisible())) await toggle.click({ timeout: UI_TIMEOUT_MS });
  await center.waitFor({ timeout: UI_TIMEOUT_MS });
  const messages = await center.locator('.notification-list-item-message').allInnerTexts();
  await page.keyboard.press('Escape');
  return messages.map((message) => message.trim());
}

/**
 * Expands the side bar view titled `view` if it is collapsed. Views remember being collapsed across windows of the
 * shared server (an earlier spec may have collapsed one to make room), so a spec that reads a view opens it first.
 */
export async function expandView(page: Page, view: string): Promise<void> {
  const header = viewHeader(page, view);
  await header.waitFor({ timeout: UI_TIMEOUT_MS });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click({ timeout: UI_TIMEOUT_MS });
  await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await header.elementHandle(), { timeout: UI_TIMEOUT_MS });
}

/** Collapses the side bar view titled `view` if it is expanded, to give the other views room. */
export async function collapseView(page: Page, view: string): Promise<void> {
  const header = viewHeader(page, view);
  await header.waitFor({ timeout: UI_TIMEOUT_MS });
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click({ timeout: UI_TIMEOUT_MS });
}

/** Opens the Service Value Chain side bar, collapses the views in `collapsed` to leave room, and expands those in `expanded`. */
export async function showViews(page: Page, { collapsed, expanded }: { readonly collapsed: readonly string[]; readonly expanded: readonly string[] }): Promise<void> {
  await page.locator(`.activitybar [aria-label^="${VIEW_CONTAINER_TITLE}"]`).first().click({ timeout: UI_TIMEOUT_MS });
  for (const view of collapsed) await collapseView(page, view);
  for (const view of expanded) await expandView(page, view);
}

/** The side bar view titled `view` (a title starting so), header and rows. */
export function viewPane(page: Page, view: string): Locator {
  return page.locator('#workbench\\.parts\\.sidebar .pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^${view}`) }) });
}

/** The first row of a side bar view whose label is `label` (a regular expression source, anchored). */
export function viewRow(page: Page, view: string, label: string): Locator {
  return viewPane(page, view)
    .locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .first();
}

function viewHeader(page: Page, view: string): Locator {
  return page
    .locator('#workbench\\.parts\\.sidebar .pane-header', { has: page.locator('.title', { hasText: new RegExp(`^${escapeRegExp(view)}$`, 'i') }) })
    .first();
}

/**
 * Moves the mouse onto `text` in the visible editor and waits for our card titled `title` in the hover widget.
 * The mouse leaves first and arrives in two steps, so a card already open is replaced rather than kept.
 */
export async function hoverCardOn(page: Page, text: string, title: string): Promise<Locator> {
  await page.mouse.move(5, 5);
  await page.locator('.monaco-hover').filter({ visible: true }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS }).catch(() => undefined);
  const point = await pointOnText(page, text);
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  const card = page.locator('.monaco-hover .rendered-markdown', { has: page.locator('h3', { hasText: title }) }).first();
  await card.waitFor({ timeout: UI_TIMEOUT_MS });
  return card;
}

/** Screen point in the middle of the first occurrence of `text` in the visible editor lines. */
export async function pointOnText(page: Page, text: string): Promise<{ x: number; y: number }> {
  const line = page.locator('.monaco-editor .view-line', { hasText: text }).first();
  await line.waitFor({ timeout: UI_TIMEOUT_MS });
  const box = await line.evaluate((element, needle) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return undefined;
  }, text);
  if (!box) throw new Error(`"${text}" is not inside one text node of the editor line`);
  return box;
}

/**
 * Answers a save dialog with `filePath` and waits until it has closed. In code-server `showSaveDialog` is VS Code's
 * simple file dialog: a quick input holding a path. It first shows the folder, reads it, and only then writes the
 * default file name into the input, replacing whatever was typed in the meantime (an earlier spec that typed at
 * once hung there). So wait for `defaultName`, replace the whole path, make sure the dialog kept it, accept.
 */
export async function answerSaveDialog(page: Page, defaultName: string, filePath: string): Promise<void> {
  const inputValue = () => document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value ?? '';
  await page.waitForFunction(`(${inputValue.toString()})().endsWith(${JSON.stringify(`/${defaultName}`)})`, undefined, { timeout: UI_TIMEOUT_MS });
  await page.locator('.quick-input-widget input.input').fill(filePath);
  await page.waitForFunction(`(${inputValue.toString()})() === ${JSON.stringify(filePath)}`, undefined, { timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}
