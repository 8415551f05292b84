// From a query operation to the one that reads the entities it returns ids
// of, as the catalog pairs them: the same collection, the `queries` path
// segment as `entities` (any version, `/GET/` variants included), reading
// (no :write scope), taking the ids as an `ids` query parameter or a body of
// `{ "ids": [...] }`. A body takes most ids a call, so it is preferred.
import { findOperationByPath } from './findOperation.js';
import type { Catalog, CatalogOperation } from './types.js';

/** Used when the catalog does not say how many ids a call takes. */
export const DEFAULT_ENTITY_BATCH = 100;

export interface EntitiesPair {
  query: CatalogOperation;
  entities: CatalogOperation;
  /** how the ids go: repeated `ids` query parameters, or a JSON body */
  via: 'query' | 'body';
  /** ids per call */
  batch: number;
  /** false when the batch is talon's default, not the catalog's word */
  batchKnown: boolean;
}

/** "Supports up to a maximum 5000 IDs" in the operation's summary. */
function maxIds(op: CatalogOperation): number | undefined {
  const m = /(?:up to|maximum(?: of)?)\s+(?:a\s+maximum\s+(?:of\s+)?)?([\d,]+)\s+(?:ids|\w+ ids)/i.exec(op.summary);
  const n = m ? Number(m[1]!.replace(/,/g, '')) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function takesIdsBody(op: CatalogOperation, catalog: Catalog): boolean {
  const s = op.body?.schema;
  if (!s) return false;
  const node = s.kind === 'ref' ? catalog.model(s.name) : s;
  return node?.kind === 'object' && node.properties.some((p) => p.name === 'ids');
}

function entitiesPath(path: string): RegExp | undefined {
  const m = /^(.*)\/queries\/([^/]+)\/v\d+$/.exec(path);
  if (!m) return undefined;
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${esc(m[1]!)}/entities/${esc(m[2]!)}(?:/GET)?/v(\\d+)$`);
}

export function entitiesPairFor(catalog: Catalog, method: string, path: string): EntitiesPair | undefined {
  const query = findOperationByPath(catalog, method, path);
  if (!query) return undefined;
  const re = entitiesPath(query.path);
  if (!re) return undefined;
  const candidates: EntitiesPair[] = [];
  for (const op of catalog.operations) {
    const v = re.exec(op.path);
    if (!v || op.collection !== query.collection || op.scopes.some((sc) => sc.endsWith(':write'))) continue;
    const m = op.method.toUpperCase();
    const viaBody = m === 'POST' && takesIdsBody(op, catalog);
    const viaQuery = m === 'GET' && op.params.some((p) => p.name === 'ids' && p.in === 'query');
    if (!viaBody && !viaQuery) continue;
    const max = maxIds(op);
    candidates.push({ query, entities: op, via: viaBody ? 'body' : 'query', batch: max ?? DEFAULT_ENTITY_BATCH, batchKnown: max !== undefined });
  }
  const version = (p: EntitiesPair) => Number(/v(\d+)$/.exec(p.entities.path)?.[1] ?? 0);
  candidates.sort((a, b) => Number(b.via === 'body') - Number(a.via === 'body') || version(b) - version(a) || b.batch - a.batch);
  return candidates[0];
}
