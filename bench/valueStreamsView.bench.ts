// The Value Streams view's index over a generated workspace of 2,000 Markdown files (one in ten holds a
// ```valuestream block, a few hold two): the first full build (read every file, pre-filter, parse the blocks)
// and the incremental update after one file is edited. Model code only, measured in Node.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documentKind } from '../src/model/documents/documentKind';
import { ValueStreamIndex } from '../src/model/valueStreams/valueStreamIndex';
import { holdsValueStreams } from '../src/model/valueStreams/valueStreamSources';
import { percentile, timeRuns, type BenchFigure } from './figures';

const FILE_COUNT = 2000;
const READ_BATCH = 32;
const RUNS = 5;

const ACTIVITIES = ['plan', 'improve', 'engage', 'design-and-transition', 'obtain-build', 'deliver-and-support'];

function prose(seed: number): string {
  const paragraphs: string[] = [];
  for (let index = 0; index < 12; index += 1) {
    paragraphs.push(
      `Paragraph ${index} of note ${seed}: the service desk logs the request, incident management restores service, ` +
        `and change enablement assesses the risk before the release. Continual improvement reviews the outcome ` +
        'with the customer and records the lessons in the register so the next iteration starts from evidence.',
    );
  }
  return paragraphs.join('\n\n');
}

function block(seed: number, steps: number): string {
  const lines = ['```valuestream', `valueStream: Generated stream ${seed}`, `description: Stream number ${seed}`, 'steps:'];
  for (let step = 0; step < steps; step += 1) {
    lines.push(
      `  - id: s${step}`,
      `    activity: ${ACTIVITIES[(seed + step) % ACTIVITIES.length]}`,
      `    title: Step ${step} of stream ${seed}`,
      '    practices: [service desk, incident management]',
      '    duration: 1',
    );
  }
  lines.push('```');
  return lines.join('\n');
}

function markdownFile(seed: number): string {
  const parts = [`# Note ${seed}`, prose(seed)];
  if (seed % 10 === 0) parts.push(block(seed, 6));
  if (seed % 100 === 0) parts.push(prose(seed + 1), block(seed + 1, 4));
  return `${parts.join('\n\n')}\n`;
}

async function buildIndex(files: readonly string[]): Promise<ValueStreamIndex> {
  const index = new ValueStreamIndex();
  for (let start = 0; start < files.length; start += READ_BATCH) {
    await Promise.all(
      files.slice(start, start + READ_BATCH).map(async (file) => {
        const kind = documentKind({ path: file });
        if (holdsValueStreams(kind)) index.update(file, kind, await readFile(file, 'utf8'));
      }),
    );
  }
  return index;
}

export async function run(): Promise<BenchFigure[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'svc-bench-streams-'));
  try {
    const files: string[] = [];
    for (let seed = 0; seed < FILE_COUNT; seed += 1) {
      const file = path.join(folder, `docs-${seed % 20}`, `note-${seed}.md`);
      files.push(file);
    }
    await Promise.all([...new Set(files.map((file) => path.dirname(file)))].map((dir) => mkdir(dir, { recursive: true })));
    await Promise.all(files.map((file, seed) => writeFile(file, markdownFile(seed))));

    const fullBuild: number[] = [];
    let index = await buildIndex(files);
    for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
      const started = performance.now();
      index = await buildIndex(files);
      fullBuild.push(performance.now() - started);
    }
    const streams = index.list().reduce((sum, source) => sum + source.streams.length, 0);
    if (index.size !== FILE_COUNT / 10 || streams !== FILE_COUNT / 10 + FILE_COUNT / 100) {
      throw new Error(`index holds ${index.size} sources and ${streams} streams; expected ${FILE_COUNT / 10} and ${FILE_COUNT / 10 + FILE_COUNT / 100}`);
    }

    const editedFile = files[100] ?? '';
    const edited = [markdownFile(100), markdownFile(100).replace('Generated stream 100', 'Renamed stream 100')];
    let toggle = 0;
    const incremental = timeRuns(() => {
      toggle = 1 - toggle;
      index.update(editedFile, 'markdown', edited[toggle] ?? '');
    }, 200);

    const note = `${FILE_COUNT} files, ${index.size} with blocks, ${streams} streams`;
    return [
      { name: 'Value Streams view: index 2,000 Markdown files (read + parse, median)', value: percentile(fullBuild, 0.5), unit: 'ms', budget: 1500, better: 'lower', note },
      { name: 'Value Streams view: re-index one edited file (median)', value: percentile(incremental, 0.5), unit: 'ms', budget: 10, better: 'lower' },
    ];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
