// The hosts' timestamps as numbers, as generated (hosts.ts), handed once to
// the query index the server builds before it listens: a sort's first use on
// first_seen, last_seen or modified_timestamp then reads a typed array
// instead of visiting and parsing 100,000 host records (a page fault per
// host: most of that query). Taken, not read: once anything changes a host
// they could be stale, and the index they went to is dropped then.
import type { HostInstants } from './hostColumns.js';
import type { Tenant } from './types.js';

const generated = new WeakMap<Tenant, HostInstants>();

export function keepGeneratedInstants(tenant: Tenant, instants: HostInstants): void {
  generated.set(tenant, instants);
}

/** The hosts' generated timestamps by ordinal, once; undefined after the first take. */
export function takeGeneratedInstants(tenant: Tenant): HostInstants | undefined {
  const instants = generated.get(tenant);
  generated.delete(tenant);
  return instants;
}
