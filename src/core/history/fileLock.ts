// A cross-process lock made of a directory: mkdir either creates it (the
// lock is ours) or fails with EEXIST, atomically, on every platform and
// file system Node supports. The holder writes its pid into it so that a
// lock left by a crashed process can be told from a busy one.
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockOptions {
  /** give up after this long (ms) */
  timeoutMs?: number;
  /** a lock older than this (ms) is taken to be abandoned even if its pid seems alive */
  staleMs?: number;
}

export class LockTimeoutError extends Error {}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Synchronous sleep: the lock guards synchronous file work. */
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, 'owner'), 'utf8');
  } catch {
    return undefined;
  }
}

/** True when the holder died, or the lock is older than staleMs. */
function isStale(dir: string, owner: string | undefined, staleMs: number): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(dir).mtimeMs;
  } catch {
    return false; // released meanwhile
  }
  if (age > staleMs) return true;
  const pid = Number(owner?.split(' ')[0]);
  // Without an owner file the holder is between mkdir and writing it: give it time.
  return Number.isInteger(pid) && pid > 0 && !pidAlive(pid) && age > 50;
}

/**
 * Removes an abandoned lock. Breakers serialise on a second directory and
 * re-check the owner under it, so two processes breaking the same stale lock
 * cannot remove a fresh lock the faster one has just taken.
 */
function breakStale(dir: string, seenOwner: string | undefined, staleMs: number): void {
  const breaker = `${dir}.break`;
  try {
    mkdirSync(breaker);
  } catch {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > staleMs) rmSync(breaker, { recursive: true, force: true });
    } catch {
      // gone already
    }
    return;
  }
  try {
    if (ownerOf(dir) === seenOwner && isStale(dir, seenOwner, staleMs)) {
      const aside = `${dir}.stale.${uniqueTag()}`;
      renameSync(dir, aside);
      rmSync(aside, { recursive: true, force: true });
    }
  } catch {
    // someone else released or broke it; just retry
  } finally {
    rmSync(breaker, { recursive: true, force: true });
  }
}

/**
 * A name no other holder has: the pid tells a dead holder from a live one, the
 * rest a reused pid or an earlier lock of ours. Not a secret, so not
 * node:crypto, which would cost every call that records history ~2 ms to load.
 */
function uniqueTag(): string {
  return `${process.hrtime.bigint().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Runs `fn` holding the lock `dir`; throws LockTimeoutError if it cannot be had in time. */
export function withLock<T>(dir: string, fn: () => T, options: LockOptions = {}): T {
  const timeoutMs = options.timeoutMs ?? 5000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const me = `${process.pid} ${uniqueTag()}`;
  for (let wait = 1; ; wait = Math.min(wait * 2, 25)) {
    try {
      mkdirSync(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = ownerOf(dir);
    if (isStale(dir, owner, staleMs)) {
      breakStale(dir, owner, staleMs);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(`could not lock ${dir} within ${timeoutMs} ms`);
    sleep(wait + Math.random() * wait);
  }
  try {
    writeFileSync(join(dir, 'owner'), me);
    return fn();
  } finally {
    // Only our own lock is removed: a lock broken as stale and retaken by another stays.
    if (ownerOf(dir) === me) release(dir);
  }
}

/** Removes a lock directory: its owner file, then the directory (recursive removal only if something else is in it). */
function release(dir: string): void {
  try {
    unlinkSync(join(dir, 'owner'));
    rmdirSync(dir);
  } catch {
    // rmSync's recursive removal loads code of its own (~1 ms a call): only for the unusual case.
    rmSync(dir, { recursive: true, force: true });
  }
}
