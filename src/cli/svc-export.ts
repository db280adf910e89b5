/**
 * svc-export: a Markdown document as a Word file or one self-contained HTML file, every ```valuestream and
 * ```mermaid block drawn, for documentation pipelines. The same export as the editor's SVC: Export Document…,
 * with the diagrams drawn in a local Chromium or Chrome. Exit 0 when written with every figure drawn, 1 when
 * written but some blocks could not be drawn, 2 when the run itself fails (usage, unreadable input, no browser).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APPENDIX_IDS, ExportError, exportDocument, isAppendixId, type AppendixId, type ExportFormat, type ImageFile } from '../model/export';
import { GLOSSARY_PATH } from '../model/glossary';
import { CONFIG_PATH } from '../model/checks';
import { EDITIONS, getEdition, type EditionId } from '../model/itil';
import { parseSvcConfig } from '../model/yamlParsers';
import { builtInTerms, type EffectiveTerms } from '../model/terms';
import { loadGlossary, nearestSvcFile, parseCommandLine, readText, UsageError } from './checkFiles';
import { BROWSER_VARIABLES, BrowserDrawing, findBrowser } from './export/browserDrawing';

const USAGE = `Usage: svc-export <file.md> -o <out.docx|out.html> [options]

Exports a Markdown document as a Word document (.docx) or one self-contained HTML file (.html): headings,
lists, tables, quotes, code, links and local images, the front matter's title, author and date, and every
\`\`\`valuestream block (a flowchart per stream and the block's schedule) and \`\`\`mermaid block (flowcharts,
Gantt charts, sequence, class, state and ER diagrams, journeys, timelines, quadrant and pie charts) drawn as a
numbered figure. A block that cannot be drawn is shown with its problems in a box.

Options:
  -o, --output <file>      where to write; .docx for Word, .html or .htm for a web page
  --appendix terms|coverage  add "ITIL terms used in this document" or the Document Coverage summary (repeatable)
  --png-scale 1|2          pixels per diagram unit in Word's images (default 2)
  --edition itil4|itil5    the ITIL edition the terms appendix follows (default: the edition of the nearest
                           .svc/config.yaml, else itil4)
  --glossary <file>        read the document with this glossary instead of the nearest .svc/glossary.yaml
  --browser <path>         the Chromium or Chrome to draw with
  --help                   show this help

The diagrams are drawn in a local Chromium or Chrome: the one named with --browser, else with the
${BROWSER_VARIABLES.join(' or ')} environment variable, else the first of chromium, chromium-browser,
google-chrome-stable, google-chrome, chrome or microsoft-edge on the PATH. Nothing is downloaded.

Exit codes: 0 written with every figure drawn, 1 written but some blocks or figures could not be drawn (each
listed as "file:line:col error code message"), 2 usage error, unreadable input, no browser or not written.`;

interface Options {
  readonly input: string;
  readonly output: string;
  readonly format: ExportFormat;
  readonly appendices: readonly AppendixId[];
  readonly pngScale: 1 | 2;
  readonly edition?: EditionId;
  readonly glossary?: string;
  readonly browser?: string;
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  const parsed = parseCommandLine(argv, {
    output: { type: 'string', short: 'o' },
    appendix: { type: 'string', multiple: true, default: [] },
    'png-scale': { type: 'string', default: '2' },
    edition: { type: 'string' },
    glossary: { type: 'string' },
    browser: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const values = parsed.values;
  if (values.help) return 'help';
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError('name the Markdown file to export');
  if (extra.length > 0) throw new UsageError(`export one file at a time (also given: ${extra.join(', ')})`);
  if (values.output === undefined) throw new UsageError('name the file to write with -o <out.docx|out.html>');
  const extension = path.extname(values.output).toLowerCase();
  const format: ExportFormat | undefined = extension === '.docx' ? 'docx' : extension === '.html' || extension === '.htm' ? 'html' : undefined;
  if (!format) throw new UsageError(`-o must end in .docx or .html, not "${path.basename(values.output)}"`);
  const unknown = values.appendix.filter((id) => !isAppendixId(id));
  if (unknown.length > 0) throw new UsageError(`--appendix must be ${APPENDIX_IDS.join(' or ')}, not "${unknown.join('", "')}"`);
  if (values['png-scale'] !== '1' && values['png-scale'] !== '2') throw new UsageError(`--png-scale must be 1 or 2, not "${values['png-scale']}"`);
  const edition = values.edition === undefined ? undefined : EDITIONS.find((candidate) => candidate.id === values.edition)?.id;
  if (values.edition !== undefined && edition === undefined) {
    throw new UsageError(`--edition must be ${EDITIONS.map((candidate) => candidate.id).join(' or ')}, not "${values.edition}"`);
  }
  return {
    input,
    output: values.output,
    format,
    appendices: values.appendix.filter(isAppendixId),
    pngScale: values['png-scale'] === '1' ? 1 : 2,
    ...(edition !== undefined ? { edition } : {}),
    ...(values.glossary !== undefined ? { glossary: values.glossary } : {}),
    ...(values.browser !== undefined ? { browser: values.browser } : {}),
  };
}

/** The edition the nearest .svc/config.yaml names, the one the editor and svc-check follow for the same files. */
function configuredEdition(documentFile: string, cwd: string): EditionId | undefined {
  const configFile = nearestSvcFile(documentFile, CONFIG_PATH, new Map());
  return configFile === undefined ? undefined : parseSvcConfig(readText(configFile, path.relative(cwd, configFile))).config.edition;
}

