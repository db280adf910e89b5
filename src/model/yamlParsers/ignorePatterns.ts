/**
 * File patterns of the checks: the configuration's `ignore` list and the globs named on svc-check's command line,
 * matched by picomatch. Here, in the lazily loaded folder, because the matcher is as large as the rest of what the
 * editor loads at activation and only a configuration that ignores files needs it.
 */
import picomatch from 'picomatch/posix';
import type { SvcConfig } from '../checks/config';

/**
 * A matcher of `/`-separated relative paths for globs as shells and `.gitignore` write them: `*`, `**`, `?`,
 * `{a,b}`, `[abc]` and `[!abc]`; `*` matches names that start with a dot too. The same on every platform.
 */
export function globMatcher(globs: string | readonly string[]): (relativePath: string) => boolean {
  return picomatch(typeof globs === 'string' ? globs : [...globs], { dot: true, posix: true });
}

/**
 * Whether a file is left out under `config`, from its `/`-separated path relative to the folder that holds
 * `.svc/`. A pattern that names a folder leaves out everything below it, as in `.gitignore`: `archive`,
 * `archive/` and `archive/**` are the same.
 */
export function ignoreMatcher(config: SvcConfig): (relativePath: string) => boolean {
  const patterns = config.ignore.map((pattern) => pattern.replace(/\/+$/, '')).filter((pattern) => pattern !== '');
  if (patterns.length === 0) return () => false;
  const matches = globMatcher(patterns);
  return (relativePath) => {
    const parts = relativePath.split('/');
    for (let length = parts.length; length > 0; length -= 1) {
      if (matches(parts.slice(0, length).join('/'))) return true;
    }
    return false;
  };
}
