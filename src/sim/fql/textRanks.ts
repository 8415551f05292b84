// Dense ranks of text in code-unit order (like `<`, an Elasticsearch keyword
// sort), for sortOrder: a most-significant-first radix sort whose digits are
// a few characters packed into one integer, each level one native sort
// (ranks.ts sortPacked).
//
// Reading a text is a cache miss (records and their strings are spread over
// the heap), so one pass reads every text once and keeps its first LEVELS
// keys in typed arrays; only texts that still tie after those are read again.

import { MAX_EXACT, denseRanks, slotsFor, sortPacked, type RankColumn } from './ranks.js';
import { scratchFloats, scratchWords } from './scratch.js';

/**
 * Characters are digits of base 96: 0 is "past the end", printable ASCII
 * (32-126) is 1-95 in order. Anything else is clamped to the nearer end, and
 * a run with such a character is ordered by comparing whole texts, so the
 * order is always by code unit.
 */
const BASE = 96;
/** keys read per text in the first pass */
const LEVELS = 3;
/** below this, a run is ordered by insertion */
const SMALL_RUN = 12;
/** scratch slots (scratch.ts): doubles 0..LEVELS-1 the keys, LEVELS + level a level's run keys; words: */
const ORDER = 0;
const LENGTHS = 1;
/** + level: a level's run as it was before ordering */
const BEFORE = 2;

/** The number of characters one key holds beside a position among `size`: BASE^chars * slots <= 2^53. */
function charsFor(size: number): number {
  let chars = 0;
  for (let room = MAX_EXACT / slotsFor(size); room >= BASE; room /= BASE) chars++;
  return chars;
}

/** The key of `s[from..from+chars)`, or -1 when one of them is outside printable ASCII. */
function keyAt(s: string, from: number, chars: number): number {
  let key = 0;
  for (let j = from; j < from + chars; j++) {
    let d = 0;
    if (j < s.length) {
      const c = s.charCodeAt(j);
      if (c < 32 || c > 126) return -1;
      d = c - 31;
    }
    key = key * BASE + d;
  }
  return key;
}

interface Columns {
  texts: readonly string[];
  chars: number;
  /** keys[level][position]: characters [level * chars, (level + 1) * chars), or -1 (see keyAt) */
  keys: Float64Array[];
  lengths: Uint32Array;
}

/** Dense ascending ranks of text by code unit; undefined (no value) ranks last. */
export function textRanks(values: readonly (string | undefined)[]): RankColumn {
  return fewDistinct(values) ? distinctTextRanks(values) : radixTextRanks(values);
}

/** Whether the first texts repeat a lot (platforms, versions, statuses): then ranking the distinct ones costs least. */
function fewDistinct(values: readonly (string | undefined)[]): boolean {
  const sample = Math.min(values.length, 2048);
  const seen = new Set<string | undefined>();
  for (let i = 0; i < sample; i++) seen.add(values[i]);
  return seen.size <= sample / 8;
}

/** The distinct texts sorted (natively hashed and compared), each record's rank looked up. */
function distinctTextRanks(values: readonly (string | undefined)[]): RankColumn {
  const distinct = [...new Set(values)].filter((v): v is string => v !== undefined);
  distinct.sort(); // the default order compares code units, like `<`
  const rankOf = new Map<string, number>();
  for (let i = 0; i < distinct.length; i++) rankOf.set(distinct[i] as string, i);
  const ranks = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    ranks[i] = v === undefined ? distinct.length : (rankOf.get(v) as number);
  }
  return { ranks, count: distinct.length + 1 };
}

function radixTextRanks(values: readonly (string | undefined)[]): RankColumn {
  const n = values.length;
  let present = 0;
  for (let i = 0; i < n; i++) if (values[i] !== undefined) present++;
  const ids = scratchWords(ORDER, present);
  const chars = charsFor(present);
  const keys = Array.from({ length: LEVELS }, (_, level) => scratchFloats(level, n));
  const lengths = scratchWords(LENGTHS, n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s === undefined) continue;
    ids[k++] = i;
    lengths[i] = s.length;
    for (let level = 0; level < LEVELS; level++) (keys[level] as Float64Array)[i] = keyAt(s, level * chars, chars);
  }
  const texts = values as readonly string[];
  orderLevel({ texts, chars, keys, lengths }, ids, 0, present, 0);
  // Neighbours with different keys differ; equal keys of texts within them (no -1) are equal texts.
  // Only the rest are compared as text (a read of two strings).
  const [k0, k1, k2] = keys as [Float64Array, Float64Array, Float64Array];
  const full = LEVELS * chars;
  const exact = (i: number): boolean => (lengths[i] as number) <= full && (k0[i] as number) >= 0 && (k1[i] as number) >= 0 && (k2[i] as number) >= 0;
  return denseRanks(n, ids, (a, b) => k0[a] !== k0[b] || k1[a] !== k1[b] || k2[a] !== k2[b] || (!(exact(a) && exact(b)) && values[a] !== values[b]));
}

