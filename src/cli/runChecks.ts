/**
 * One run of svc-check over files or standard input: which files are checked, with which glossary and
 * configuration, and the problems of each at the severity its configuration gives them.
 */
import path from 'node:path';
import { automaticFix, CONFIG_PATH, EMPTY_CONFIG, lockedRegions, reportedSeverity, TERMINOLOGY_SEVERITY, withConfiguredSeverities, type SvcConfig } from '../model/checks';
import { GLOSSARY_PATH } from '../model/glossary';
import { builtInTerms, type EffectiveTerms } from '../model/terms';
import { findOutdatedTerms } from '../model/terms/checker';
import { ignoreMatcher, parseSvcConfig } from '../model/yamlParsers';
import type { ValueStreamSourceKind } from '../model/valueStreams';
import {
  checkText,
  collectFiles,
  loadGlossary,
  locateFindings,
  namedFileKind,
  nearestSvcFile,
  readText,
  UsageError,
  type Problem,
  type ProseChecker,
} from './checkFiles';
import type { FileResult } from './formats';
import type { Options } from './options';

export interface CheckedFile extends FileResult {
  /** Where the file is on disk; undefined for standard input. */
  readonly path?: string;
  /** The text as checked (without a byte order mark), kept for --fix; undefined for glossaries, configurations and unreadable files. */
  readonly text?: string;
  /** Checks another version of the file's text the same way, e.g. after fixes. */
  readonly check?: (text: string) => Problem[];
}

export interface CheckRun {
  readonly files: readonly CheckedFile[];
  /** Notes for stderr, e.g. a glob that matched nothing. */
  readonly notes: readonly string[];
}

/**
 * Outdated ITIL v3 names and avoided names in Markdown prose (the title, description and excerpt of its front
 * matter too), as the editor's terminology checker reports them: a likely one is information at most, and --fix
 * writes neither in front matter nor in switched-off regions.
 */
const termsInProse =
  (terms: EffectiveTerms): ProseChecker =>
  (markdown) => {
    const locked = lockedRegions(markdown);
    return findOutdatedTerms(markdown, { format: 'markdown', terms }).map((finding) => ({
      start: finding.start,
      end: finding.end,
      code: finding.code,
      severity: reportedSeverity(TERMINOLOGY_SEVERITY, finding.confidence),
      confidence: finding.confidence,
      message: finding.message,
      fix: automaticFix(finding, markdown, locked),
    }));
  };

interface AppliedConfig {
  readonly config: SvcConfig;
  /** The folder its ignore patterns are relative to. */
  readonly root: string;
  readonly isIgnored: (relativePath: string) => boolean;
}

/**
 * The glossary and configuration files of a run, each read once. Their own problems join the run's files the first
 * time a checked file uses them, so the report lists them before that file.
 */
class SvcFiles {
  private readonly glossaries = new Map<string, EffectiveTerms>();
  private readonly configs = new Map<string, AppliedConfig>();
  private readonly glossaryFolders = new Map<string, string | undefined>();
  private readonly configFolders = new Map<string, string | undefined>();

  constructor(
    private readonly options: Options,
    private readonly cwd: string,
    private readonly displayNameOf: (file: string) => string,
    private readonly files: CheckedFile[],
  ) {}

  /** Reads the files named with --glossary and --config: a run cannot go on without them. */
  loadNamedFiles(): void {
    if (this.options.glossary !== undefined) this.termsFor(this.cwd);
    if (this.options.config !== undefined) this.configFor(this.cwd);
  }

