// The history file: append-only JSON Lines in the data directory, bounded by
// compaction. Every writer (append or compaction) holds one lock, so an append
// can never land in the old file while compaction replaces it; each append is
// also a single O_APPEND write of a whole line, so lines stay whole even in
// the degraded case of an append made without the lock.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { talonPaths } from '../config/paths.js';
import { appendPrivateLine } from '../config/privateAppend.js';
import { ensurePrivateDir, writeSecretFile } from '../config/secureFile.js';
import { UserError } from '../errors.js';
import { isObject } from '../schema/isObject.js';
import { LockTimeoutError, withLock } from './fileLock.js';
import { serializeEntry, type HistoryEntry } from './historyEntry.js';

export const DEFAULT_HISTORY_LIMIT = 5000;
/** Compaction starts once the file holds this fraction more than the limit. */
const MARGIN = 0.1;
/** Bytes read from the start of the file to estimate the average line length. */
const SAMPLE_BYTES = 65_536;

export interface HistoryStoreOptions {
  /** entries kept by compaction */
  limit?: number;
  /** how long an append waits for a compaction in progress (ms) */
  lockTimeoutMs?: number;
}

export function historyFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(talonPaths(env).data, 'history.jsonl');
}

/** The bound: TALON_HISTORY_LIMIT, else 5,000 entries. */
export function historyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TALON_HISTORY_LIMIT?.trim();
  if (!raw) return DEFAULT_HISTORY_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new UserError(`TALON_HISTORY_LIMIT must be a whole number of at least 1; got '${raw}'.`);
  }
  return n;
}

/** Splits file text into complete lines; a last line without its newline is still being written. */
export function completeLines(text: string): string[] {
  const lines = text.split('\n');
  lines.pop();
  return lines.filter((l) => l.trim() !== '');
}

function isJsonObject(line: string): boolean {
  try {
    return isObject(JSON.parse(line));
  } catch {
    return false;
  }
}

export class HistoryStore {
  readonly limit: number;
  private readonly lockDir: string;

  constructor(
    readonly file: string,
    private readonly options: HistoryStoreOptions = {},
  ) {
    this.limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
    this.lockDir = join(dirname(file), `.${basename(file)}.lock`);
  }

  /** Appends one entry (throws on I/O errors; callers recording requests catch them). */
  append(entry: HistoryEntry): void {
    // One line that never glues onto a torn last line, never through a symlink.
    const line = serializeEntry(entry);
    ensurePrivateDir(dirname(this.file));
    try {
      withLock(this.lockDir, () => {
        appendPrivateLine(this.file, line);
        this.compactIfNeeded();
      }, { timeoutMs: this.options.lockTimeoutMs ?? 5000 });
    } catch (e) {
      if (!(e instanceof LockTimeoutError)) throw e;
      // A lock held this long is abandoned or very slow: keep the entry anyway.
      appendPrivateLine(this.file, line);
    }
  }

  /** Compacts under the lock (for callers outside append). */
  compact(): void {
    ensurePrivateDir(dirname(this.file));
    withLock(this.lockDir, () => this.rewrite(true));
  }

  /** Called holding the lock: a cheap size estimate first, the exact count only when it may be over. */
  private compactIfNeeded(): void {
    const size = statSync(this.file).size;
    const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const fd = openSync(this.file, 'r');
    let read: number;
    try {
      read = readSync(fd, sample, 0, sample.length, 0);
    } finally {
      closeSync(fd);
    }
    let newlines = 0;
    for (let i = sample.indexOf(10); i !== -1 && i < read; i = sample.indexOf(10, i + 1)) newlines++;
    const estimate = newlines === 0 ? 1 : (size * newlines) / read;
    if (estimate > this.threshold()) this.rewrite(false);
  }

  private threshold(): number {
    return this.limit + Math.max(1, Math.ceil(this.limit * MARGIN));
  }

  /**
   * Called holding the lock: keeps the last `limit` readable lines, byte for
   * byte, in a new file renamed over the old one. No append can happen
   * meanwhile, since appends hold the same lock.
   */
  private rewrite(force: boolean): void {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    const lines = completeLines(text);
    if (!force && lines.length <= this.threshold()) return;
    // Damaged lines go; lines are checked as entries only when read (historyReader.ts), so appends need no schema.
    const valid = lines.filter(isJsonObject);
    const kept = valid.slice(Math.max(0, valid.length - this.limit));
    writeSecretFile(this.file, kept.map((l) => l + '\n').join(''));
  }
}

/** The history store of this environment (TALON_HOME or the XDG data directory). */
export function openHistoryStore(env: NodeJS.ProcessEnv = process.env): HistoryStore {
  return new HistoryStore(historyFile(env), { limit: historyLimit(env) });
}
