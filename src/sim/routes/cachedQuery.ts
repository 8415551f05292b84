// Filtered, sorted result lists, kept per tenant until the tenant changes (a
// call with a write scope, or a containment change that settles). A client
// paging through one query (offsets, scroll tokens, `after`) then costs one
// filter and sort of the tenant, not one per page.
//
// Below the results, each family's records are indexed once: a sort's order
// (positions into the family's record list, from sort-key columns computed
// once per record and field) and a filter's matches (one byte per record) are
// kept apart, so a new combination of a known filter and a known sort is one
// scan of the order, not a new filter and sort of the tenant. A route that
// pages (cachedPage) answers a sort's first use on the first pages from a heap
// of the best records and ranks the family only when a client pages past them.
import type { SimContext } from '../context.js';
import { compileFilter, FqlError, sortOrder, topOrder, type FieldSchema, type SortColumns, type SortPresets, type TopOrder } from '../fql/index.js';
import type { Tenant } from '../tenant/types.js';
import { SimHttpError } from '../envelope.js';
import type { QueryInput } from './querying.js';
import { forgetRecordJson } from './recordJson.js';

const MAX_RESULTS = 64;
/** first pages up to this many records are answered from a heap of the best (cachedPage) */
const TOP_MAX = 1_000;
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
  /** sort values known without reading the records (prepareFamily) */
  presets?: SortPresets;
}

interface TenantCache {
  results: Map<string, readonly object[]>;
  /** first pages answered without ranking the family (cachedPage) */
  tops: Map<string, TopOrder>;
  families: Map<string, FamilyIndex>;
}

const caches = new WeakMap<Tenant, TenantCache>();

/** Forgets every cached result of the tenant; call after anything in it changed. */
export function invalidateQueries(tenant: Tenant): void {
  const cache = caches.get(tenant);
  cache?.results.clear();
  cache?.tops.clear();
  cache?.families.clear();
  forgetRecordJson(tenant);
}

function tenantCache(tenant: Tenant): TenantCache {
  let cache = caches.get(tenant);
  if (!cache) caches.set(tenant, (cache = { results: new Map(), tops: new Map(), families: new Map() }));
  return cache;
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
  const k = keyOf(ctx, family, q, variant);
  return (listed(k) ?? fullResult(plan(k, records, fields))) as readonly T[];
}

/**
 * Records `start` to `start + count` of what cachedQuery would list, and how
 * many it would list. A sort used for the first time on the first pages is
 * answered from a bounded heap of the best records (topOrder.ts) instead of
 * ranking the whole family; the next page past it, or a deep one, ranks it
 * (kept for later queries, as cachedQuery does).
 */
export function cachedPage<T extends object>(
  ctx: SimContext,
  family: string,
  records: () => Iterable<T>,
  fields: FieldSchema,
  q: Omit<QueryInput, 'now'>,
  variant: string,
  start: number,
  count: number,
): { items: readonly T[]; total: number } {
  const k = keyOf(ctx, family, q, variant);
  const want = start + count;
  const hit = listed(k);
  if (hit) return { items: hit.slice(start, want) as T[], total: hit.length };
  const p = plan(k, records, fields);
  const { index, sort } = p;
  const top = k.cache.tops.get(k.key);
  // Ranked already, deep, or paging on past the best records: rank the family once for every later page.
  const ranked = sort === '' || index.orders.has(sort) || want > TOP_MAX || (top !== undefined && want > top.order.length && top.order.length < top.total);
  if (ranked) {
    const all = fullResult(p);
    return { items: all.slice(start, want) as T[], total: all.length };
  }
  const answer = top ?? fql(() => topOfFamily(p, want));
  remember(p.cache.tops, p.key, answer, MAX_RESULTS);
  const items: T[] = [];
  for (let i = start; i < Math.min(want, answer.order.length); i++) items.push(index.records[answer.order[i] as number] as T);
  return { items, total: answer.total };
}

/** A query's cache key and the inputs it is made of: cheap, so a cached answer costs no more. */
interface QueryKey {
  cache: TenantCache;
  key: string;
  family: string;
  variant: string;
  filter: string;
  sort: string;
  now: number;
  /** the second a filter with relative times ('now-24h') was computed in; empty otherwise */
  clock: string;
}