  termsFor(file: string): EffectiveTerms {
    const glossaryFile = this.options.glossary !== undefined ? path.resolve(this.cwd, this.options.glossary) : nearestSvcFile(file, GLOSSARY_PATH, this.glossaryFolders);
    if (glossaryFile === undefined) return builtInTerms();
    let terms = this.glossaries.get(glossaryFile);
    if (!terms) {
      const displayName = this.displayNameOf(glossaryFile);
      const loaded = loadGlossary(glossaryFile, displayName);
      terms = loaded.terms;
      this.glossaries.set(glossaryFile, terms);
      this.files.push({ file: displayName, problems: withConfiguredSeverities(loaded.problems, this.configFor(glossaryFile).config) });
    }
    return terms;
  }

  configFor(file: string): AppliedConfig {
    const configFile = this.options.config !== undefined ? path.resolve(this.cwd, this.options.config) : nearestSvcFile(file, CONFIG_PATH, this.configFolders);
    if (configFile === undefined) return { config: EMPTY_CONFIG, root: this.cwd, isIgnored: () => false };
    let applied = this.configs.get(configFile);
    if (!applied) {
      const displayName = this.displayNameOf(configFile);
      const text = readText(configFile, displayName);
      const parsed = parseSvcConfig(text);
      // A configuration named on the command line applies from the working folder; one found beside the files, from the folder holding its `.svc`.
      const root = this.options.config !== undefined ? this.cwd : path.dirname(path.dirname(configFile));
      applied = { config: parsed.config, root, isIgnored: ignoreMatcher(parsed.config) };
      this.configs.set(configFile, applied);
      this.files.push({ file: displayName, problems: locateFindings(displayName, text, withConfiguredSeverities(parsed.findings, parsed.config)) });
    }
    return applied;
  }

  isIgnored(file: string): boolean {
    const applied = this.configFor(file);
    const relative = path.relative(applied.root, file).split(path.sep).join('/');
    return !relative.startsWith('../') && applied.isIgnored(relative);
  }
}

/** Checks the files (or standard input) the options name. Throws UsageError when the run cannot start. */
export function runChecks(options: Options, cwd: string): CheckRun {
  const files: CheckedFile[] = [];
  const notes: string[] = [];
  const displayNameOf = (file: string): string => path.relative(cwd, file).split(path.sep).join('/') || file;
  const svcFiles = new SvcFiles(options, cwd, displayNameOf, files);
  svcFiles.loadNamedFiles();

  const checkOne = (source: { readonly path?: string; readonly settingsPath: string; readonly displayName: string; readonly kind: ValueStreamSourceKind; readonly read: () => string }): void => {
    try {
      if (svcFiles.isIgnored(source.settingsPath)) {
        if (source.path === undefined) notes.push(`${source.displayName} is ignored by the configuration; nothing was checked`);
        return;
      }
      const terms = svcFiles.termsFor(source.settingsPath);
      const { config } = svcFiles.configFor(source.settingsPath);
      const check = (text: string): Problem[] => withConfiguredSeverities(checkText(source.displayName, source.kind, text, termsInProse(terms)), config);
      const text = source.read();
      // Only --fix needs the text again; a large repository's texts are not kept otherwise.
      files.push({ file: source.displayName, ...(source.path !== undefined ? { path: source.path } : {}), ...(options.fix ? { text } : {}), problems: check(text), check });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      files.push({ file: source.displayName, problems: [], unreadable: error.message });
    }
  };

  if (options.stdin) {
    const name = options.stdin.filename;
    const kind = name === undefined ? 'markdown' : namedFileKind(name, `--stdin-filename ${name}`);
    const settingsPath = path.resolve(cwd, name ?? 'stdin.md');
    const displayName = name === undefined ? '<stdin>' : displayNameOf(settingsPath);
    checkOne({ settingsPath, displayName, kind, read: () => readText(0, displayName) });
    return { files, notes };
  }

  const collected = collectFiles(options.paths, cwd);
  notes.push(...collected.notes);
  for (const file of collected.files) {
    const displayName = displayNameOf(file.path);
    checkOne({ path: file.path, settingsPath: file.path, displayName, kind: file.kind, read: () => readText(file.path, displayName) });
  }
  return { files, notes };
}
