/**
 * What svc-check does, apart from argument parsing and output: find the files to check, read them and turn
 * the model's findings into located problems.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { automaticFix, lockedRegions, type AutomaticFix } from '../model/checks';
import { documentKind, LineMap, type TextRange } from '../model/documents';
import { effectiveTerms, type Confidence, type EffectiveTerms } from '../model/terms';
import { globMatcher, parseGlossary } from '../model/yamlParsers';
import { holdsValueStreams, readValueStreams, type ValueStreamSourceKind, type FindingSeverity } from '../model/valueStreams';

export interface Problem {
  readonly file: string;
  /** 1-based line and column of the first character; end is the column just after the last one. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: FindingSeverity;
  readonly code: string;
  readonly message: string;
  /** How sure a terminology finding is: a likely one is information at most, whatever the configuration says. */
  readonly confidence?: Confidence;
  /** The edit `--fix` makes for it, when there is a safe one. */
  readonly fix?: ProblemFix;
}

/** An automatic fix, also located by 1-based lines and columns like its problem. */
export interface ProblemFix extends AutomaticFix {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A problem with the run itself (a missing path, an unreadable file): reported on stderr, exit code 2. */
export class UsageError extends Error {}

/** Options and paths of a command line (Node's parseArgs, paths allowed); what it cannot read is a usage error. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Outdated ITIL names in Markdown prose, as offsets into the text. */
export interface ProseFinding {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly confidence?: Confidence;
  readonly fix?: AutomaticFix;
}

export type ProseChecker = (markdown: string) => readonly ProseFinding[];

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The kind of a file the checker reads (value streams or Markdown), by its name; undefined for other files. */
export function kindOf(file: string): ValueStreamSourceKind | undefined {
  const kind = documentKind({ path: file });
  return holdsValueStreams(kind) ? kind : undefined;
}

/**
 * The kind of a file the user named (on the command line or with --stdin-filename): beyond the names a folder
 * search takes, a plain `.yaml` file is read as a value stream. `argument` is how the user wrote it, for the error.
 */
export function namedFileKind(file: string, argument: string): ValueStreamSourceKind {
  const kind = kindOf(file) ?? (/\.ya?ml$/i.test(file) ? 'valuestream' : undefined);
  if (!kind) throw new UsageError(`${argument}: not a value-stream file (*.valuestream.yaml) nor Markdown (*.md)`);
  return kind;
}

export function isGlob(argument: string): boolean {
  return /[*?[\]{}]/.test(argument);
}

function walk(folder: string, found: string[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read folder ${folder}: ${describeError(error)}`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, found);
    } else if (kindOf(entry.name)) {
      found.push(full);
    }
  }
}

export interface CollectedFiles {
  readonly files: readonly { readonly path: string; readonly kind: ValueStreamSourceKind }[];
  /** Notes for stderr, e.g. a glob that matched nothing. */
  readonly notes: readonly string[];
}

/** Expands the command-line paths: files as given, folders recursively, globs from their fixed prefix. */
export function collectFiles(argumentsList: readonly string[], cwd: string): CollectedFiles {
  const files = new Map<string, ValueStreamSourceKind>();
  const notes: string[] = [];
  for (const argument of argumentsList.length > 0 ? argumentsList : ['.']) {
    if (isGlob(argument)) {
      const normalized = argument.replace(/\\/g, '/');
      const fixed = normalized.split('/');
      const baseParts: string[] = [];
      while (fixed.length > 1 && !isGlob(fixed[0] ?? '')) baseParts.push(fixed.shift() ?? '');
      const base = path.resolve(cwd, baseParts.join('/') || '.');
      const matches = globMatcher(fixed.join('/'));
      const candidates: string[] = [];
      if (existsAsFolder(base)) walk(base, candidates);
      const matching = candidates.filter((candidate) => matches(path.relative(base, candidate).split(path.sep).join('/')));
      if (matching.length === 0) notes.push(`no value-stream or Markdown file matches ${argument}`);
      for (const match of matching) files.set(match, kindOf(match) ?? 'markdown');
      continue;
    }
    const full = path.resolve(cwd, argument);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      throw new UsageError(`${argument}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(full, found);
      for (const file of found) files.set(file, kindOf(file) ?? 'markdown');
      continue;
    }
    files.set(full, namedFileKind(full, argument));
  }
  return { files: [...files].map(([file, kind]) => ({ path: file, kind })), notes };
}

function existsAsFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'it does not exist (a broken link?)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Reads a file as UTF-8 text; binary content (NUL bytes, invalid UTF-8) is a usage error. */
export function readText(file: string | number, displayName: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${displayName}: ${describeError(error)}`);
  }
  if (bytes.includes(0)) throw new UsageError(`cannot check ${displayName}: it is a binary file, not text`);
  if (!isUtf8(bytes)) throw new UsageError(`cannot check ${displayName}: it is not UTF-8 text`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Every problem in one file's text, in text order. */
export function checkText(displayName: string, kind: ValueStreamSourceKind, text: string, proseChecker: ProseChecker): Problem[] {
  const locked = kind === 'markdown' ? lockedRegions(text) : [];
  const located: ProseFinding[] = readValueStreams(text, kind).findings.map((finding) => ({ ...finding, ...finding.range, fix: automaticFix(finding, text, locked) }));
  if (kind === 'markdown') located.push(...proseChecker(text));
  const lines = new LineMap(text);
  return located
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((finding) => problemAt(displayName, lines, finding, finding.message.replace(/\s*\n\s*/g, ' ')));
}

/** A finding at offsets `start`–`end` of a file, as the line and column report prints it. */
function problemAt(
  displayName: string,
  lines: LineMap,
  finding: {
    readonly start: number;
    readonly end: number;
    readonly severity: Problem['severity'];
    readonly code: string;
    readonly confidence?: Confidence;
    readonly fix?: AutomaticFix | undefined;
  },
  message: string,
): Problem {
  const located = (range: TextRange) => {
    const start = lines.positionAt(range.start);
    const end = lines.positionAt(range.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  return {
    file: displayName,
    ...located(finding),
    severity: finding.severity,
    code: finding.code,
    message,
    ...(finding.confidence ? { confidence: finding.confidence } : {}),
    ...(finding.fix ? { fix: { ...finding.fix, ...located(finding.fix) } } : {}),
  };
}

/** A glossary as the checker applies it, with its own problems (reported once, against the glossary file). */
export interface LoadedGlossary {
  readonly terms: EffectiveTerms;
  readonly problems: readonly Problem[];
}

/** Reads and checks a glossary file; a missing or unreadable one is a usage error. */
export function loadGlossary(file: string, displayName: string): LoadedGlossary {
  const text = readText(file, displayName);
  const parsed = parseGlossary(text);
  return { terms: effectiveTerms(parsed.glossary), problems: locateFindings(displayName, text, parsed.findings) };
}

/** Findings of a reader that gives ranges (the glossary's, the configuration's) as located problems. */
export function locateFindings(
  displayName: string,
  text: string,
  findings: readonly { readonly range: TextRange; readonly severity: FindingSeverity; readonly code: string; readonly message: string }[],
): Problem[] {
  const lines = new LineMap(text);
  return findings.map((finding) => problemAt(displayName, lines, { ...finding, ...finding.range }, finding.message));
}

/**
 * The file at `svcPath` (`.svc/glossary.yaml`, `.svc/config.yaml`) that applies to a file: in its folder or the
 * nearest folder above it, looking no further up than a repository root (a folder with `.git`). Undefined when
 * there is none. `cache` remembers the answer per folder for one `svcPath`.
 */
export function nearestSvcFile(file: string, svcPath: string, cache: Map<string, string | undefined>): string | undefined {
  const visited: string[] = [];
  let folder = path.dirname(file);
  let found: string | undefined;
  for (;;) {
    if (cache.has(folder)) {
      found = cache.get(folder);
      break;
    }
    visited.push(folder);
    const candidate = path.join(folder, ...svcPath.split('/'));
    if (existsSync(candidate)) {
      found = candidate;
      break;
    }
    const parent = path.dirname(folder);
    if (parent === folder || existsSync(path.join(folder, '.git'))) break;
    folder = parent;
  }
  for (const entry of visited) cache.set(entry, found);
  return found;
}
