// Small helpers shared by the tenant generators: time formatting, seeded
// sub-streams and sampling. All randomness comes from src/sim/random.ts.
import { Random } from '../random.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "YYYY-MM-DDT" by day since 1970, filled on demand (to 2079: later days are formatted each time) */
const DAY_PREFIXES = 40_000;
const dayPrefix: (string | undefined)[] = [];
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** "HH:MM:SSZ" per second of the day, filled on demand (a packed array of '') */
const timeOfDay: string[] = Array.from({ length: 86_400 }, () => '');

/** "YYYY-MM-DDT" of a day since 1970. */
function prefixOf(day: number): string {
  let prefix = day >= 0 && day < DAY_PREFIXES ? dayPrefix[day] : undefined;
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (day >= 0 && day < DAY_PREFIXES) dayPrefix[day] = prefix;
  }
  return prefix;
}

/** "HH:MM:SSZ" of a second of the day. */
function timeOf(rest: number): string {
  let time = timeOfDay[rest] as string;
  if (time === '') {
    const h = Math.floor(rest / 3600);
    const m = Math.floor(rest / 60) % 60;
    time = `${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[rest % 60]}Z`;
    timeOfDay[rest] = time;
  }
  return time;
}

/** RFC 3339 UTC with seconds precision ("2026-05-01T08:09:10Z"). */
export function iso(ms: number): string {
  // Hot path (hundreds of thousands of calls for big tenants). Both halves
  // are cached, so each result is one small concatenation of shared strings.
  const seconds = Math.floor(ms / SECOND);
  const day = Math.floor(seconds / 86_400);
  return prefixOf(day) + timeOf(seconds - day * 86_400);
}

const isoScratch = Buffer.allocUnsafe(20);

/**
 * iso() as one flat string, read from a scratch buffer (like hex()): for the
 * host timestamps every sort or filter on them reads from each record. A
 * concatenation is a rope, which the first read of each must flatten (a
 * runtime call and a new string per record: most of a sort's first use).
 */
export function isoFlat(ms: number): string {
  const seconds = Math.floor(ms / SECOND);
  const day = Math.floor(seconds / 86_400);
  const prefix = prefixOf(day);
  const time = timeOf(seconds - day * 86_400);
  if (prefix.length !== 11) return prefix + time;
  for (let i = 0; i < 11; i++) isoScratch[i] = prefix.charCodeAt(i);
  for (let i = 0; i < 9; i++) isoScratch[11 + i] = time.charCodeAt(i);
  return isoScratch.toString('latin1', 0, 20);
}

/** A Windows FILETIME-style value (100 ns ticks since 1601), as a string. */
export function fileTime(ms: number): string {
  return [Math.floor(ms / SECOND) + 11_644_473_600, '0000000'].join('');
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

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** Where hex() writes its digits: one string is made from it, with no pieces to join (hundreds of thousands of calls). */
const hexScratch = Buffer.allocUnsafe(128);

/**
 * n lowercase hex characters from the stream, like Random.hex but without
 * formatting doubles (Number#toString(16) is slow above 2^30): eight digits
 * per draw, most significant first.
 */
export function hex(rng: Random, n: number): string {
  if (n > hexScratch.length) return hex(rng, hexScratch.length) + hex(rng, n - hexScratch.length);
  let at = 0;
  for (let have = 0; have < n; have += 8) {
    const u = Math.floor(rng.next() * 0x100000000);
    for (let shift = 28; shift >= 0; shift -= 4) hexScratch[at++] = HEX_DIGITS[(u >>> shift) & 15] as number;
  }
  return hexScratch.toString('latin1', 0, n);
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

/**
 * A weighted choice with its weights summed once, for hot loops. Draws like
 * Random.weighted: one next() per pick.
 */
export class Picker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (let i = 0; i < items.length; i++) this.cumulative.push((sum += weights[i] ?? 0));
    this.total = sum;
  }

  static of<T extends { weight: number }>(items: readonly T[]): Picker<T> {
    return new Picker(
      items,
      items.map((i) => i.weight),
    );
  }

  pick(rng: Random): T {
    const r = rng.next() * this.total;
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (r < (c[i] as number)) return this.items[i] as T;
    return this.items[this.items.length - 1] as T;
  }
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

const templates = new Map<string, string[]>();

/** Replaces {name} placeholders (templates are parsed once and cached). */
export function fill(template: string, vars: Record<string, string>): string {
  if (!template.includes('{')) return template;
  let parts = templates.get(template);
  if (!parts) {
    // even indexes: literal text; odd indexes: placeholder names
    parts = template.split(/\{(\w+)\}/);
    templates.set(template, parts);
  }
  // joined rather than concatenated: one flat string instead of a rope
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    out.push(i % 2 === 0 ? part : (vars[part] ?? `{${part}}`));
  }
  return out.join('');
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
