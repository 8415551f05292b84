// Filtered, sorted result lists, kept per tenant until the tenant changes (a
// call with a write scope, or a containment change that settles). A client
// paging through one query (offsets, scroll tokens, `after`) then costs one
// filter and sort of the tenant, not one per page.
//
// Below the results, each family's records are indexed once: a sort's order
// (positions into the family's record list, from sort-key columns computed
// once per record and field) and a filter's matches (one byte per record) are
// kept apart, so a new combination of a known filter and a known sort is one
// scan of the order, not a new filter and sort of the tenant.
import type { SimContext } from '../context.js';
import { compileFilter, FqlError, sortOrder, type FieldSchema, type SortColumns } from '../fql/index.js';
import type { Tenant } from '../tenant/types.js';
import { SimHttpError } from '../envelope.js';
import type { QueryInput } from './querying.js';
import { forgetRecordJson } from './recordJson.js';

const MAX_RESULTS = 64;
/** per family: 100,000 records cost 400 KB an order and 100 KB a filter */
const MAX_ORDERS = 16;
const MAX_MASKS = 64;
/** families and variants (alert text searches are variants) indexed at once */
const MAX_FAMILIES = 16;

interface FamilyIndex {
  records: readonly object[];
  columns: SortColumns;
  orders: Map<string, Uint32Array>;
  masks: Map<string, Uint8Array>;
}

interface TenantCache {
  results: Map<string, readonly object[]>;
  families: Map<string, FamilyIndex>;
}

const caches = new WeakMap<Tenant, TenantCache>();

/** Forgets every cached result of the tenant; call after anything in it changed. */
export function invalidateQueries(tenant: Tenant): void {
  const cache = caches.get(tenant);
  cache?.results.clear();
  cache?.families.clear();
  forgetRecordJson(tenant);
}

/** FQL errors are the API's 400s. */
function fql<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof FqlError) throw new SimHttpError(400, e.message);
    throw e;
  }
}

/**
 * The records matching `q.filter`, sorted, from the cache when the same
 * family, filter, sort and `variant` (other inputs that select records)
 * were asked for since the tenant last changed. The list is shared: slice it,
 * never modify it.
 */
export function cachedQuery<T extends object>(
  ctx: SimContext,
  family: string,
  records: () => Iterable<T>,
  fields: FieldSchema,
  q: Omit<QueryInput, 'now'>,
  variant = '',
): readonly T[] {
  const now = ctx.now();
  const filter = q.filter ?? '';
  const sort = q.sort ?? q.defaultSort ?? '';
  // Relative times ('now-24h') move with the clock: such a result is kept for the second it was computed in.
  const clock = filter.includes('now') ? String(Math.floor(now / 1000)) : '';
  const key = JSON.stringify([family, variant, filter, sort, clock]);
  let cache = caches.get(ctx.tenant);
  if (!cache) caches.set(ctx.tenant, (cache = { results: new Map(), families: new Map() }));
  const hit = cache.results.get(key);
  if (hit) {
    // Most recently used last, so the oldest entry is the one dropped.
    remember(cache.results, key, hit, MAX_RESULTS);
    return hit as readonly T[];
  }
  // A bad filter is reported before anything else, as the API does.
  const match = filter === '' ? undefined : fql(() => compileFilter(filter, fields, { now }));
  const familyKey = JSON.stringify([family, variant]);
  let index = cache.families.get(familyKey);
  if (!index) {
    index = { records: [...records()], columns: new Map(), orders: new Map(), masks: new Map() };
  }
  remember(cache.families, familyKey, index, MAX_FAMILIES);
  const all = index.records as readonly T[];
  let order: Uint32Array | undefined;
  if (sort !== '') {
    order = index.orders.get(sort);
    if (!order) order = fql(() => sortOrder(all, sort, fields, (index as FamilyIndex).columns));
    remember(index.orders, sort, order, MAX_ORDERS);
  }
  let mask: Uint8Array | undefined;
  if (match) {
    const maskKey = `${clock}\n${filter}`;
    mask = index.masks.get(maskKey);
    if (!mask) {
      mask = new Uint8Array(all.length);
      fql(() => {
        for (let i = 0; i < all.length; i++) if (match(all[i] as T)) (mask as Uint8Array)[i] = 1;
      });
    }
    remember(index.masks, maskKey, mask, MAX_MASKS);
  }
  const result: T[] = [];
  const n = all.length;
  for (let i = 0; i < n; i++) {
    const at = order ? (order[i] as number) : i;
    if (!mask || mask[at] === 1) result.push(all[at] as T);
  }
  remember(cache.results, key, result, MAX_RESULTS);
  return result;
}

/** Sets `key` as the most recently used entry, dropping the oldest beyond `max`. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
}
