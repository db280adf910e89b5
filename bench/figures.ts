/** One measured figure of `npm run bench`; `budget` is the limit the project holds it to. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget?: number;
  readonly better: 'lower' | 'higher';
  /** Extra context printed next to the figure, e.g. a ratio against an alternative measured in the same run. */
  readonly note?: string;
}

/** Median and high percentiles of a set of samples, in the samples' unit. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) {
    return Number.NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Runs `work` repeatedly and returns the per-run durations in milliseconds (after warm-up runs). */
export function timeRuns(work: () => void, runs: number, warmUp = 3): number[] {
  for (let index = 0; index < warmUp; index += 1) {
    work();
  }
  const durations: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    work();
    durations.push(performance.now() - started);
  }
  return durations;
}

/** Fewest CPU milliseconds one run of `work` took: what the work costs when other processes share the cores. */
export function cpuMilliseconds(work: () => void, runs = 15): number {
  let fewest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    fewest = Math.min(fewest, (used.user + used.system) / 1000);
  }
  return fewest;
}
