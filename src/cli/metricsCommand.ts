/**
 * `svc-check metrics`: where the time goes in the value streams of files, folders or globs, as a table to read or
 * JSON for a pipeline (a dashboard, a check that lead times do not grow). The figures are the model's, as the
 * editor's preview, hovers and exported documents show them.
 */
import path from 'node:path';
import { LineMap } from '../model/documents';
import { readValueStreams, type TimeUnit, type ValueStream, type ValueStreamMetrics } from '../model/valueStreams';
import { writeFileAtomically } from './atomicWrite';
import { collectFiles, parseCommandLine, readText, UsageError } from './checkFiles';
import type { Output } from './program';

export const METRICS_USAGE = `Usage: svc-check metrics [files, folders or globs…] [options]

Prints the figures of every value stream with steps in *.valuestream.yaml / *.valuestream.yml files and
\`\`\`valuestream blocks in Markdown (*.md), in each stream's unit (relative units without one): lead time,
work, waiting, flow efficiency, the critical path, slack and the time per activity and practice. Folders and
globs are read as svc-check reads them. docs/valuestream-format.md defines every figure.

Options:
  --format <name>   text: a table, one row per stream (default)
                    json: an array with one object per stream: {name, file, line, unit, leadTime, workTime,
                    waiting, flowEfficiency, criticalPath, criticalChains, criticalChainCount, slack,
                    byActivity, byPractice}; times in the stream's unit, flowEfficiency from 0 to 1
  --output <file>   write the figures to this file instead of standard output
  --help            show this help

A stream with errors is measured as far as it can be read, and named on standard error: run svc-check for
its problems. Exit codes: 0 figures written, 2 usage error or unreadable file.`;

const METRICS_FORMATS = ['text', 'json'] as const;
type MetricsFormat = (typeof METRICS_FORMATS)[number];

export interface MetricsOptions {
  readonly paths: readonly string[];
  readonly format: MetricsFormat;
  readonly output?: string;
}

/** One stream's figures as `--format json` writes them: the model's, with the lists keyed by step, activity and practice id. */
export interface StreamMetricsRecord
  extends Pick<ValueStreamMetrics, 'leadTime' | 'workTime' | 'waiting' | 'criticalPath' | 'criticalChains' | 'criticalChainCount'> {
  readonly name: string;
  readonly file: string;
  /** 1-based line of the stream's name. */
  readonly line: number;
  /** The stream's `unit`; null for relative units. */
  readonly unit: TimeUnit | null;
  /** From 0 to 1; null for a stream whose lead time is 0. */
  readonly flowEfficiency: number | null;
  readonly slack: Readonly<Record<string, number>>;
  readonly byActivity: Readonly<Record<string, number>>;
  readonly byPractice: Readonly<Record<string, number>>;
}

export function parseMetricsOptions(argv: readonly string[]): MetricsOptions | 'help' {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const format = METRICS_FORMATS.find((name) => name === values.format);
  if (!format) throw new UsageError(`--format of svc-check metrics must be one of ${METRICS_FORMATS.join(', ')}, not "${values.format}"`);
  return { paths: positionals, format, ...(values.output !== undefined ? { output: values.output } : {}) };
}

/** The figures of `stream`, read from `file`, as one JSON object. */
export function streamMetricsRecord(stream: ValueStream, file: string, line: number): StreamMetricsRecord {
  const { metrics } = stream;
  const slack: Record<string, number> = {};
  for (const step of metrics.steps) if (!(step.id in slack)) slack[step.id] = step.slack;
  return {
    name: stream.name,
    file,
    line,
    unit: stream.unit ?? null,
    leadTime: metrics.leadTime,
    workTime: metrics.workTime,
    waiting: metrics.waiting,
    flowEfficiency: metrics.flowEfficiency ?? null,
    criticalPath: metrics.criticalPath,
    criticalChains: metrics.criticalChains,
    criticalChainCount: metrics.criticalChainCount,
    slack,
    byActivity: Object.fromEntries(metrics.byActivity.map((entry) => [entry.activity, entry.workTime])),
    byPractice: Object.fromEntries(metrics.byPractice.map((entry) => [entry.practiceId, entry.workTime])),
  };
}

interface MeasuredStream {
  readonly record: StreamMetricsRecord;
  readonly stream: ValueStream;
}

/** The streams as a table: a header, one row per stream, columns aligned; the critical path last, unpadded. */
function metricsTable(measured: readonly MeasuredStream[]): string {
  const header = ['Stream', 'Where', 'Lead time', 'Work', 'Waiting', 'Flow efficiency', 'Critical path'];
  const rows = measured.map(({ record, stream }) => {
    const words = new Map(stream.metrics.figures.map((figure) => [figure.kind, figure.value]));
    return [record.name, `${record.file}:${record.line}`, ...(['leadTime', 'workTime', 'waiting', 'flowEfficiency', 'criticalPath'] as const).map((kind) => words.get(kind) ?? '')];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => `${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}\n`;
  return [header, ...rows].map(line).join('');
}

/** Runs `svc-check metrics [paths…] [options]` and returns the exit code. */
export function metricsCommand(argv: readonly string[], cwd: string, write: Output): number {
  let options;
  try {
    options = parseMetricsOptions(argv);
  } catch (error) {
    write.err(`svc-check metrics: ${error instanceof Error ? error.message : String(error)}\n\n${METRICS_USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    write.out(`${METRICS_USAGE}\n`);
    return 0;
  }
  let collected;
  try {
    collected = collectFiles(options.paths, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    write.err(`svc-check metrics: ${error.message}\n`);
    return 2;
  }
  const failures: string[] = [];
  const measured: MeasuredStream[] = [];
  for (const note of collected.notes) write.err(`svc-check metrics: ${note}\n`);
  for (const file of collected.files) {
    const displayName = path.relative(cwd, file.path).split(path.sep).join('/') || file.path;
    let text;
    try {
      text = readText(file.path, displayName);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      failures.push(error.message);
      continue;
    }
    const { streams, findings } = readValueStreams(text, file.kind);
    const lines = new LineMap(text);
    for (const stream of streams) {
      if (stream.steps.length === 0) continue;
      const line = lines.positionAt(stream.nameRange.start).line + 1;
      measured.push({ record: streamMetricsRecord(stream, displayName, line), stream });
      const errors = findings.filter((finding) => finding.severity === 'error' && finding.range.start >= stream.range.start && finding.range.start <= stream.range.end).length;
      if (errors > 0) {
        write.err(`svc-check metrics: ${displayName}:${line} ${stream.name || 'a value stream'} has ${errors} error${errors === 1 ? '' : 's'}; its figures follow what could be read (svc-check lists the problems)\n`);
      }
    }
  }
  if (measured.length === 0 && failures.length === 0) write.err('svc-check metrics: no value stream with steps in the files\n');
  const report = options.format === 'json' ? `${JSON.stringify(measured.map((entry) => entry.record), null, 2)}\n` : measured.length > 0 ? metricsTable(measured) : '';
  if (options.output !== undefined) {
    try {
      writeFileAtomically(path.resolve(cwd, options.output), report);
    } catch (error) {
      failures.push(`cannot write the figures to ${options.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    write.out(report);
  }
  for (const failure of failures) write.err(`svc-check metrics: ${failure}\n`);
  return failures.length > 0 ? 2 : 0;
}
