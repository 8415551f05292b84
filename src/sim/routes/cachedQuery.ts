// Filtered, sorted result lists, kept per tenant until the tenant changes (a
// call with a write scope, or a containment change that settles). A client
// paging through one query (offsets, scroll tokens, `after`) then costs one
// filter and sort of the tenant, not one per page.
import type { SimContext } from '../context.js';
import type { FieldSchema } from '../fql/index.js';
import type { Tenant } from '../tenant/types.js';
import { filterAndSort, type QueryInput } from './querying.js';
import { forgetRecordJson } from './recordJson.js';

const MAX_ENTRIES = 64;
const caches = new WeakMap<Tenant, Map<string, readonly object[]>>();

/** Forgets every cached result of the tenant; call after anything in it changed. */
export function invalidateQueries(tenant: Tenant): void {
  caches.get(tenant)?.clear();
  forgetRecordJson(tenant);
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
  // Relative times ('now-24h') move with the clock: such a result is kept for the second it was computed in.
  const clock = filter.includes('now') ? String(Math.floor(now / 1000)) : '';
  const key = JSON.stringify([family, variant, filter, q.sort ?? q.defaultSort ?? '', clock]);
  let cache = caches.get(ctx.tenant);
  if (!cache) caches.set(ctx.tenant, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(key);
    cache.set(key, hit);
    return hit as readonly T[];
  }
  const filtered = (): readonly T[] => {
    if (filter === '') return sortedView(cache, ctx, family, variant, records, fields, q);
    // Report a bad filter before anything else, as the API does; then filter the sorted view (order is kept).
    filterAndSort([], fields, { filter, now });
    return filterAndSort(sortedView(cache, ctx, family, variant, records, fields, q), fields, { filter, now });
  };
  const result = filtered();
  remember(cache, key, result);
  return result;
}

function remember(cache: Map<string, readonly object[]>, key: string, value: readonly object[]): void {
  cache.set(key, value);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
}

/** All of a family's records in one order, sorted once and shared by every filter asked with that sort. */
function sortedView<T extends object>(
  cache: Map<string, readonly object[]>,
  ctx: SimContext,
  family: string,
  variant: string,
  records: () => Iterable<T>,
  fields: FieldSchema,
  q: Omit<QueryInput, 'now'>,
): readonly T[] {
  const key = JSON.stringify([family, variant, '', q.sort ?? q.defaultSort ?? '', '']);
  const hit = cache.get(key);
  if (hit) return hit as readonly T[];
  const all = filterAndSort(records(), fields, { sort: q.sort, defaultSort: q.defaultSort, now: ctx.now() });
  remember(cache, key, all);
  return all;
}
