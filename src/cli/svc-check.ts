/**
 * svc-check: checks value-stream files, ```valuestream blocks and outdated ITIL v3 names in Markdown, for
 * documentation repositories and their CI. Exit 0 without errors, 1 with errors (or warnings with --strict),
 * 2 when the run itself fails (bad arguments, unreadable or binary files). This entry point only hands the
 * process's arguments to the command, so that another command, chosen by its first argument, can sit beside it.
 */
import { checkCommand } from './checkCommand';

process.exitCode = checkCommand(process.argv.slice(2), process.cwd(), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
