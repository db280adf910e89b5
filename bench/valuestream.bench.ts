// Value-stream figures: parse + check of a realistic and of a very long stream, and svc-check over a documentation folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ACTIVITY_IDS } from '../src/model/itil/activities';
import { EXAMPLE_STREAMS } from '../src/model/itil/exampleStreams';
import { PRACTICES } from '../src/model/itil/practices';
import { parseValueStreams } from '../src/model/yamlParsers';
import { practiceWrittenName } from '../src/model/valueStreams/valueStreamRules';
import { percentile, timeRuns, type BenchFigure } from './figures';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli', 'svc-check.js');

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** A stream of `count` steps that each wait for one or two earlier steps, with practices, lags and durations. */
export function generatedStream(count: number): string {
  const lines = ['valueStream: Generated stream', 'description: Many steps for the benchmark', 'steps:'];
  for (let index = 0; index < count; index += 1) {
    const activity = index === 0 ? 'engage' : ACTIVITY_IDS[index % ACTIVITY_IDS.length];
    const practices = [PRACTICES[index % PRACTICES.length], PRACTICES[(index * 7) % PRACTICES.length]].map((practice) => (practice ? practiceWrittenName(practice) : 'service desk'));
    lines.push(`  - id: step-${index}`, `    activity: ${activity}`, `    title: Step number ${index}`, `    practices: [${practices.join(', ')}]`);
    if (index > 1 && index % 3 === 0) lines.push(`    after: [step-${index - 1}, step-${Math.floor(index / 2)}]`);
    if (index % 5 === 0) lines.push('    lag: -1');
    lines.push(`    duration: ${1 + (index % 4)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * About 10 KB of consultant prose with one ```valuestream block: ITIL 4 names throughout, and an outdated
 * ITIL v3 name in one paragraph out of five, as in a document that is being modernised.
 */
export function generatedMarkdown(seed: number): string {
  const paragraphs = [
    'The service desk logs every call and e-mail, and incident management restores service as fast as it can; the team reviews the queue each morning.',
    'Problem management looks for the causes of recurring incidents, and every idea for improvement goes into the continual improvement register.',
    'Service level management agrees targets with the customer and reports on them every month, with the numbers from measurement and reporting.',
    'Releases are planned with release management and deployment management, after change enablement has assessed and authorized each change.',
    'Approvals still go through Change Management every week, and Request Fulfilment shares the queue with incidents.',
  ];
  const block = `\`\`\`valuestream\n${EXAMPLE_STREAMS[seed % EXAMPLE_STREAMS.length]?.source ?? ''}\`\`\`\n\n`;
  let text = `# Review ${seed}\n\n${block}`;
  for (let index = 0; text.length < 10_000; index += 1) text += `${paragraphs[index % paragraphs.length] ?? ''} (section ${index + 1})\n\n`;
  return text;
}

/** Median wall-clock and mean CPU milliseconds of reading and checking a generated stream of `steps` steps. */
function parseAndCheck(steps: number, runs: number): { readonly median: number; readonly cpu: number } {
  const stream = generatedStream(steps);
  const cpuBefore = process.cpuUsage();
  const median = percentile(
    timeRuns(() => {
      const result = parseValueStreams(stream);
      if (result.streams[0]?.steps.length !== steps || result.findings.length > 0) throw new Error('the generated stream should parse cleanly');
    }, runs),
    0.5,
  );
  return { median, cpu: cpuMs(process.cpuUsage(cpuBefore)) / (runs + 3) };
}

export async function run(): Promise<BenchFigure[]> {
  // A hand-written stream has tens of steps; a thousand is far beyond any real one and shows how reading scales.
  const realistic = parseAndCheck(100, 100);
  const long = parseAndCheck(1000, 30);

  const folder = mkdtempSync(path.join(tmpdir(), 'svc-bench-'));
  // The same corpus with the plain JSON report and with SARIF (rules, regions and fixes), the heaviest format.
  const cli = { json: Number.NaN, sarif: Number.NaN };
  const cliCpu = { json: Number.NaN, sarif: Number.NaN };
  try {
    const reportCpu = path.join(folder, 'report-cpu.js');
    writeFileSync(reportCpu, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('CPU_MS ' + (u.user + u.system) / 1000 + '\\n'); });\n");
    const documents = path.join(folder, 'docs');
    for (let index = 0; index < 1000; index += 1) {
      const sub = path.join(documents, `part-${index % 10}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `doc-${index}.md`), generatedMarkdown(index));
    }
    for (const format of ['json', 'sarif'] as const) {
      const runs: number[] = [];
      const cpu: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const started = performance.now();
        // The child reports its own CPU time, so a busy machine shows up as the gap between the two figures.
        const result = spawnSync(process.execPath, ['--require', reportCpu, CLI, documents, '--format', format], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        runs.push(performance.now() - started);
        if (result.status !== 0 && result.status !== 1) throw new Error(`svc-check failed: ${result.stderr}`);
        cpu.push(Number(/CPU_MS (\S+)/.exec(result.stderr)?.[1]));
      }
      cli[format] = percentile(runs, 0.5) / 1000;
      cliCpu[format] = percentile(cpu, 0.5) / 1000;
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const load = `load average ${loadavg()[0]?.toFixed(1)}`;
  return [
    { name: 'Value stream: parse + check, 100 steps (median)', value: realistic.median, unit: 'ms', budget: 15, better: 'lower', note: `CPU ${realistic.cpu.toFixed(1)} ms per run; ${load}` },
    { name: 'Value stream: parse + check, 1,000 steps (median)', value: long.median, unit: 'ms', budget: 150, better: 'lower', note: `CPU ${long.cpu.toFixed(1)} ms per run; ${load}` },
    { name: 'svc-check: 1,000 Markdown files of 10 KB (median of 3)', value: cli.json, unit: 's', budget: 3, better: 'lower', note: `CPU ${cliCpu.json.toFixed(2)} s, ${load}` },
    {
      name: 'svc-check --format sarif: the same 1,000 files (median of 3)',
      value: cli.sarif,
      unit: 's',
      budget: 3,
      better: 'lower',
      note: `CPU ${cliCpu.sarif.toFixed(2)} s, ${load}`,
    },
  ];
}
