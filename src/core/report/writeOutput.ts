// Report files: created new (never over an existing file) and private (0600),
// since a report describes the tenant. A CSV report is a directory of one
// file per section.
import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileError } from '../fileError.js';
import { UserError } from '../errors.js';

export const REPORT_FILE_MODE = 0o600;

/** Creates `path` exclusively with mode 0600 and writes `text`. */
export function writeNewPrivateFile(path: string, text: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx', REPORT_FILE_MODE);
    if (process.platform !== 'win32') fchmodSync(fd, REPORT_FILE_MODE);
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  } catch (err) {
    throw fileError(err, `the report file '${path}'`, 'write');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes each file into `dir`, which must not exist yet (created 0700); returns the paths written. */
export function writeNewPrivateDir(dir: string, files: readonly { name: string; text: string }[]): string[] {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`The report directory '${dir}' already exists: choose another --out (talon does not overwrite files).`);
    }
    throw fileError(err, `the report directory '${dir}'`, 'write');
  }
  return files.map((f) => {
    const path = join(dir, f.name);
    writeNewPrivateFile(path, f.text);
    return path;
  });
}