function imageReader(documentFile: string): (relative: string) => Promise<ImageFile> {
  return async (relative) => {
    try {
      return { bytes: new Uint8Array(readFileSync(path.resolve(path.dirname(documentFile), relative))) };
    } catch (error) {
      return { problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error) };
    }
  };
}

/** Writes next to the target first and renames, so a failed run never leaves half a file. */
function writeWhole(target: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.svc-export.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function main(argv: readonly string[], cwd: string, environment: NodeJS.ProcessEnv, write: Output): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    write.err(`svc-export: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    write.out(`${USAGE}\n`);
    return 0;
  }
  const input = path.resolve(cwd, options.input);
  const output = path.resolve(cwd, options.output);
  const displayName = path.relative(cwd, input).split(path.sep).join('/') || input;
  let drawing: BrowserDrawing | undefined;
  try {
    const markdown = readText(input, displayName);
    const glossaryFile = options.glossary !== undefined ? path.resolve(cwd, options.glossary) : nearestSvcFile(input, GLOSSARY_PATH, new Map());
    const terms: EffectiveTerms = glossaryFile ? loadGlossary(glossaryFile, path.relative(cwd, glossaryFile)).terms : builtInTerms();
    const result = await exportDocument({
      markdown,
      format: options.format,
      fileName: path.basename(input),
      appendices: options.appendices,
      terms,
      edition: getEdition(options.edition ?? configuredEdition(input, cwd)),
      theme: 'light',
      pngScale: options.pngScale,
      draw: async (jobs, drawOptions, onDrawn) => {
        drawing ??= await BrowserDrawing.launch(findBrowser(options.browser, environment));
        return drawing.draw(jobs, drawOptions, onDrawn);
      },
      readImage: imageReader(input),
    });
    writeWhole(output, result.bytes);
    for (const problem of result.problems) write.out(`${displayName}:${problem.line}:1 error ${problem.code} ${problem.message.replace(/\s*\n\s*/g, ' ')}\n`);
    for (const note of result.notes) write.err(`svc-export: ${note}\n`);
    const figures = `${result.figureCount} figure${result.figureCount === 1 ? '' : 's'}`;
    const problems = result.problems.length > 0 ? `, ${result.problems.length} not drawn (shown in a box)` : '';
    const shownOutput = path.relative(cwd, output).startsWith('..') ? output : path.relative(cwd, output);
    write.err(`svc-export: wrote ${shownOutput} with ${figures}${problems}\n`);
    return result.problems.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof ExportError)) throw error;
    write.err(`svc-export: ${error.message}\n`);
    return 2;
  } finally {
    await drawing?.close();
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), process.cwd(), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`svc-export: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