/** Orders `ids[lo..hi)`, whose texts agree on their first `level * chars` characters. */
function orderLevel(c: Columns, ids: Uint32Array, lo: number, hi: number, level: number): void {
  const size = hi - lo;
  if (size < 2) return;
  if (size < SMALL_RUN) return insertionOrder(c.texts, ids, lo, hi);
  if (level === LEVELS) return orderByText(c.texts, ids, lo, hi, level * c.chars);
  const column = c.keys[level] as Float64Array;
  const n = c.lengths.length;
  const local = scratchFloats(LEVELS + level, n).subarray(lo, hi);
  const end = (level + 1) * c.chars;
  let longer = false;
  for (let k = 0; k < size; k++) {
    const id = ids[lo + k] as number;
    const key = column[id] as number;
    if (key < 0) return comparedOrder(c.texts, ids, lo, hi);
    local[k] = key;
    if ((c.lengths[id] as number) > end) longer = true;
  }
  // Texts no longer than `end` that tie here are equal.
  const before = scratchWords(BEFORE + level, n).subarray(lo, hi);
  orderByKeys(ids, lo, hi, local, before, longer ? (from, to) => orderLevel(c, ids, from, to, level + 1) : undefined);
}

/** Beyond the first pass's keys (long shared prefixes): keys read from the texts, `depth` characters in. */
function orderByText(texts: readonly string[], ids: Uint32Array, lo: number, hi: number, depth: number): void {
  const size = hi - lo;
  if (size < 2) return;
  if (size < SMALL_RUN) return insertionOrder(texts, ids, lo, hi);
  const chars = charsFor(size);
  const local = new Float64Array(size);
  let longer = false;
  for (let k = 0; k < size; k++) {
    const s = texts[ids[lo + k] as number] as string;
    const key = keyAt(s, depth, chars);
    if (key < 0) return comparedOrder(texts, ids, lo, hi);
    local[k] = key;
    if (s.length > depth + chars) longer = true;
  }
  orderByKeys(ids, lo, hi, local, new Uint32Array(size), longer ? (from, to) => orderByText(texts, ids, from, to, depth + chars) : undefined);
}

/**
 * Orders `ids[lo..hi)` by `keys` (one per id, by offset from lo; each below
 * BASE^chars for the run's size), stably, with `before` (size hi - lo) to
 * work in; then calls `ties` on each run of two or more equal keys.
 */
function orderByKeys(
  ids: Uint32Array, lo: number, hi: number, keys: Float64Array, before: Uint32Array, ties?: (from: number, to: number) => void,
): void {
  const size = hi - lo;
  const slots = slotsFor(size);
  for (let k = 0; k < size; k++) keys[k] = (keys[k] as number) * slots + k;
  sortPacked(keys);
  before.set(ids.subarray(lo, hi));
  let runStart = 0;
  let runKey = -1;
  for (let k = 0; k < size; k++) {
    const packed = keys[k] as number;
    const key = Math.floor(packed / slots); // exact: slots is a power of two
    ids[lo + k] = before[packed - key * slots] as number;
    if (key !== runKey) {
      if (ties && k - runStart > 1) ties(lo + runStart, lo + k);
      runStart = k;
      runKey = key;
    }
  }
  if (ties && size - runStart > 1) ties(lo + runStart, hi);
}

function insertionOrder(texts: readonly string[], ids: Uint32Array, lo: number, hi: number): void {
  for (let k = lo + 1; k < hi; k++) {
    const id = ids[k] as number;
    const s = texts[id] as string;
    let j = k - 1;
    while (j >= lo && (texts[ids[j] as number] as string) > s) {
      ids[j + 1] = ids[j] as number;
      j--;
    }
    ids[j + 1] = id;
  }
}

/** A run with characters outside printable ASCII: ordered by comparing whole texts. */
function comparedOrder(texts: readonly string[], ids: Uint32Array, lo: number, hi: number): void {
  const run = Array.from(ids.subarray(lo, hi));
  run.sort((a, b) => {
    const x = texts[a] as string;
    const y = texts[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  ids.set(run, lo);
}
