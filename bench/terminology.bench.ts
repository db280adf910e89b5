// Terminology check figures: the check that produces the findings (prose ranges, matching, document evidence,
// messages and fixes) on the bench's megabyte, and the longest single piece of work an editor does for it while
// someone types in a 10 MB document, checked a slice at a time as the terminology feature does.
import { availableParallelism, loadavg } from 'node:os';
import { CHECK_SLICE_MS } from '../src/model/terms';
import { TerminologyCheck, findOutdatedTerms } from '../src/model/terms/checker';
import { consultantMarkdown } from './terms.bench';
import { percentile, timeRuns, type BenchFigure } from './figures';

const MEGABYTE = 1024 * 1024;
const TYPING_ROUNDS = 12;

/** CPU milliseconds of each of `runs` runs, after warm-up: what the work costs whatever else runs on the machine (helper threads included). */
function cpuRuns(work: () => void, runs: number, warmUp = 3): number[] {
  for (let index = 0; index < warmUp; index++) work();
  return Array.from({ length: runs }, () => {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  });
}

interface Piece {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * One check of `text` as the editor runs it: construction and slices until the time budget, then the next slices
 * after the host had a turn. Returns the wall-clock and CPU milliseconds of each piece of work in between.
 */
function slicedCheck(text: string): Piece[] {
  const pieces: Piece[] = [];
  let started = performance.now();
  let cpu = process.cpuUsage();
  const check = new TerminologyCheck(text, { format: 'markdown' });
  for (;;) {
    const deadline = started + CHECK_SLICE_MS;
    const done = check.advance(() => performance.now() >= deadline);
    const used = process.cpuUsage(cpu);
    pieces.push({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 });
    if (done) return pieces;
    started = performance.now();
    cpu = process.cpuUsage();
  }
}

export async function run(): Promise<BenchFigure[]> {
  const oneMegabyte = consultantMarkdown(MEGABYTE);
  const findings = findOutdatedTerms(oneMegabyte, { format: 'markdown' });
  const likely = findings.filter((finding) => finding.confidence === 'likely').length;
  const cpu = percentile(cpuRuns(() => findOutdatedTerms(oneMegabyte, { format: 'markdown' }), 15), 0.5);
  const wall = percentile(timeRuns(() => findOutdatedTerms(oneMegabyte, { format: 'markdown' }), 15), 0.5);
  const load = `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;

  // Typing in a 10 MB document: every round changes one character and checks the new text from scratch.
  let document = consultantMarkdown(10 * MEGABYTE, 44);
  const pieces: Piece[] = [];
  let checks = 0;
  for (let round = 0; round < TYPING_ROUNDS; round++) {
    const at = Math.floor((round + 0.5) * (document.length / TYPING_ROUNDS));
    document = `${document.slice(0, at)}x${document.slice(at + 1)}`;
    const durations = slicedCheck(document);
    if (round > 0) pieces.push(...durations);
    checks = durations.length;
  }
  return [
    {
      name: 'Terminology check with findings, 1 MB (built-in terms)',
      value: cpu,
      unit: 'ms',
      budget: 25,
      better: 'lower',
      note: `median CPU time of 15 checks, garbage collection threads included (median wall clock ${wall.toFixed(1)} ms, the same on an idle machine); ${findings.length} findings, ${likely} of them likely; ${load}`,
    },
    {
      name: 'Longest single piece of checking while typing in a 10 MB document',
      value: Math.max(...pieces.map((piece) => piece.wall)),
      unit: 'ms',
      budget: 50,
      better: 'lower',
      note: `wall clock of the longest of ${pieces.length} pieces over ${TYPING_ROUNDS - 1} checks (${checks} pieces each, ${CHECK_SLICE_MS} ms budget per piece; p50 ${percentile(pieces.map((piece) => piece.wall), 0.5).toFixed(1)} ms; most CPU in one piece ${Math.max(...pieces.map((piece) => piece.cpu)).toFixed(1)} ms, garbage collection threads included); the host's own copy of the text comes on top; ${load}`,
    },
  ];
}
