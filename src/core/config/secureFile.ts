// Files that may hold secrets (client secrets, bearer tokens): private
// directories and atomic writes whose bytes are never readable by others,
// not even for the moment between creating a file and fixing its mode.
import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, chmodSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const SECRET_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) as 0700, and tightens `dir` itself if it is looser. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform === 'win32') return;
  try {
    const mode = statSync(dir).mode & 0o777;
    if (mode & 0o077) chmodSync(dir, mode & PRIVATE_DIR_MODE);
  } catch {
    // Not ours to change (another owner); the file modes still protect the contents.
  }
}

/**
 * Writes `text` to `path` atomically: a temporary file in the same
 * directory is created with its final mode, filled, synced, then renamed
 * over `path`, so readers see the old or the new content and never a
 * half-written file (and a secret is never readable by others, not even
 * between creating the file and fixing its mode).
 */
export function writeFileAtomic(path: string, text: string, options: { mode?: number; privateDir?: boolean } = {}): void {
  const mode = options.mode ?? 0o644;
  const dir = dirname(path);
  if (options.privateDir) ensurePrivateDir(dir);
  else mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // 'wx': never follow or reuse an existing file at the temporary name.
    fd = openSync(tmp, 'wx', mode);
    // The umask can only remove bits, but make the mode exact regardless.
    if (process.platform !== 'win32') fchmodSync(fd, mode);
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/** A file that may hold secrets: mode 0600 in a 0700 directory, written atomically. */
export function writeSecretFile(path: string, text: string): void {
  writeFileAtomic(path, text, { mode: SECRET_FILE_MODE, privateDir: true });
}
