// Value-stream metrics: lead time, critical path, slack and the rest for a long stream, as a what-if recomputes them.
import { loadavg } from 'node:os';
import { parseValueStreams } from '../src/model/yamlParsers';
import { valueStreamMetrics } from '../src/model/valueStreams';
import { cpuMilliseconds, percentile, timeRuns, type BenchFigure } from './figures';
import { generatedStream } from './valuestream.bench';

export async function run(): Promise<BenchFigure[]> {
  const [stream] = parseValueStreams(generatedStream(1000)).streams;
  if (stream?.steps.length !== 1000) throw new Error('the generated stream should have 1,000 steps');
  // A what-if: another duration for a step in the middle, as the preview recomputes on each change.
  const whatIf = { durations: new Map([[500, 7]]) };
  let criticalSteps = 0;
  const measure = (): void => {
    criticalSteps = valueStreamMetrics(stream, whatIf).criticalPath.length;
  };
  const median = percentile(timeRuns(measure, 50, 5), 0.5);
  const cpu = cpuMilliseconds(measure);
  return [
    {
      name: 'Value stream metrics, 1,000 steps (median)',
      value: median,
      unit: 'ms',
      budget: 20,
      better: 'lower',
      note: `${cpu.toFixed(2)} ms of CPU at fewest; ${criticalSteps} critical steps; load average ${loadavg()[0]?.toFixed(1)}`,
    },
  ];
}
