/**
 * Draws an export's figures for `svc-export` in a local Chromium or Chrome, driven by playwright-core (which
 * downloads nothing: it starts the browser it is given). The page is the editor's drawing page, served from the
 * package's own files through request interception, so no port is opened and every other request is refused.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DRAWING_PAGE_SCRIPT, DRAWING_PAGE_STYLE, drawingPageHtml, DrawingSession, type DrawingJob, type DrawnFigure, type DrawOptions } from '../../model/export';
import { UsageError } from '../checkFiles';

/** Environment variables that may name the browser, the first one set wins. */
export const BROWSER_VARIABLES = ['SVC_BROWSER', 'CHROME_PATH'] as const;
const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome', 'microsoft-edge'];
const ORIGIN = 'https://svc-export.invalid';
const FIGURE_TIMEOUT_MS = 90_000;
const CONTENT_TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.css': 'text/css' };

export const NO_BROWSER_MESSAGE =
  'no Chromium or Chrome found to draw the diagrams with. Install one (on Debian or Ubuntu: apt-get install chromium), ' +
  `or name it with --browser <path> or the ${BROWSER_VARIABLES.join(' or ')} environment variable.`;

function isFile(candidate: string): boolean {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** The browser to draw with: `--browser`, then the environment, then the first known command on the PATH. */
export function findBrowser(option: string | undefined, environment: NodeJS.ProcessEnv): string {
  const named = option ?? BROWSER_VARIABLES.map((name) => environment[name]).find((value) => value !== undefined && value !== '');
  if (named !== undefined) {
    if (!isFile(named)) throw new UsageError(`the browser ${named} does not exist or is not a file`);
    return named;
  }
  const folders = (environment.PATH ?? '').split(path.delimiter).filter((folder) => folder !== '');
  for (const command of BROWSER_COMMANDS) {
    for (const folder of folders) {
      const candidate = path.join(folder, command);
      if (isFile(candidate)) return candidate;
    }
  }
  throw new UsageError(NO_BROWSER_MESSAGE);
}

/** The package's root: dist/cli/svc-export.js sits two folders below it, beside dist/webview and media. */
function packageRoot(): string {
  const root = path.resolve(__dirname, '..', '..');
  if (!existsSync(path.join(root, ...DRAWING_PAGE_SCRIPT))) throw new Error(`the drawing page is missing from ${root}: build the package first`);
  return root;
}

export class BrowserDrawing {
  private constructor(private readonly browser: Browser) {}

  static async launch(executablePath: string): Promise<BrowserDrawing> {
    const { chromium } = await import('playwright-core');
    try {
      return new BrowserDrawing(await chromium.launch({ executablePath, args: ['--disable-gpu'] }));
    } catch (error) {
      throw new UsageError(`could not start the browser ${executablePath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  async draw(jobs: readonly DrawingJob[], options: DrawOptions, onDrawn: (done: number) => void): Promise<DrawnFigure[]> {
    const root = packageRoot();
    const page = await this.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const session = new DrawingSession(jobs, options, (message) => void page.evaluate((posted) => window.postMessage(posted, '*'), message).catch((error: Error) => session.fail(error)), onDrawn, {
      ms: FIGURE_TIMEOUT_MS,
      message: (figure) => `figure ${figure} was not drawn within ${FIGURE_TIMEOUT_MS / 1000} seconds`,
    });
    try {
      const nonce = randomBytes(18).toString('base64url');
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/') {
          const html = drawingPageHtml({
            cspSource: ORIGIN,
            nonce,
            scriptUri: `${ORIGIN}/${DRAWING_PAGE_SCRIPT.join('/')}`,
            styleUri: `${ORIGIN}/${DRAWING_PAGE_STYLE.join('/')}`,
            title: 'Drawing the document’s figures',
            status: 'Loading the diagram renderer…',
            progress: 'Drawing figure {0} of {1}…',
          });
          return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
        }
        const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
        const allowed = [path.join(root, 'dist', 'webview') + path.sep, path.join(root, 'media') + path.sep].some((folder) => file.startsWith(folder));
        if (!allowed) return route.abort();
        try {
          return await route.fulfill({ contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
        } catch {
          return route.fulfill({ status: 404 });
        }
      });
      await page.exposeFunction('svcExportPost', (message: unknown) => session.receive(message));
      await page.addInitScript(() => {
        const bridge = window as unknown as { svcExportPost: (message: unknown) => void; acquireVsCodeApi: () => unknown };
        bridge.acquireVsCodeApi = () => ({ postMessage: (message: unknown) => bridge.svcExportPost(message), getState: () => undefined, setState: () => undefined });
      });
      page.on('crash', () => session.fail(new Error('the browser page crashed while drawing')));
      await page.goto(`${ORIGIN}/`);
      return await session.figures;
    } finally {
      session.dispose();
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
