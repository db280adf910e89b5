/** The command line of svc-check: its options, their checks and the help text. */
import { parseCommandLine, UsageError } from './checkFiles';
import { FORMAT_NAMES, isFormatName, type FormatName } from './formats';

export const USAGE = `Usage: svc-check [files, folders or globs…] [options]
       svc-check --stdin [--stdin-filename <name>] [options]
       svc-check metrics [files, folders or globs…] [--format text|json] [--output <file>]

Checks *.valuestream.yaml / *.valuestream.yml files, \`\`\`valuestream blocks in Markdown (*.md),
outdated ITIL v3 names in Markdown prose, and the names an organisation glossary asks to avoid. Folders
are searched recursively (node_modules and .git are skipped); without paths, the current folder is
checked. Quote globs so the shell leaves them alone.

Each file is read with the .svc/glossary.yaml and .svc/config.yaml of its folder or the nearest folder
above it (up to the repository root); their own problems are reported against them. The configuration
sets a severity (or off) per finding code and lists files not to check.

Options:
  --format <name>          text: one "file:line:col severity code message" line per problem (default)
                           json: an array of {file, line, column, endLine, endColumn, severity, code, message}
                           sarif: SARIF 2.1.0, for GitHub code scanning
                           github: GitHub Actions annotations (workflow commands)
                           junit: JUnit XML, one test case per file
                           gitlab: GitLab code quality report
  --output <file>          write the report to this file instead of standard output
  --strict                 warnings fail the run too
  --fix                    apply the fixes that are safe without a person choosing (ITIL v3 names with one
                           ITIL 4 name, glossary rules, value-stream lists and practice names), then report
                           what is left
  --dry-run                with --fix: print the changes as a unified diff and write nothing
  --stdin                  check the text on standard input instead of files
  --stdin-filename <name>  with --stdin: the file name the text would have; it decides how the text is read
                           and which glossary and configuration apply
  --glossary <file>        read every file with this glossary instead
  --config <file>          read every file with this configuration instead
  --help                   show this help
  --version                show the version

svc-check metrics prints the lead time, work, waiting, flow efficiency and critical path of every value
stream instead (svc-check metrics --help).

Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage error or unreadable file.`;

export interface Options {
  readonly paths: readonly string[];
  readonly format: FormatName;
  readonly output?: string;
  readonly strict: boolean;
  readonly fix: boolean;
  readonly dryRun: boolean;
  /** Set with --stdin: the name the text on standard input is checked under (undefined: a Markdown text without one). */
  readonly stdin?: { readonly filename?: string };
  readonly glossary?: string;
  readonly config?: string;
}

export function parseOptions(argv: readonly string[]): Options | 'help' | 'version' {
  const parsed = parseCommandLine(argv, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    strict: { type: 'boolean', default: false },
    fix: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    stdin: { type: 'boolean', default: false },
    'stdin-filename': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', default: false },
    glossary: { type: 'string' },
    config: { type: 'string' },
  });
  const values = parsed.values;
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (!isFormatName(values.format)) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${values.format}"`);
  if (values['dry-run'] && !values.fix) throw new UsageError('--dry-run goes with --fix: it shows what --fix would change');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (values.stdin && parsed.positionals.length > 0) throw new UsageError('with --stdin, name no files: the text comes from standard input');
  if (values.stdin && values.fix && !values['dry-run']) throw new UsageError('--fix cannot write back to standard input; use --fix --dry-run for a diff');
  return {
    paths: parsed.positionals,
    format: values.format,
    strict: values.strict,
    fix: values.fix,
    dryRun: values['dry-run'],
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.stdin ? { stdin: values['stdin-filename'] !== undefined ? { filename: values['stdin-filename'] } : {} } : {}),
    ...(values.glossary !== undefined ? { glossary: values.glossary } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}
