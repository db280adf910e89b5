/**
 * Diagram webviews in Chromium, with the real bundles and HTML shell (bench/diagramPage.ts): time to first
 * render of the SVC diagram (page load included; the value chain picture, drawn without Mermaid), of a 60-step
 * value stream, and the time to redraw after an edit (the preview's 250 ms debounce in the extension host comes
 * on top of that).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseValueStreams } from '../src/model/yamlParsers';
import type { ValueStream } from '../src/model/valueStreams/valueStreamTypes';
import { startDiagramPageServer } from './diagramPage';
import { percentile, type BenchFigure } from './figures';

const ACTIVITY_CYCLE = ['engage', 'plan', 'design-and-transition', 'obtain-build', 'deliver-and-support', 'improve'];
const PRACTICE_CYCLE = ['service desk', 'portfolio management', 'change enablement', 'IT asset management', 'incident management', 'continual improvement'];

/** A 60-step stream: mostly a chain, with every fifth step waiting for two earlier ones. */
function sixtyStepStream(titleSuffix = ''): ValueStream {
  const steps = Array.from({ length: 60 }, (_, index) => {
    const after = index === 0 ? '[]' : index % 5 === 0 && index >= 3 ? `[s${index - 1}, s${index - 3}]` : `[s${index - 1}]`;
    return [
      `  - id: s${index}`,
      `    activity: ${ACTIVITY_CYCLE[index % ACTIVITY_CYCLE.length]}`,
      `    title: Step ${index + 1}${index === 30 ? titleSuffix : ''}`,
      `    practices: [${PRACTICE_CYCLE[index % PRACTICE_CYCLE.length]}]`,
      `    after: ${after}`,
      `    duration: ${1 + (index % 3)}`,
    ].join('\n');
  });
  const source = `valueStream: Sixty steps\ntrigger: A large programme starts\noutcome: The programme is delivered\nsteps:\n${steps.join('\n')}\n`;
  const result = parseValueStreams(source);
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  const [stream] = result.streams;
  if (errors.length > 0 || !stream) throw new Error(`the generated stream does not parse: ${errors.map((finding) => finding.message).join('; ')}`);
  return stream;
}

async function renderCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.renderCount ?? '0'));
}

/** Posts an update as the host would and returns how long the page took to draw it (ms). */
async function timeUpdate(page: Page, streams: readonly ValueStream[]): Promise<number> {
  const before = await renderCount(page);
  const started = await page.evaluate((message) => {
    const now = performance.now();
    window.postMessage(message, '*');
    return now;
  }, { type: 'update', title: 'bench.valuestream.yaml', streams, errors: [], focusStream: undefined, revision: 1 });
  await page.waitForFunction((count) => Number(document.body.dataset.renderCount ?? '0') > count, before, { timeout: 60_000 });
  const finished = await page.evaluate((count) => performance.getEntriesByName(`svc-render-${count}`)[0]?.startTime ?? Number.NaN, before + 1);
  return finished - started;
}

async function firstRender(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.renderCount === '1', null, { timeout: 60_000 });
    return await page.evaluate(() => performance.getEntriesByName('svc-render-1')[0]?.startTime ?? Number.NaN);
  } finally {
    await page.close();
  }
}

export async function run(): Promise<BenchFigure[]> {
  const server = await startDiagramPageServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const chainRuns: number[] = [];
    for (let run = 0; run < 5; run++) chainRuns.push(await firstRender(browser, server.url('valueChainPage', 'light')));

    const stream = sixtyStepStream();
    const streamRuns: number[] = [];
    const editRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url('valueStreamPreviewPage', 'light'));
      await page.waitForFunction(() => Number(document.body.dataset.renderCount ?? '0') >= 1);
      streamRuns.push(await timeUpdate(page, [stream]));
      for (let edit = 0; edit < 3; edit++) editRuns.push(await timeUpdate(page, [sixtyStepStream(` (edit ${run}.${edit})`)]));
      await page.close();
    }

    const figures: BenchFigure[] = [
      {
        name: 'SVC diagram: first render in Chromium (page load included), median',
        value: percentile(chainRuns, 0.5),
        unit: 'ms',
        budget: 300,
        better: 'lower',
        note: `the value chain picture, no Mermaid; slowest of ${chainRuns.length} ${Math.max(...chainRuns).toFixed(0)} ms`,
      },
      { name: '60-step value stream: first render (flowchart), median', value: percentile(streamRuns, 0.5), unit: 'ms', budget: 2000, better: 'lower' },
      {
        name: '60-step value stream: redraw after an edit, median',
        value: percentile(editRuns, 0.5),
        unit: 'ms',
        budget: 1000,
        better: 'lower',
        note: `p90 ${percentile(editRuns, 0.9).toFixed(0)} ms; plus the 250 ms typing debounce in the host`,
      },
    ];
    for (const figure of figures) console.log(`${figure.name}: ${figure.value.toFixed(0)} ${figure.unit}${figure.note ? ` (${figure.note})` : ''}`);
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  void run();
}
