/**
 * Document export: a generated 40-page proposal with 10 value streams (20 figures: a flowchart and a schedule each),
 * tables and lists, exported to Word and to HTML the way `svc-export` does it, Chromium started and every figure
 * drawn by the real drawing page included. The editor's command does the same work in a webview.
 */
import { builtInTerms } from '../src/model/terms';
import { ITIL4 } from '../src/model/itil';
import { exportDocument, type ExportFormat, type ExportResult } from '../src/model/export';
import { BrowserDrawing } from '../src/cli/export/browserDrawing';
import { percentile, type BenchFigure } from './figures';

const ACTIVITIES = ['engage', 'plan', 'design-and-transition', 'obtain-build', 'deliver-and-support', 'improve'];
const PRACTICES = ['service desk', 'incident management', 'change enablement', 'service request management', 'IT asset management', 'continual improvement'];
const SENTENCE =
  'The service desk records every contact, and incident management restores normal service as quickly as the agreed service levels require, ' +
  'while change enablement keeps the risk of each change in proportion to its benefit. ';

function valueStream(index: number): string {
  const steps = Array.from({ length: 6 }, (_, step) =>
    [
      `  - id: s${step}`,
      `    activity: ${ACTIVITIES[(index + step) % ACTIVITIES.length]}`,
      `    title: Step ${step + 1} of stream ${index + 1}`,
      `    practices: [${PRACTICES[(index + step) % PRACTICES.length]}]`,
      ...(step > 0 ? [`    after: [s${step - 1}]`] : []),
      `    duration: ${1 + (step % 3)}`,
    ].join('\n'),
  );
  return `\`\`\`valuestream\nvalueStream: Stream ${index + 1}\ntrigger: Demand number ${index + 1}\noutcome: Value number ${index + 1}\nsteps:\n${steps.join('\n')}\n\`\`\`\n`;
}

/** About 40 A4 pages: 10 chapters of prose, a table, a nested list and a value stream each. */
export function fortyPageProposal(): string {
  const chapters = Array.from({ length: 10 }, (_, chapter) => {
    const paragraphs = Array.from({ length: 3 }, () => SENTENCE.repeat(5)).join('\n\n');
    const table = `| Practice | Owner | Wave |\n|---|---|---|\n${PRACTICES.map((practice, row) => `| ${practice} | Team ${row + 1} | ${1 + (row % 3)} |`).join('\n')}\n`;
    const list = '- Findings\n  - First finding\n  - Second finding\n    1. Detail\n    2. Detail\n- Recommendations\n';
    return `## ${chapter + 1}. Chapter ${chapter + 1}\n\n${paragraphs}\n\n${table}\n${list}\n### Value stream ${chapter + 1}\n\n${valueStream(chapter)}\n${paragraphs}\n`;
  });
  return `---\ntitle: Forty-page proposal\nauthor: Bench\n---\n\n# Forty-page proposal\n\n${chapters.join('\n')}`;
}

async function timedExport(markdown: string, format: ExportFormat): Promise<{ ms: number; result: ExportResult }> {
  const started = performance.now();
  const drawing = await BrowserDrawing.launch('/usr/bin/chromium');
  try {
    const result = await exportDocument({
      markdown,
      format,
      fileName: 'proposal.md',
      appendices: ['terms', 'coverage'],
      terms: builtInTerms(),
      edition: ITIL4,
      theme: 'light',
      pngScale: 2,
      draw: (jobs, options, onDrawn) => drawing.draw(jobs, options, onDrawn),
      readImage: async () => ({ problem: 'the bench document has no images' }),
    });
    return { ms: performance.now() - started, result };
  } finally {
    await drawing.close();
  }
}

export async function run(): Promise<BenchFigure[]> {
  const markdown = fortyPageProposal();
  const wordRuns: number[] = [];
  let word: ExportResult | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const timed = await timedExport(markdown, 'docx');
    wordRuns.push(timed.ms);
    word = timed.result;
  }
  const html = await timedExport(markdown, 'html');
  const words = markdown.split(/\s+/).length;
  const figures: BenchFigure[] = [
    {
      name: 'Export of a 40-page proposal to Word (10 value streams, 20 figures), Chromium start included, median of 3',
      value: percentile(wordRuns, 0.5) / 1000,
      unit: 's',
      budget: 10,
      better: 'lower',
      note: `${words} words, ${word?.figureCount ?? 0} figures, ${((word?.bytes.length ?? 0) / 1024 / 1024).toFixed(1)} MB .docx; runs ${wordRuns.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`,
    },
    {
      name: 'Export of the same proposal to HTML (inline SVG)',
      value: html.ms / 1000,
      unit: 's',
      budget: 10,
      better: 'lower',
      note: `${(html.result.bytes.length / 1024 / 1024).toFixed(1)} MB .html`,
    },
  ];
  for (const figure of figures) console.log(`${figure.name}: ${figure.value.toFixed(2)} ${figure.unit} (${figure.note})`);
  return figures;
}

if (require.main === module) {
  void run();
}
