// Deterministic seeds for generated records: the same tenant seed and key
// always give the same record.
import { Random } from '../random.js';

/** FNV-1a, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function seededRandom(seed: number, key: string): Random {
  return new Random(hashString(`${seed}:${key}`));
}
