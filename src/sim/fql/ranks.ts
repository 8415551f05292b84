// Dense ranks of one sort key's values, for sortOrder (sort.ts): equal values
// share a rank, lower values rank first, and records without a value get the
// last rank, `count - 1`.
//
// A sort's first use at 100,000 records has to fit in one query's budget, so
// values are ordered by a typed array's native sort, never by a comparator
// called per pair: a key derived from the value and the record's position are
// packed into one integer (key times a power of two, plus the position), so
// one native sort lists the positions in value order. Text is keyed a few
// characters at a time (textRanks.ts).

import { scratchFloats, scratchWide, scratchWords } from './scratch.js';

export interface RankColumn {
  ranks: Uint32Array;
  count: number;
}

/** Packed keys stay below this, so a double holds them exactly. */
export const MAX_EXACT = 2 ** 53;
const UNRANKED = 0xffffffff;
/** scratch slots (scratch.ts) of numberRanks */
const KEYS = 0;
const GRID = 1;
const ORDER = 0;
const TWO_32 = 2 ** 32;
/** Which half of a 64-bit integer the first 32-bit word holds (typed arrays use the platform's byte order). */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** The smallest power of two >= n (at least 1). */
export function slotsFor(n: number): number {
  let s = 1;
  while (s < n) s *= 2;
  return s;
}

/**
 * Sorts whole numbers in [0, 2^53) in place, as unsigned 64-bit integers
 * where that pays: a native integer sort takes about half the time of a
 * Float64Array's (which must order NaN and -0).
 */
export function sortPacked(keys: Float64Array): void {
  const n = keys.length;
  if (n < 512) {
    keys.sort();
    return;
  }
  const wide = scratchWide(n);
  const words = new Uint32Array(wide.buffer, wide.byteOffset, 2 * n);
  for (let k = 0; k < n; k++) {
    const v = keys[k] as number;
    const high = Math.floor(v / TWO_32);
    words[2 * k + LOW] = v - high * TWO_32;
    words[2 * k + 1 - LOW] = high;
  }
  wide.sort();
  for (let k = 0; k < n; k++) keys[k] = (words[2 * k + 1 - LOW] as number) * TWO_32 + (words[2 * k + LOW] as number);
}

/** Ranks for positions listed in value order: a new rank where `differs(previous, next)`; the rest rank last. */
export function denseRanks(n: number, sorted: Uint32Array, differs: (a: number, b: number) => boolean): RankColumn {
  const ranks = new Uint32Array(n).fill(UNRANKED);
  let rank = -1;
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k] as number;
    if (k === 0 || differs(sorted[k - 1] as number, i)) rank++;
    ranks[i] = rank;
  }
  const last = rank + 1; // "no value", after every rank in use
  if (sorted.length < n) for (let i = 0; i < n; i++) if (ranks[i] === UNRANKED) ranks[i] = last;
  return { ranks, count: last + 1 };
}

// ---- numbers ----

/** Dense ascending ranks of numbers; NaN (no value) ranks last. */
export function numberRanks(values: Float64Array): RankColumn {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let present = 0;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v !== v) continue;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  // Whole numbers (timestamps, counts, combined ranks) on a grid of `step`, when (value - min) / step
  // times the slots fits a double exactly: timestamps at second precision are a grid of 1,000 ms.
  if (integral && present > 0) {
    let step = 0;
    for (let i = 0; i < n; i++) {
      const d = (values[i] as number) - min;
      if (d > 0 && (step === 0 || d % step !== 0)) step = gcd(step, d);
    }
    if (step === 0) step = 1;
    const slots = slotsFor(n);
    if (((max - min) / step + 1) * slots <= MAX_EXACT) return packedNumberRanks(values, min, step, slots, present);
  }
  return searchedNumberRanks(values);
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function packedNumberRanks(values: Float64Array, min: number, step: number, slots: number, present: number): RankColumn {
  const n = values.length;
  const keys = scratchFloats(KEYS, present);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v === v) keys[k++] = ((v - min) / step) * slots + i;
  }
  sortPacked(keys);
  const sorted = scratchWords(ORDER, present);
  const grid = scratchFloats(GRID, n);
  for (let j = 0; j < present; j++) {
    const key = keys[j] as number;
    const q = Math.floor(key / slots); // exact: slots is a power of two
    const i = key - q * slots;
    sorted[j] = i;
    grid[i] = q;
  }
  return denseRanks(n, sorted, (a, b) => grid[a] !== grid[b]);
}

/** Any numbers (fractions, huge spans): the distinct values sorted, each value's rank found by binary search. */
function searchedNumberRanks(values: Float64Array): RankColumn {
  const n = values.length;
  const sorted = values.slice().sort(); // NaN last
  const uniq = new Float64Array(n);
  let u = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (v !== v) break;
    if (u === 0 || v !== uniq[u - 1]) uniq[u++] = v;
  }
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v !== v) {
      ranks[i] = u;
      continue;
    }
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((uniq[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return { ranks, count: u + 1 };
}
