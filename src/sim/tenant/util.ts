// Small helpers shared by the tenant generators: time formatting, seeded
// sub-streams and sampling. All randomness comes from src/sim/random.ts.
import { Random } from '../random.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const dayPrefix = new Map<number, string>();
const timeOfDay: string[] = [];

/** RFC 3339 UTC with seconds precision ("2026-05-01T08:09:10Z"). */
export function iso(ms: number): string {
  // Hot path (hundreds of thousands of calls for big tenants). Both halves
  // are cached so each result is one small concatenation of shared strings.
  const seconds = Math.floor(ms / SECOND);
  const day = Math.floor(seconds / 86_400);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  const rest = seconds - day * 86_400;
  let time = timeOfDay[rest];
  if (time === undefined) {
    time = new Date(rest * SECOND).toISOString().slice(11, 19) + 'Z';
    timeOfDay[rest] = time;
  }
  return prefix + time;
}

/** A Windows FILETIME-style value (100 ns ticks since 1601), as a string. */
export function fileTime(ms: number): string {
  return String(Math.floor(ms / SECOND) * SECOND + 11_644_473_600_000) + '0000';
}

/**
 * An independent, deterministic random stream for one part of the tenant, so
 * that changing how one generator draws does not shift the others.
 */
export function streamRandom(seed: number, stream: string): Random {
  let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= seed >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return new Random((h ^ (h >>> 16)) >>> 0);
}

/** Integer in [lo, hi) (hi > lo), or lo when the range is empty. */
export function between(rng: Random, lo: number, hi: number): number {
  if (hi <= lo) return lo;
  return lo + Math.floor(rng.next() * (hi - lo));
}

/** In-place Fisher-Yates shuffle. */
export function shuffle<T>(rng: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** k distinct items (partial Fisher-Yates; O(n) copy, O(k) draws). */
export function sampleOf<T>(rng: Random, items: readonly T[], k: number): T[] {
  const copy = items.slice();
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    const tmp = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = tmp;
  }
  return copy.slice(0, n);
}

/** Picks by weight from items carrying a `weight` property. */
export function pickWeighted<T extends { weight: number }>(rng: Random, items: readonly T[]): T {
  return rng.weighted(
    items,
    items.map((i) => i.weight),
  );
}

/** A name not yet in `taken`: tries the generator, then falls back to suffixes. */
export function uniqueName(taken: Set<string>, gen: () => string, attempts = 12): string {
  let name = gen();
  for (let i = 1; i < attempts && taken.has(name); i++) name = gen();
  if (taken.has(name)) {
    const base = name;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  }
  taken.add(name);
  return name;
}

const ALNUM_UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

export function randomChars(rng: Random, n: number, alphabet: string = ALNUM_UPPER): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
  return s;
}

export function randomDigits(rng: Random, n: number): string {
  return randomChars(rng, n, DIGITS);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Replaces {name} placeholders. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** "C:\Windows\x.exe" -> "\Device\HarddiskVolume3\Windows\x.exe"; other paths unchanged. */
export function devicePath(path: string): string {
  return /^[A-Za-z]:\\/.test(path) ? `\\Device\\HarddiskVolume3${path.slice(2)}` : path;
}

/** Last path component for Windows and POSIX paths. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return path.slice(i + 1);
}
