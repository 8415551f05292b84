// Appending one line to a private log (audit.jsonl, history.jsonl) so that a
// planted symlink cannot redirect it, a loosened mode is tightened, and a
// torn last line (a writer killed mid-line) never swallows the next entry.
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, SECRET_FILE_MODE } from './secureFile.js';

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** A regular file, tightened to 0600 when group or others could read it. */
export function guardOpenFile(fd: number, path: string): void {
  const st = fstatSync(fd);
  if (!st.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'EISDIR' });
  if (process.platform !== 'win32' && st.mode & 0o077) fchmodSync(fd, SECRET_FILE_MODE);
}

function symlinkError(path: string): Error {
  return Object.assign(new Error(`${path} is a symbolic link; talon does not write through links. Remove it and run again.`), { code: 'ELOOP' });
}

/** True when the file is non-empty and its last byte is not a newline. */
function endsTorn(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * Appends `line` (without its newline) as one line; `sync` waits for it to
 * reach the disk (the write-ahead audit must survive a crash right after).
 */
export function appendPrivateLine(path: string, line: string, opts: { sync?: boolean } = {}): void {
  const fd = openPrivateAppend(path);
  try {
    const bytes = Buffer.from((endsTorn(fd) ? '\n' : '') + line + '\n', 'utf8');
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    if (opts.sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens `path` for appending (and reading its last byte) without following a
 * symlink; refuses anything but a regular file and tightens its mode to 0600.
 */
export function openPrivateAppend(path: string): number {
  ensurePrivateDir(dirname(path));
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NOFOLLOW, SECRET_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw symlinkError(path);
    throw e;
  }
  try {
    guardOpenFile(fd, path);
    return fd;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
