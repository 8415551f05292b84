// Records' JSON text, kept per tenant until the tenant changes (the same
// moments cached query results are dropped: see cachedQuery.ts). A walk
// over every alert then serializes each record once, not once per walk: a
// 1,000-alert page is about 3 MB of JSON. Kept as strings, not bytes: a page
// writes them into one buffer (envelope.ts), which costs less than a buffer
// per record made on the first walk.
import type { Tenant } from '../tenant/types.js';

const caches = new WeakMap<Tenant, WeakMap<object, string>>();

/** Forgets every cached text of the tenant; called when anything in it changed. */
export function forgetRecordJson(tenant: Tenant): void {
  caches.delete(tenant);
}

/** `view(record)` as JSON text, from the cache while the tenant is unchanged. */
export function recordJson<T extends object>(tenant: Tenant, record: T, view: (record: T) => object): string {
  let cache = caches.get(tenant);
  if (!cache) caches.set(tenant, (cache = new WeakMap()));
  let text = cache.get(record);
  if (text === undefined) {
    text = JSON.stringify(view(record));
    cache.set(record, text);
  }
  return text;
}
