// Finding operations: by METHOD and a concrete path (`/policy/entities/abc/v1`
// matches `/policy/entities/{id}/v1`), and by operation id as people write it
// (`QueryDevicesByFilter`, `query_devices_by_filter`, `Hosts.queryDevicesByFilter`).
import type { Catalog, CatalogOperation } from './types.js';

interface PathIndex {
  literal: Map<string, CatalogOperation>;
  templated: Array<{ method: string; re: RegExp; op: CatalogOperation }>;
  byId: Map<string, CatalogOperation[]>;
}

const cache = new WeakMap<Catalog, PathIndex>();

function pathIndex(catalog: Catalog): PathIndex {
  let index = cache.get(catalog);
  if (index) return index;
  index = { literal: new Map(), templated: [], byId: new Map() };
  for (const op of catalog.operations) {
    if (op.path.includes('{')) {
      const pattern = op.path
        .split(/(\{[^}]*\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      index.templated.push({ method: op.method, re: new RegExp(`^${pattern}$`, 'i'), op });
    } else index.literal.set(`${op.method} ${op.path.toLowerCase()}`, op);
    for (const key of [normaliseId(op.operationId), normaliseId(`${op.collection}.${op.operationId}`)]) {
      index.byId.set(key, [...(index.byId.get(key) ?? []), op]);
    }
  }
  cache.set(catalog, index);
  return index;
}

/** `QueryDevicesByFilter`, `query_devices_by_filter` and `queryDevicesByFilter` alike. */
function normaliseId(id: string): string {
  return id.toLowerCase().replace(/[_\-\s]/g, '');
}

/** The operation for METHOD and path (query string and trailing slash ignored); a literal path wins over a template. */
export function findOperationByPath(catalog: Catalog, method: string, path: string): CatalogOperation | undefined {
  const index = pathIndex(catalog);
  const m = method.toUpperCase();
  const clean = (path.split(/[?#]/)[0] ?? '').replace(/(.)\/+$/, '$1');
  const p = clean.startsWith('/') ? clean : `/${clean}`;
  return index.literal.get(`${m} ${p.toLowerCase()}`) ?? index.templated.find((t) => t.method === m && t.re.test(p))?.op;
}

/** Operations with this id (several collections can share one); `Collection.id` narrows to one. */
export function findOperationsById(catalog: Catalog, id: string): CatalogOperation[] {
  return pathIndex(catalog).byId.get(normaliseId(id)) ?? [];
}
