// Finding operations: by METHOD and a concrete path (`/policy/entities/abc/v1`
// matches `/policy/entities/{id}/v1`), and by any of an operation's names as
// people write them: talon's (`queryDevicesByFilter`), the published API
// definition's (`QueryDevicesByFilter`, `indicator.search.v1`), either with its
// collection (`Hosts.queryDevicesByFilter`), exactly first, then forgiving case
// and punctuation (`query_devices_by_filter`).
import { looseId } from './publishedId.js';
import { HTTP_METHODS } from '../http/types.js';
import type { Catalog, CatalogOperation, ScopeCatalog, ScopeOperation } from './types.js';

interface PathIndex<T extends ScopeOperation> {
  literal: Map<string, T>;
  /** built on the first path no literal one matches: most calls never need the regular expressions */
  templated?: Array<{ method: string; re: RegExp; op: T }>;
}

interface NameIndex {
  exactId: Map<string, CatalogOperation[]>;
  looseId: Map<string, CatalogOperation[]>;
}

function add(map: Map<string, CatalogOperation[]>, key: string, op: CatalogOperation): void {
  const list = map.get(key);
  if (!list) map.set(key, [op]);
  else if (!list.includes(op)) list.push(op);
}

// Two indexes, each built on first use: every tenant call asks the path
// index (the send policy), and only name lookups need the other.
const pathCache = new WeakMap<object, PathIndex<ScopeOperation>>();
const nameCache = new WeakMap<Catalog, NameIndex>();

function pathIndex<T extends ScopeOperation>(catalog: { operations: readonly T[] }): PathIndex<T> {
  const cached = pathCache.get(catalog) as PathIndex<T> | undefined;
  if (cached) return cached;
  const index: PathIndex<T> = { literal: new Map() };
  for (const op of catalog.operations) if (!op.path.includes('{')) index.literal.set(`${op.method} ${op.path.toLowerCase()}`, op);
  pathCache.set(catalog, index);
  return index;
}

function templatedIndex<T extends ScopeOperation>(catalog: { operations: readonly T[] }, index: PathIndex<T>): NonNullable<PathIndex<T>['templated']> {
  if (index.templated) return index.templated;
  const templated: NonNullable<PathIndex<T>['templated']> = [];
  for (const op of catalog.operations) {
    if (!op.path.includes('{')) continue;
    const pattern = op.path
      .split(/(\{[^}]*\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    templated.push({ method: op.method, re: new RegExp(`^${pattern}$`, 'i'), op });
  }
  index.templated = templated;
  return templated;
}

function nameIndex(catalog: Catalog): NameIndex {
  let index = nameCache.get(catalog);
  if (index) return index;
  index = { exactId: new Map(), looseId: new Map() };
  for (const op of catalog.operations) {
    for (const name of [op.operationId, op.publishedId]) {
      for (const key of [name, `${op.collection}.${name}`]) {
        add(index.exactId, key, op);
        add(index.looseId, looseId(key), op);
      }
    }
  }
  nameCache.set(catalog, index);
  return index;
}

/** The operations at `path`, one for each method that has one, in HTTP_METHODS order. */
export function operationsAtPath<T extends ScopeOperation>(catalog: ScopeCatalog<T>, path: string): T[] {
  return HTTP_METHODS.flatMap((m) => findOperationByPath(catalog, m, path) ?? []);
}

/** The operation for METHOD and path (query string and trailing slash ignored); a literal path wins over a template. */
export function findOperationByPath<T extends ScopeOperation>(catalog: ScopeCatalog<T>, method: string, path: string): T | undefined {
  const m = method.toUpperCase();
  const clean = (path.split(/[?#]/)[0] ?? '').replace(/(.)\/+$/, '$1');
  const p = clean.startsWith('/') ? clean : `/${clean}`;
  const literal = catalog.literalOperation?.(m, p);
  if (literal) return literal;
  const index = pathIndex(catalog);
  return index.literal.get(`${m} ${p.toLowerCase()}`) ?? templatedIndex(catalog, index).find((t) => t.method === m && t.re.test(p))?.op;
}

/**
 * Operations with this name: exact matches if there are any, else those equal
 * but for case and punctuation. Several can share a name (the published
 * definition reuses some ids across collections); `Collection.name` narrows.
 */
export function findOperationsById(catalog: Catalog, id: string): CatalogOperation[] {
  const index = nameIndex(catalog);
  const name = id.trim();
  return [...(index.exactId.get(name) ?? index.looseId.get(looseId(name)) ?? [])];
}
