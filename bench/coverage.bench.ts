// Document coverage figures: one full update (prose scan, ```valuestream blocks, missing practices) of a 1 MB
// consultant document, the work the Document Coverage view does after each debounced edit.
import { availableParallelism, loadavg } from 'node:os';
import { computeCoverage } from '../src/model/coverage/coverage';
import { builtInTerms } from '../src/model/terms/effectiveTerms';
import { consultantMarkdown } from './terms.bench';
import { cpuMilliseconds, percentile, timeRuns, type BenchFigure } from './figures';

const MEGABYTE = 1024 * 1024;

const STREAM_BLOCK = [
  '```valuestream',
  'valueStream: Laptop request',
  'steps:',
  '  - id: ask',
  '    activity: engage',
  '    practices: [service desk, service request management]',
  '  - id: buy',
  '    activity: obtain-build',
  '    practices: [IT asset management, supplier management]',
  '  - id: hand-over',
  '    activity: deliver-and-support',
  '    practices: [service request management]',
  '```',
  '',
].join('\n');

/** A 1 MB Markdown document with a value-stream block after every 50 KB of prose. */
function documentWithStreams(size: number): string {
  const prose = consultantMarkdown(size - 20 * STREAM_BLOCK.length, 11);
  const parts: string[] = [];
  let start = 0;
  while (start < prose.length) {
    const paragraphEnd = prose.indexOf('\n\n', start + 50 * 1024);
    const end = paragraphEnd < 0 ? prose.length : paragraphEnd + 2;
    parts.push(prose.slice(start, end), STREAM_BLOCK);
    start = end;
  }
  return parts.join('');
}

export async function run(): Promise<BenchFigure[]> {
  const text = documentWithStreams(MEGABYTE);
  const terms = builtInTerms();
  const coverage = computeCoverage(text, { format: 'markdown', terms });
  const update = (): unknown => computeCoverage(text, { format: 'markdown', terms });
  const times = timeRuns(update, 15);
  const cpu = cpuMilliseconds(update);
  return [
    {
      name: 'Coverage update of a 1 MB Markdown document',
      value: percentile(times, 0.5),
      unit: 'ms',
      budget: 30,
      better: 'lower',
      note: `median wall clock of 15; ${cpu.toFixed(1)} ms of CPU per update; ${(text.length / MEGABYTE).toFixed(2)} MB with ${coverage.activities.length} activities and ${coverage.practices.length} practices mentioned; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
    },
  ];
}
