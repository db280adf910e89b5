// Term matcher figures: index build, hover latency on a 1 MB Markdown document, and full-document scan
// throughput on 1 MB and 10 MB of prose, against a naive scan with one regular expression per term.
import { workbenchColorReference } from '../src/model/cards';
import { createTermIndex, modelTermForms } from '../src/model/terms/termMatcher';
import { builtInTerms } from '../src/model/terms/effectiveTerms';
import { TermHoverRenderer } from '../src/model/terms/termHover';
import { availableParallelism, loadavg } from 'node:os';
import { cpuMilliseconds, percentile, timeRuns, type BenchFigure } from './figures';
import { ITIL4 } from '../src/model/itil/editions';

const MEGABYTE = 1024 * 1024;

/** Deterministic pseudo-random numbers, so every run measures the same document. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PLAIN_WORDS = (
  'the team will review our current approach and agree targets with each business unit before the next quarter ' +
  'because users expect faster answers while costs stay flat so we propose three waves of work with clear owners ' +
  'reports dashboards budget contract vendor cloud migration depot warehouse staff training interviews findings'
).split(' ');

/** Consultant-style Markdown: headings, paragraphs wrapped at ~100 columns, lists, tables and code blocks. */
export function consultantMarkdown(size: number, seed = 42): string {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // The names as the model writes them; the "Mgmt" shorthands the index derives from them would crowd them out.
  const termNames = modelTermForms()
    .map((form) => form.text)
    .filter((text) => !/\bMgm?t\b/.test(text));
  const parts: string[] = [];
  let length = 0;
  let section = 1;
  while (length < size) {
    const block: string[] = [];
    const kind = random();
    if (kind < 0.08) {
      block.push(`## ${section++}. ${pick(termNames)} and ${pick(PLAIN_WORDS)}`);
    } else if (kind < 0.2) {
      for (let item = 0; item < 4; item++) block.push(`- **${pick(termNames)}** — ${sentence(pick, termNames, 10)}`);
    } else if (kind < 0.25) {
      block.push('| Team | Activities |', '|---|---|', `| ${pick(PLAIN_WORDS)} | ${pick(termNames)}, ${pick(termNames)} |`);
    } else if (kind < 0.28) {
      block.push('```ini', `queue.${pick(PLAIN_WORDS)} = ${pick(termNames)}`, '```');
    } else {
      const paragraph = Array.from({ length: 4 }, () => sentence(pick, termNames, 14)).join(' ');
      block.push(...wrap(paragraph, 100));
    }
    const text = block.join('\n') + '\n\n';
    parts.push(text);
    length += text.length;
  }
  return parts.join('').slice(0, size);
}

function sentence(pick: <T>(items: readonly T[]) => T, termNames: readonly string[], words: number): string {
  const out: string[] = [];
  for (let index = 0; index < words; index++) out.push(index % 6 === 3 ? pick(termNames) : pick(PLAIN_WORDS));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.length > 0) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The approach the index replaces: one case-insensitive, whole-word regular expression per written form. */
function naiveScan(text: string, patterns: readonly RegExp[]): number {
  let found = 0;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    while (pattern.exec(text)) found++;
  }
  return found;
}

function naivePatterns(): RegExp[] {
  return modelTermForms().map((form) => {
    const source = form.text
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('\\s+');
    return new RegExp(`\\b${source}\\b`, 'gi');
  });
}

function megabytesPerSecond(bytes: number, milliseconds: number): number {
  return bytes / MEGABYTE / (milliseconds / 1000);
}

/** What the hover provider does per request: read whole lines around the position, find the term, render its card. */
function hoverAt(renderer: TermHoverRenderer, text: string, offset: number): unknown {
  const windowStart = text.lastIndexOf('\n', Math.max(0, offset - 4096)) + 1;
  const lineEnd = text.indexOf('\n', offset + 512);
  const windowEnd = lineEnd < 0 ? text.length : lineEnd;
  return renderer.hoverAt(text.slice(windowStart, windowEnd), offset - windowStart, ITIL4);
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];

  const buildTimes = timeRuns(() => createTermIndex(), 30);
  figures.push({ name: 'Term index build', value: percentile(buildTimes, 0.5), unit: 'ms', budget: 25, better: 'lower' });
  const index = createTermIndex();

  const oneMegabyte = consultantMarkdown(MEGABYTE);
  const mentions = index.findAll(oneMegabyte);
  const random = randomSource(7);
  const offsets = Array.from({ length: 4000 }, (_, position) =>
    position % 2 === 0 ? Math.floor(random() * oneMegabyte.length) : mentions[Math.floor(random() * mentions.length)].start + 1,
  );
  const renderer = new TermHoverRenderer({ commandLinks: true, compact: true, colorFor: workbenchColorReference }, builtInTerms());
  for (const offset of offsets.slice(0, 500)) hoverAt(renderer, oneMegabyte, offset);
  const hoverTimes = offsets.map((offset) => {
    const started = performance.now();
    hoverAt(renderer, oneMegabyte, offset);
    return performance.now() - started;
  });
  figures.push({ name: 'Hover latency p50 (1 MB Markdown)', value: percentile(hoverTimes, 0.5), unit: 'ms', better: 'lower' });
  figures.push({ name: 'Hover latency p99 (1 MB Markdown)', value: percentile(hoverTimes, 0.99), unit: 'ms', budget: 1, better: 'lower' });

  const scanOneMegabyte = percentile(timeRuns(() => index.findAll(oneMegabyte), 15), 0.5);
  figures.push({
    name: 'Full term scan of 1 MB',
    value: scanOneMegabyte,
    unit: 'ms',
    budget: 20,
    better: 'lower',
    note: `median wall clock; ${cpuMilliseconds(() => index.findAll(oneMegabyte)).toFixed(1)} ms of CPU per scan, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
  });

  const patterns = naivePatterns();
  for (const [label, text] of [
    ['1 MB', oneMegabyte],
    ['10 MB', consultantMarkdown(10 * MEGABYTE, 43)],
  ] as const) {
    const indexed = percentile(timeRuns(() => index.findAll(text), label === '1 MB' ? 15 : 5, 1), 0.5);
    const naive = percentile(timeRuns(() => naiveScan(text, patterns), label === '1 MB' ? 3 : 1, 1), 0.5);
    const indexedRate = megabytesPerSecond(text.length, indexed);
    const naiveRate = megabytesPerSecond(text.length, naive);
    const ratio = indexedRate / naiveRate;
    console.error(`terms: ${label}: index ${indexedRate.toFixed(1)} MB/s, naive per-term regex ${naiveRate.toFixed(1)} MB/s, ratio ${ratio.toFixed(1)}×`);
    figures.push({
      name: `Term scan throughput (${label})`,
      value: indexedRate,
      unit: 'MB/s',
      better: 'higher',
      note: `${ratio.toFixed(1)}× the naive one-regex-per-term scan at ${naiveRate.toFixed(1)} MB/s`,
    });
  }
  return figures;
}
