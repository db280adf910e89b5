// svc-check side by side with a generic prose linter given the same list of outdated names: textlint with
// textlint-rule-terminology. In one run, both read the same 1,000 generated Markdown files of 10 KB (time ratio)
// and the labelled corpus of test/fixtures/prose (recall and false alarms of each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { LEGACY_TERMS, contextualSpellings } from '../src/model/itil';
import { loadCorpus, type CorpusDocument } from '../test/fixtures/prose/corpus';
import { percentile, type BenchFigure } from './figures';
import { generatedMarkdown } from './valuestream.bench';

const ROOT = path.resolve(__dirname, '../..');
const SVC_CHECK = path.join(ROOT, 'dist', 'cli', 'svc-check.js');
const TEXTLINT = path.join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');

/** The outdated names as textlint-rule-terminology takes them: every spelling with what to write instead. */
function textlintTerms(): [string, string][] {
  return LEGACY_TERMS.flatMap((legacy) => {
    const replacement = legacy.replacements.join(' and ') || `ITIL 4 wording (${legacy.term} is no ITIL 4 practice)`;
    const spellings = [legacy.term, ...legacy.variants, ...(legacy.plurals ?? []), ...contextualSpellings(legacy)];
    return spellings.map((spelling): [string, string] => [spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), replacement]);
  });
}

function runTool(command: string, args: readonly string[], cwd: string): { stdout: string; seconds: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${path.basename(command)} failed (${String(result.status)}): ${result.stderr}`);
  return { stdout: result.stdout, seconds };
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The spans svc-check reports for each file (its JSON gives 1-based lines and columns). */
function svcCheckSpans(stdout: string, folder: string, texts: ReadonlyMap<string, string>): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  const problems = JSON.parse(stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; code: string }[];
  for (const problem of problems) {
    if (!problem.code.startsWith('svc/legacy-term')) continue;
    const file = path.resolve(folder, problem.file);
    const text = texts.get(file) ?? '';
    const offset = (line: number, column: number): number => text.split('\n').slice(0, line - 1).reduce((sum, content) => sum + content.length + 1, 0) + column - 1;
    spans.set(file, [...(spans.get(file) ?? []), { start: offset(problem.line, problem.column), end: offset(problem.endLine, problem.endColumn) }]);
  }
  return spans;
}

/** The spans textlint reports for each file: where its fix would write. */
function textlintSpans(stdout: string): Map<string, Span[]> {
  const results = JSON.parse(stdout) as { filePath: string; messages: { index: number; fix?: { range: [number, number] } }[] }[];
  return new Map(results.map((result) => [result.filePath, result.messages.map((message) => ({ start: message.fix?.range[0] ?? message.index, end: message.fix?.range[1] ?? message.index + 1 }))]));
}

/** Labels found (a reported span overlaps the labelled one) and reported spans that overlap no label. */
function score(corpus: readonly CorpusDocument[], files: readonly string[], spans: ReadonlyMap<string, Span[]>): { found: number; expected: number; falseAlarms: number } {
  let found = 0;
  let expected = 0;
  let falseAlarms = 0;
  corpus.forEach((document, position) => {
    const reported = spans.get(files[position] ?? '') ?? [];
    const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
    expected += document.expected.length;
    found += document.expected.filter((label) => reported.some((span) => overlaps(span, label))).length;
    falseAlarms += reported.filter((span) => !document.expected.some((label) => overlaps(span, label))).length;
  });
  return { found, expected, falseAlarms };
}

export async function run(): Promise<BenchFigure[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'svc-peer-'));
  try {
    writeFileSync(path.join(folder, '.textlintrc.json'), JSON.stringify({ rules: { terminology: { defaultTerms: false, terms: textlintTerms() } } }));
    const generated = path.join(folder, 'generated');
    for (let index = 0; index < 1000; index += 1) {
      const sub = path.join(generated, `part-${index % 10}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `doc-${index}.md`), generatedMarkdown(index));
    }
    const svcRuns = [0, 1, 2].map(() => runTool(SVC_CHECK, [generated, '--format', 'json'], folder).seconds);
    const svcSeconds = percentile(svcRuns, 0.5);
    const textlintSeconds = runTool(TEXTLINT, ['--config', '.textlintrc.json', '--format', 'json', 'generated'], folder).seconds;

    const corpus = loadCorpus();
    const labelled = path.join(folder, 'labelled');
    mkdirSync(labelled);
    const files = corpus.map((document) => path.join(labelled, document.name));
    const texts = new Map(corpus.map((document, position) => [files[position] ?? '', document.text]));
    for (const [file, text] of texts) writeFileSync(file, text);
    const ours = score(corpus, files, svcCheckSpans(runTool(SVC_CHECK, [labelled, '--format', 'json'], folder).stdout, folder, texts));
    const theirs = score(corpus, files, textlintSpans(runTool(TEXTLINT, ['--config', '.textlintrc.json', '--format', 'json', 'labelled'], folder).stdout));
    const recall = (result: typeof ours): string => `${((100 * result.found) / result.expected).toFixed(1)} %`;
    const load = `load average ${loadavg()[0].toFixed(1)}`;
    console.error(`terminology peer: svc-check ${svcSeconds.toFixed(2)} s, textlint ${textlintSeconds.toFixed(2)} s; recall ${recall(ours)} vs ${recall(theirs)}`);
    return [
      {
        name: 'svc-check vs textlint + textlint-rule-terminology: 1,000 Markdown files of 10 KB, time ratio',
        value: svcSeconds / textlintSeconds,
        unit: '×',
        better: 'lower',
        note: `svc-check ${svcSeconds.toFixed(2)} s (median of 3), textlint ${textlintSeconds.toFixed(2)} s (one run), both given the same ${textlintTerms().length} outdated spellings; ${load}`,
      },
      {
        name: 'svc-check on the labelled corpus: recall of outdated names',
        value: (100 * ours.found) / ours.expected,
        unit: '%',
        budget: 95,
        better: 'higher',
        note: `${ours.found}/${ours.expected} found, ${ours.falseAlarms} false alarms (${corpus.length} documents)`,
      },
      { name: 'svc-check on the labelled corpus: false alarms', value: ours.falseAlarms, unit: '', budget: 0, better: 'lower' },
      {
        name: 'textlint + textlint-rule-terminology on the labelled corpus: recall of outdated names',
        value: (100 * theirs.found) / theirs.expected,
        unit: '%',
        better: 'higher',
        note: `${theirs.found}/${theirs.expected} found, with the same list of outdated spellings`,
      },
      { name: 'textlint + textlint-rule-terminology on the labelled corpus: false alarms', value: theirs.falseAlarms, unit: '', better: 'lower' },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
