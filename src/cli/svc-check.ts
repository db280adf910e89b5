/**
 * svc-check: checks value-stream files, ```valuestream blocks and outdated ITIL v3 names in Markdown, for
 * documentation repositories and their CI. Exit 0 without errors, 1 with errors (or warnings with --strict),
 * 2 when the run itself fails (bad arguments, unreadable or binary files).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type EffectiveTerms, builtInTerms } from '../model/terms';
import { findOutdatedTerms } from '../model/terms/checker';
import { checkText, collectFiles, glossaryFileFor, loadGlossary, readText, UsageError, type LoadedGlossary, type ProseChecker, type Problem } from './checkFiles';

const USAGE = `Usage: svc-check [files, folders or globs…] [--format text|json] [--strict] [--glossary <file>]

Checks *.valuestream.yaml / *.valuestream.yml files, \`\`\`valuestream blocks in Markdown (*.md),
outdated ITIL v3 names in Markdown prose, and the names an organisation glossary asks to avoid. Folders
are searched recursively (node_modules and .git are skipped); without paths, the current folder is
checked. Quote globs so the shell leaves them alone.

Each file is read with the glossary .svc/glossary.yaml of its folder or the nearest folder above it (up
to the repository root); the glossary's own problems are reported against it.

Options:
  --format text|json  text: one "file:line:col severity code message" line per problem (default)
                      json: an array of {file, line, column, endLine, endColumn, severity, code, message}
  --strict            warnings fail the run too
  --glossary <file>   read every file with this glossary instead
  --help              show this help
  --version           show the version

Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage error or unreadable file.`;

/**
 * Outdated ITIL v3 names and avoided names in Markdown prose, as the editor's terminology checker reports them:
 * certain findings as warnings, likely ones (a CAB that may still be the change authority) as notes.
 */
const termsInProse =
  (terms: EffectiveTerms): ProseChecker =>
  (markdown) =>
    findOutdatedTerms(markdown, { format: 'markdown', terms }).map((finding) => ({
      start: finding.start,
      end: finding.end,
      code: finding.code,
      severity: finding.confidence === 'certain' ? 'warning' : 'information',
      message: finding.message,
    }));

declare const SVC_CHECK_VERSION: string | undefined;

interface Options {
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
  readonly strict: boolean;
  readonly glossary?: string;
}

function parseOptions(argv: readonly string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
        glossary: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return 'help';
  if (parsed.values.version) return 'version';
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  return { paths: parsed.positionals, format, strict: parsed.values.strict, ...(parsed.values.glossary !== undefined ? { glossary: parsed.values.glossary } : {}) };
}

function formatText(problems: readonly Problem[]): string {
  return problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}\n`).join('');
}

function summary(problems: readonly Problem[], fileCount: number): string {
  const count = (severity: string): number => problems.filter((problem) => problem.severity === severity).length;
  const plural = (value: number, word: string): string => `${value} ${word}${value === 1 ? '' : 's'}`;
  return `svc-check: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('information') + count('hint'), 'note')} in ${plural(fileCount, 'file')}\n`;
}

export function main(argv: readonly string[], cwd: string, write: { out: (text: string) => void; err: (text: string) => void }): number {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    write.err(`svc-check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    write.out(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    write.out(`${typeof SVC_CHECK_VERSION === 'string' ? SVC_CHECK_VERSION : 'development'}\n`);
    return 0;
  }
  const problems: Problem[] = [];
  const failures: string[] = [];
  let fileCount = 0;
  const displayNameOf = (file: string): string => path.relative(cwd, file).split(path.sep).join('/') || file;
  const glossaries = new Map<string, LoadedGlossary>();
  const glossaryFolders = new Map<string, string | undefined>();
  /** The terms a file is read with; a glossary's own problems join the report the first time it is used. */
  const termsFor = (file: string): EffectiveTerms => {
    const glossaryFile = options.glossary !== undefined ? path.resolve(cwd, options.glossary) : glossaryFileFor(file, glossaryFolders);
    if (glossaryFile === undefined) return builtInTerms();
    let loaded = glossaries.get(glossaryFile);
    if (!loaded) {
      loaded = loadGlossary(glossaryFile, displayNameOf(glossaryFile));
      glossaries.set(glossaryFile, loaded);
      problems.push(...loaded.problems);
    }
    return loaded.terms;
  };
  try {
    const collected = collectFiles(options.paths, cwd);
    for (const note of collected.notes) write.err(`svc-check: ${note}\n`);
    if (options.glossary !== undefined) termsFor(cwd);
    for (const file of collected.files) {
      const displayName = displayNameOf(file.path);
      try {
        problems.push(...checkText(displayName, file.kind, readText(file.path, displayName), termsInProse(termsFor(file.path))));
        fileCount += 1;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        failures.push(error.message);
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    write.err(`svc-check: ${error.message}\n`);
    return 2;
  }
  write.out(options.format === 'json' ? `${JSON.stringify(problems, null, 2)}\n` : formatText(problems));
  for (const failure of failures) write.err(`svc-check: ${failure}\n`);
  write.err(summary(problems, fileCount));
  if (failures.length > 0) return 2;
  const failing = problems.some((problem) => problem.severity === 'error' || (options.strict && problem.severity === 'warning'));
  return failing ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.cwd(), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
