/**
 * Writes a file so that readers see either the old content or the whole new one, never a part: the data goes to a
 * temporary file beside it, is flushed to disk, and replaces the file by a rename. The file keeps its permissions.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomically(target: string, data: string | Uint8Array): void {
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file: the temporary file's default permissions stay.
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const descriptor = openSync(temporary, 'wx');
  try {
    try {
      writeSync(descriptor, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      if (mode !== undefined) fchmodSync(descriptor, mode);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
