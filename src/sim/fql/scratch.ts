// Working arrays for ranking (ranks.ts, textRanks.ts), kept between sorts.
// A typed array of more than a few bytes lives outside the heap, and every
// new one brings the next full garbage collection closer, which on a big
// tenant's heap costs more than the sort. Ranking never re-enters itself, so
// one set of arrays, grown to the largest list seen, serves every call: each
// caller takes numbered slots and never holds a view past its own call.

const floats: Float64Array[] = [];
const words: Uint32Array[] = [];
let wide = new BigUint64Array(0);

function grown(size: number): number {
  return Math.max(size, 1024);
}

/** `length` doubles of slot `slot` (contents left from earlier use). */
export function scratchFloats(slot: number, length: number): Float64Array {
  let a = floats[slot];
  if (!a || a.length < length) floats[slot] = a = new Float64Array(grown(length));
  return a.subarray(0, length);
}

/** `length` 32-bit words of slot `slot` (contents left from earlier use). */
export function scratchWords(slot: number, length: number): Uint32Array {
  let a = words[slot];
  if (!a || a.length < length) words[slot] = a = new Uint32Array(grown(length));
  return a.subarray(0, length);
}

/** `length` unsigned 64-bit integers (one slot: its users never nest). */
export function scratchWide(length: number): BigUint64Array {
  if (wide.length < length) wide = new BigUint64Array(grown(length));
  return wide.subarray(0, length);
}
