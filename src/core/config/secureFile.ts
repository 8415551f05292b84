// Files that may hold secrets (client secrets, bearer tokens): private
// directories and atomic writes whose bytes are never readable by others,
// not even for the moment between creating a file and fixing its mode.
import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, statSync, chmodSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../errors.js';
import { fileError } from '../fileError.js';
import { basename, dirname, join } from 'node:path';
import { realpathSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const SECRET_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) as 0700 and tightens `dir` if others
 * may read it. A directory that another user owns, or that group or others
 * may write (so they could swap the files talon trusts), is refused with a
 * sentence, as is a parent of it that others may write without the sticky bit.
 */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (e) {
    throw fileError(e, `the directory ${dir}`, 'write');
  }
  if (process.platform === 'win32') return;
  checkStateDir(dir);
  const st = statSync(dir);
  if (st.mode & 0o077) chmodSync(dir, st.mode & PRIVATE_DIR_MODE);
}

const refuse = (dir: string, why: string, fix: string): UserError =>
  new UserError(`talon refuses the state directory ${dir}: ${why}, so others could change what talon reads and writes there. ${fix}`);

/** Throws a UserError when `dir` (or its parent) could be tampered with by another user. */
export function checkStateDir(dir: string): void {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return;
  const uid = process.getuid();
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return checkStateDir(realTarget(dir));
  if (!st.isDirectory()) throw new UserError(`talon cannot use ${dir} as a directory: it is a file. Set TALON_HOME to a directory.`);
  if (st.uid !== uid) throw refuse(dir, `it belongs to another user (uid ${st.uid})`, 'Use a directory of your own (TALON_HOME).');
  if (st.mode & 0o022) throw refuse(dir, `group or others may write it (mode ${(st.mode & 0o777).toString(8)})`, `Run chmod 700 '${dir}' or use another directory.`);
  const parent = dirname(dir);
  if (parent === dir) return;
  const p = statSync(parent);
  if (p.mode & 0o002 && !(p.mode & 0o1000)) throw refuse(dir, `its parent ${parent} is writable by anyone without the sticky bit`, 'Use a directory under your home (TALON_HOME).');
}

function realTarget(path: string): string {
  // A symlinked state directory is judged by what it points at.
  return realpathSync(path);
}

/**
 * Creates a new private file (0600) holding `data`: never follows a planted
 * link and never overwrites (an existing file is a sentence saying so).
 */
export function writeNewPrivateFile(path: string, data: string | Uint8Array, what = `the file ${path}`): number {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx', SECRET_FILE_MODE);
    if (process.platform !== 'win32') fchmodSync(fd, SECRET_FILE_MODE);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    return bytes.length;
  } catch (e) {
    throw fileError(e, what, 'write');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `base.ext`, or `base-2.ext`, `base-3.ext`... : the first name not taken, created as writeNewPrivateFile does. */
export function writeUniquePrivateFile(dir: string, base: string, ext: string, data: string | Uint8Array): string {
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${base}.${ext}` : `${base}-${n}.${ext}`);
    try {
      writeNewPrivateFile(path, data);
      return path;
    } catch (e) {
      if (n < 1000 && /already exists/.test((e as Error).message)) continue;
      throw e;
    }
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
  // node:crypto is loaded here, when a file is written, not by every call that only reads one.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`);
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
