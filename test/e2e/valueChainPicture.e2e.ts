// The value chain picture drawn by Chromium with real fonts, in a light, a dark and a high-contrast theme and in
// the print-safe palette: every label fits its box, nothing is cut off at the picture's edge, and screenshots go to
// test-results/value-chain/ for a person to judge.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ACTIVITIES } from '../../src/model/itil';
import type { ThemeKind } from '../../src/model/diagrams/mermaid';
import { ACCENT_WIDTH, printPaint, themedPaint, valueChainSvg } from '../../src/model/diagrams/valueChain';

const RESULTS = path.resolve(__dirname, '..', '..', '..', 'test-results', 'value-chain');

/** The variables VS Code sets in a webview for its default light and dark themes (those the picture reads). */
const THEMES: Readonly<Record<'light' | 'dark' | 'high-contrast', { readonly kind: ThemeKind; readonly variables: Readonly<Record<string, string>> }>> = {
  light: {
    kind: 'light',
    variables: {
      '--vscode-editor-background': '#ffffff',
      '--vscode-editor-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#717171',
      '--vscode-editorWidget-background': '#f8f8f8',
      '--vscode-editorWidget-border': '#c8c8c8',
      '--vscode-font-family': 'system-ui, sans-serif',
    },
  },
  dark: {
    kind: 'dark',
    variables: {
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editorWidget-background': '#202020',
      '--vscode-editorWidget-border': '#454545',
      '--vscode-font-family': 'system-ui, sans-serif',
    },
  },
  'high-contrast': {
    kind: 'highContrast',
    variables: {
      '--vscode-editor-background': '#000000',
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-editorWidget-background': '#0c141f',
      '--vscode-editorWidget-border': '#6fc3df',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-font-family': 'system-ui, sans-serif',
    },
  },
};

/** A page like a webview of `theme` (its variables on the root, activity colours named as webviews name them). */
function themedPage(theme: keyof typeof THEMES): string {
  const { kind, variables } = THEMES[theme];
  const all: Record<string, string> = { ...variables };
  for (const activity of ACTIVITIES) all[`--vscode-${activity.colorId.replace('.', '-')}`] = activity.palette[kind];
  const style = Object.entries(all)
    .map(([name, value]) => `${name.replace(/\./g, '\\.')}:${value}`)
    .join(';');
  return `<!DOCTYPE html><html><head><style>:root{${style}}body{margin:0;background:var(--vscode-editor-background)}</style></head><body class="vscode-${theme}">${valueChainSvg(themedPaint())}</body></html>`;
}

function printPage(): string {
  return `<!DOCTYPE html><html><head><style>body{margin:0;background:#ffffff}</style></head><body>${valueChainSvg(printPaint())}</body></html>`;
}

interface Measured {
  readonly nodeId: string;
  readonly box: { x: number; y: number; width: number; height: number };
  readonly label: { x: number; y: number; width: number; height: number };
  readonly accent: number;
}

async function measure(page: Page): Promise<{ nodes: Measured[]; svg: { width: number; height: number }; content: { x: number; y: number; width: number; height: number } }> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg');
    if (!svg) throw new Error('no svg');
    const plain = (box: DOMRect) => ({ x: box.x, y: box.y, width: box.width, height: box.height });
    const nodes = [...svg.querySelectorAll<SVGGElement>('g.node')].map((group) => ({
      nodeId: group.dataset.id ?? '',
      box: plain(group.querySelector<SVGRectElement>('.svc-chain-box')?.getBBox() ?? new DOMRect()),
      label: plain(group.querySelector<SVGTextElement>('text')?.getBBox() ?? new DOMRect()),
      accent: group.querySelector('.svc-chain-accent') ? 1 : 0,
    }));
    return { nodes, svg: { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height }, content: plain(svg.getBBox()) };
  });
}

suite('The value chain picture in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;

  suiteSetup(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });

  suiteTeardown(async () => {
    await browser?.close();
  });

  for (const [name, html] of [
    ['light', () => themedPage('light')],
    ['dark', () => themedPage('dark')],
    ['high-contrast', () => themedPage('high-contrast')],
    ['print', printPage],
  ] as const) {
    test(`${name}: every label fits its box with room to spare, nothing is cut off, screenshot taken`, async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 420 }, deviceScaleFactor: 2 });
      try {
        await page.setContent(html());
        await page.evaluate(() => document.fonts.ready);
        const { nodes, svg, content } = await measure(page);
        assert.equal(nodes.length, 8);
        for (const node of nodes) {
          const padding = 8;
          const left = node.box.x + node.accent * ACCENT_WIDTH + padding;
          assert.ok(node.label.width > 0, `${node.nodeId} shows its label`);
          assert.ok(node.label.x >= left && node.label.x + node.label.width <= node.box.x + node.box.width - padding, `${node.nodeId}: label ${JSON.stringify(node.label)} fits across ${JSON.stringify(node.box)}`);
          assert.ok(node.label.y >= node.box.y + 4 && node.label.y + node.label.height <= node.box.y + node.box.height - 4, `${node.nodeId}: label fits down`);
        }
        assert.ok(content.x >= 0 && content.y >= 0 && content.x + content.width <= svg.width && content.y + content.height <= svg.height, 'everything lies inside the picture');
        await page.locator('svg').screenshot({ path: path.join(RESULTS, `value-chain-${name}.png`) });
      } finally {
        await page.close();
      }
    });
  }
});
