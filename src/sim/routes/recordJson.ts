// Records' JSON text (UTF-8 bytes), kept per tenant until the tenant changes (the same
// moments cached query results are dropped: see cachedQuery.ts). A walk
// over every alert then serializes each record once, not once per walk: a
// 1,000-alert page is about 3 MB of JSON.
import type { Tenant } from '../tenant/types.js';

const caches = new WeakMap<Tenant, WeakMap<object, Buffer>>();

/** Forgets every cached text of the tenant; called when anything in it changed. */
export function forgetRecordJson(tenant: Tenant): void {
  caches.delete(tenant);
}

/** `view(record)` as UTF-8 JSON, from the cache while the tenant is unchanged. */
export function recordJson<T extends object>(tenant: Tenant, record: T, view: (record: T) => object): Buffer {
  let cache = caches.get(tenant);
  if (!cache) caches.set(tenant, (cache = new WeakMap()));
  let text = cache.get(record);
  if (text === undefined) {
    text = Buffer.from(JSON.stringify(view(record)));
    cache.set(record, text);
  }
  return text;
}
