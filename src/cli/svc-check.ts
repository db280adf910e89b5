/**
 * svc-check: checks value-stream files, ```valuestream blocks and outdated ITIL v3 names in Markdown, for
 * documentation repositories and their CI. Exit 0 without errors, 1 with errors (or warnings with --strict),
 * 2 when the run itself fails (bad arguments, unreadable or binary files). `svc-check metrics …` prints the
 * figures of the value streams instead. This entry point only picks the command by the first argument and hands
 * it the process's arguments.
 */
import { checkCommand } from './checkCommand';
import { metricsCommand } from './metricsCommand';

const [first, ...rest] = process.argv.slice(2);
const write = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};
process.exitCode = first === 'metrics' ? metricsCommand(rest, process.cwd(), write) : checkCommand(process.argv.slice(2), process.cwd(), write);
