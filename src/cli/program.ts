/** What every svc-check command shares: the program's version and where a command writes. */
declare const SVC_CHECK_VERSION: string | undefined;

/** The version svc-check reports (`--version`, the tool in SARIF and JUnit reports): the package's, set by the build. */
export const VERSION = typeof SVC_CHECK_VERSION === 'string' ? SVC_CHECK_VERSION : 'development';

/** Where a command writes: the report to `out`, notes and the summary to `err`. */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}