function keyOf(ctx: SimContext, family: string, q: Omit<QueryInput, 'now'>, variant: string): QueryKey {
  const now = ctx.now();
  const filter = q.filter ?? '';
  const sort = q.sort ?? q.defaultSort ?? '';
  // Relative times ('now-24h') move with the clock: such a result is kept for the second it was computed in.
  const clock = filter.includes('now') ? String(Math.floor(now / 1000)) : '';
  const key = JSON.stringify([family, variant, filter, sort, clock]);
  return { cache: tenantCache(ctx.tenant), key, family, variant, filter, sort, now, clock };
}

/** The whole list, when it was computed since the tenant last changed (most recently used last, so the oldest is dropped). */
function listed(k: QueryKey): readonly object[] | undefined {
  const hit = k.cache.results.get(k.key);
  if (hit) remember(k.cache.results, k.key, hit, MAX_RESULTS);
  return hit;
}

/** What computing a query needs: its family's index and its compiled filter (a bad one is the API's first answer). */
interface QueryPlan extends QueryKey {
  index: FamilyIndex;
  fields: FieldSchema;
  /** given each record's position in the family's list (the presets are by position) */
  match?: (record: object, at: number) => boolean;
  /** where the filter's matches are kept in the family index */
  maskKey: string;
}

function plan(k: QueryKey, records: () => Iterable<object>, fields: FieldSchema): QueryPlan {
  const index = familyIndex(k.cache, k.family, k.variant, records);
  const match = k.filter === '' ? undefined : fql(() => compileFilter(k.filter, fields, { now: k.now, presets: index.presets }));
  return { ...k, index, fields, match, maskKey: `${k.clock}\n${k.filter}` };
}

/** A family's records, listed once per tenant state, with the sort orders and filter matches computed over them. */
function familyIndex(cache: TenantCache, family: string, variant: string, records: () => Iterable<object>): FamilyIndex {
  const familyKey = JSON.stringify([family, variant]);
  const index = cache.families.get(familyKey) ?? { records: [...records()], columns: new Map(), orders: new Map(), masks: new Map() };
  remember(cache.families, familyKey, index, MAX_FAMILIES);
  return index;
}

/** The best `want` records; a filter not seen before is evaluated in the same visit of each record, its matches kept. */
function topOfFamily(p: QueryPlan, want: number): TopOrder {
  const { index, match, maskKey } = p;
  if (!match || index.masks.has(maskKey)) return topOrder(index.records, p.sort, p.fields, want, maskOf(p), undefined, index.presets);
  const marks = new Uint8Array(index.records.length);
  const answer = topOrder(index.records, p.sort, p.fields, want, match, marks, index.presets);
  remember(index.masks, maskKey, marks, MAX_MASKS);
  return answer;
}

/** The filter's matches, a byte per record of the family (kept apart from any sort). */
function maskOf(p: QueryPlan): Uint8Array | undefined {
  const { match, index, maskKey } = p;
  if (!match) return undefined;
  let mask = index.masks.get(maskKey);
  if (!mask) {
    const all = index.records;
    const fresh = new Uint8Array(all.length);
    fql(() => {
      for (let i = 0; i < all.length; i++) if (match(all[i] as object, i)) fresh[i] = 1;
    });
    mask = fresh;
  }
  remember(index.masks, maskKey, mask, MAX_MASKS);
  return mask;
}

/** Every matching record in order (from the cache when asked before), kept for later pages. */
function fullResult(p: QueryPlan): readonly object[] {
  const { cache, key, index, sort } = p;
  const hit = listed(p);
  if (hit) return hit;
  const all = index.records;
  let order: Uint32Array | undefined;
  if (sort !== '') {
    order = index.orders.get(sort);
    if (!order) order = fql(() => sortOrder(all, sort, p.fields, index.columns, index.presets));
    remember(index.orders, sort, order, MAX_ORDERS);
  }
  const mask = maskOf(p);
  const result: object[] = [];
  const n = all.length;
  for (let i = 0; i < n; i++) {
    const at = order ? (order[i] as number) : i;
    if (!mask || mask[at] === 1) result.push(all[at] as object);
  }
  remember(cache.results, key, result, MAX_RESULTS);
  return result;
}

/**
 * Builds a family's index ahead of its first query (the list of its records,
 * read once). `presets` gives sort values by position in that list without
 * reading the records; they are kept until the tenant changes.
 */
export function prepareFamily(ctx: SimContext, family: string, records: () => Iterable<object>, variant = '', presets?: SortPresets): void {
  const index = familyIndex(tenantCache(ctx.tenant), family, variant, records);
  const n = index.records.length;
  if (presets) index.presets = new Map([...presets].filter(([, values]) => values.length === n));
}

/** Sets `key` as the most recently used entry, dropping the oldest beyond `max`. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
}
