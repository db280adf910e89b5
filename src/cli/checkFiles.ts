/**
 * What svc-check does, apart from argument parsing and output: find the files to check, read them and turn
 * the model's findings into located problems.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { automaticFix, lockedRegions, type AutomaticFix } from '../model/checks';
import { effectiveTerms, type EffectiveTerms } from '../model/effectiveTerms';
import { parseGlossary } from '../model/glossary';
import { parseMarkdownValueStreams } from '../model/markdownBlocks';
import { parseValueStreams } from '../model/valueStream';
import type { FindingSeverity } from '../model/valueStreamTypes';

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

/** Outdated ITIL names in Markdown prose, as offsets into the text. */
export interface ProseFinding {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly fix?: AutomaticFix;
}

export type ProseChecker = (markdown: string) => readonly ProseFinding[];

export type FileKind = 'valuestream' | 'markdown';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function kindOf(file: string): FileKind | undefined {
  const name = file.toLowerCase();
  if (/\.valuestream\.ya?ml$/.test(name)) return 'valuestream';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  return undefined;
}

/** Kind of a file named explicitly on the command line: plain `.yaml` files are read as value streams too. */
export function kindOfNamedFile(file: string): FileKind | undefined {
  return kindOf(file) ?? (/\.ya?ml$/i.test(file) ? 'valuestream' : undefined);
}

export function isGlob(argument: string): boolean {
  return /[*?[\]{}]/.test(argument);
}

/** A glob (`*`, `**`, `?`, `{a,b}`, `[abc]`) as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob[index] ?? '';
    if (character === '*') {
      if (glob[index + 1] === '*') {
        const slashAfter = glob[index + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        index += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (character === '?') {
      source += '[^/]';
    } else if (character === '{') {
      const close = glob.indexOf('}', index);
      if (close === -1) {
        source += '\\{';
      } else {
        source += `(?:${glob.slice(index + 1, close).split(',').map(escapeRegExp).join('|')})`;
        index = close;
      }
    } else if (character === '[') {
      const close = glob.indexOf(']', index);
      if (close === -1) {
        source += '\\[';
      } else {
        source += `[${glob.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else {
      source += escapeRegExp(character);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
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
  readonly files: readonly { readonly path: string; readonly kind: FileKind }[];
  /** Notes for stderr, e.g. a glob that matched nothing. */
  readonly notes: readonly string[];
}

/** Expands the command-line paths: files as given, folders recursively, globs from their fixed prefix. */
export function collectFiles(argumentsList: readonly string[], cwd: string): CollectedFiles {
  const files = new Map<string, FileKind>();
  const notes: string[] = [];
  for (const argument of argumentsList.length > 0 ? argumentsList : ['.']) {
    if (isGlob(argument)) {
      const normalized = argument.replace(/\\/g, '/');
      const fixed = normalized.split('/');
      const baseParts: string[] = [];
      while (fixed.length > 1 && !isGlob(fixed[0] ?? '')) baseParts.push(fixed.shift() ?? '');
      const base = path.resolve(cwd, baseParts.join('/') || '.');
      const pattern = globToRegExp(fixed.join('/'));
      const candidates: string[] = [];
      if (existsAsFolder(base)) walk(base, candidates);
      const matches = candidates.filter((candidate) => pattern.test(path.relative(base, candidate).split(path.sep).join('/')));
      if (matches.length === 0) notes.push(`no value-stream or Markdown file matches ${argument}`);
      for (const match of matches) files.set(match, kindOf(match) ?? 'markdown');
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
    const kind = kindOfNamedFile(full);
    if (!kind) throw new UsageError(`${argument}: not a value-stream file (*.valuestream.yaml) nor Markdown (*.md)`);
    files.set(full, kind);
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

/** Line starts of a text, for turning offsets into 1-based lines and columns. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** Every problem in one file's text, in text order. */
export function checkText(displayName: string, kind: FileKind, text: string, proseChecker: ProseChecker): Problem[] {
  const located: ProseFinding[] = [];
  if (kind === 'valuestream') {
    located.push(...parseValueStreams(text).findings.map((finding) => ({ ...finding, ...finding.range, fix: automaticFix(finding, text) })));
  } else {
    const locked = lockedRegions(text);
    located.push(...parseMarkdownValueStreams(text).findings.map((finding) => ({ ...finding, ...finding.range, fix: automaticFix(finding, text, locked) })));
    located.push(...proseChecker(text));
  }
  const starts = lineStarts(text);
  return located
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((finding) => problemAt(displayName, starts, finding, finding.message.replace(/\s*\n\s*/g, ' ')));
}

/** A finding at offsets `start`–`end` of a file, as the line and column report prints it. */
function problemAt(
  displayName: string,
  starts: readonly number[],
  finding: { readonly start: number; readonly end: number; readonly severity: Problem['severity']; readonly code: string; readonly fix?: AutomaticFix },
  message: string,
): Problem {
  const located = (range: { readonly start: number; readonly end: number }) => {
    const start = position(starts, range.start);
    const end = position(starts, range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
  return {
    file: displayName,
    ...located(finding),
    severity: finding.severity,
    code: finding.code,
    message,
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
  findings: readonly { readonly range: { readonly start: number; readonly end: number }; readonly severity: FindingSeverity; readonly code: string; readonly message: string }[],
): Problem[] {
  const starts = lineStarts(text);
  return findings.map((finding) => problemAt(displayName, starts, { ...finding, ...finding.range }, finding.message));
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
