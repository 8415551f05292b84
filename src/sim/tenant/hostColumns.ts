// What generation keeps about each host by ordinal, besides the records, while
// the host is at hand: read later, the same facts cost a visit (a cache miss)
// to each of 100,000 host records. The timestamps as numbers go to the query
// index (generatedInstants.ts); the traits to sample placement (processes.ts).
import type { HostMeta } from './meta.js';
import { SECOND, isoFlat } from './util.js';

/**
 * The hosts' timestamps as generated, as numbers by host ordinal (what the
 * FQL engine reads from each record's string): a sort's first use on them
 * need not visit every host record.
 */
export interface HostInstants {
  first_seen: Float64Array;
  last_seen: Float64Array;
  modified_timestamp: Float64Array;
}

export function newHostInstants(n: number): HostInstants {
  return { first_seen: new Float64Array(n), last_seen: new Float64Array(n), modified_timestamp: new Float64Array(n) };
}

/** The timestamp as a host record holds it (to the second), its number kept by ordinal. */
export function stamp(column: Float64Array, i: number, ms: number): string {
  column[i] = Math.floor(ms / SECOND) * SECOND;
  return isoFlat(ms);
}

/** What sample placement asks of a host, one bit each. */
export const TRAIT = { windows: 1, linux: 2, mac: 4, workstation: 8, server: 16, fresh: 32 } as const;

export function traitsOf(meta: HostMeta): number {
  const platform = meta.host.platform_name;
  return (
    (platform === 'Windows' ? TRAIT.windows : platform === 'Linux' ? TRAIT.linux : platform === 'Mac' ? TRAIT.mac : 0) |
    (meta.role === 'workstation' ? TRAIT.workstation : meta.role === 'server' ? TRAIT.server : 0) |
    (meta.stale ? 0 : TRAIT.fresh)
  );
}
