/**
 * Serves the diagram webviews' real bundles (dist/webview, media) on a local port, in the same HTML shell and
 * CSP the extension uses, with a stand-in for `acquireVsCodeApi` and a set of VS Code theme variables, so
 * Chromium can load and time them outside VS Code.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ACTIVITIES } from '../src/model/itil/activities';
import { diagramHtml } from '../src/features/diagrams/panels/diagramHtml';
import { createNonce } from '../src/features/shared/nonce';
import type { ThemeKind } from '../src/model/diagrams/mermaid/mermaidText';

const ROOT = path.resolve(__dirname, '..', '..');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

const THEME_VARIABLES: Record<'light' | 'dark', Record<string, string>> = {
  light: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#717171',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-editorWidget-border': '#c8c8c8',
    '--vscode-sideBar-background': '#f8f8f8',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-errorForeground': '#f85149',
  },
  dark: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-editorWidget-border': '#454545',
    '--vscode-sideBar-background': '#181818',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-button-background': '#0078d4',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-errorForeground': '#f85149',
  },
};

function themeScript(theme: 'light' | 'dark'): string {
  const kind: ThemeKind = theme;
  const variables = { ...THEME_VARIABLES[theme] };
  // Named as VS Code names them in webviews: only the first dot of the colour id becomes a dash.
  for (const activity of ACTIVITIES) variables[`--vscode-${activity.colorId.replace('.', '-')}`] = activity.palette[kind];
  return `
window.svcPosted = [];
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.svcPosted.push(message),
  getState: () => window.svcState,
  setState: (state) => { window.svcState = state; },
});
for (const [name, value] of Object.entries(${JSON.stringify(variables)})) document.documentElement.style.setProperty(name, value);
document.addEventListener('DOMContentLoaded', () => document.body.classList.add('vscode-${theme}'));`;
}

export type PageKind = 'valueChainPage' | 'valueStreamPreviewPage';

export interface DiagramPageServer {
  readonly url: (page: PageKind, theme: 'light' | 'dark') => string;
  readonly close: () => Promise<void>;
}

export async function startDiagramPageServer(): Promise<DiagramPageServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const page = /^\/page\/(valueChainPage|valueStreamPreviewPage)$/.exec(url.pathname);
      if (page) {
        const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
        const origin = `http://${request.headers.host}`;
        const nonce = createNonce();
        const html = diagramHtml({
          title: 'Diagram',
          cspSource: origin,
          nonce,
          scriptUri: `${origin}/dist/webview/${page[1]}.js`,
          styleUri: `${origin}/media/diagram.css`,
          strings: {},
          toolbar: {
            zoomOut: { face: '−', label: 'Zoom out' },
            zoomIn: { face: '+', label: 'Zoom in' },
            fit: { face: 'Fit', label: 'Fit to window' },
            actualSize: { face: '100%', label: 'Actual size' },
            exportSvg: { face: 'SVG', label: 'Export SVG' },
            exportPng: { face: 'PNG', label: 'Export PNG' },
            copyImage: { face: 'Copy PNG', label: 'Copy as PNG' },
            copySource: { face: 'Copy', label: 'Copy Mermaid source' },
          },
          tabs: page[1] === 'valueStreamPreviewPage' ? [{ id: 'flowchart', label: 'Flowchart' }, { id: 'gantt', label: 'Schedule' }] : undefined,
          cardPane: page[1] === 'valueChainPage',
          viewportLabel: 'Diagram',
          summaryLabel: 'The diagram in words',
          ...(page[1] === 'valueStreamPreviewPage' ? { metricsLabel: 'Lead time, work, waiting, flow efficiency and critical path' } : {}),
        }).replace('<head>', `<head>\n<script nonce="${nonce}">${themeScript(theme)}</script>`);
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(html);
        return;
      }
      const file = path.join(ROOT, path.normalize(url.pathname));
      if (!file.startsWith(path.join(ROOT, 'dist', 'webview')) && !file.startsWith(path.join(ROOT, 'media'))) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (page, theme) => `http://127.0.0.1:${port}/page/${page}?theme=${theme}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
