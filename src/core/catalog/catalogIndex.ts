// The search index over a catalog: each operation's names prepared for
// matching (fuzzyMatch.ts), its summary lower-cased for word search, and the
// ranking priors that do not depend on the query. Built once per catalog.
import { prepareText, type PreparedText } from './fuzzyMatch.js';
import type { Catalog, CatalogOperation } from './types.js';

/** Summaries past this many characters add noise, not findability. */
const SUMMARY_CHARS = 200;

export interface IndexEntry {
  op: CatalogOperation;
  /** position in catalog.operations */
  n: number;
  /** path, operation id, collection: matched letter by letter */
  names: readonly [PreparedText, PreparedText, PreparedText];
  /** the start of the summary, lower-cased: matched by substring only (letter-picking in prose is noise) */
  summary: string;
  /** multiplier from the query-independent priors (deprecation, version, entry points) */
  prior: number;
}

export interface CatalogIndex {
  catalog: Catalog;
  entries: readonly IndexEntry[];
}

const cache = new WeakMap<Catalog, CatalogIndex>();

export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = cache.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    cache.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: Catalog): CatalogIndex {
  const ops = catalog.operations;
  // Operations differing only in their /vN segment are one family; the newest version is the current one.
  const families = new Array<string>(ops.length);
  const versions = new Array<number>(ops.length);
  const newest = new Map<string, number>();
  ops.forEach((op, n) => {
    const m = VERSION_RE.exec(op.path);
    const v = m?.[1] ? Number(m[1]) : 0;
    const family = m ? `${op.method} ${op.path.slice(0, m.index)}/v*${op.path.slice(m.index + m[0].length)}` : `${op.method} ${op.path}`;
    families[n] = family;
    versions[n] = v;
    if ((newest.get(family) ?? -1) < v) newest.set(family, v);
  });
  // 1,400 operations share 140 collections: prepare each name once.
  const collections = new Map<string, PreparedText>();
  const entries = ops.map((op, n): IndexEntry => {
    let collection = collections.get(op.collection);
    if (!collection) collections.set(op.collection, (collection = prepareText(op.collection)));
    const superseded = (versions[n] as number) < (newest.get(families[n] as string) as number);
    return {
      op,
      n,
      names: [prepareText(op.path), prepareText(op.operationId), collection],
      summary: op.summary.length > SUMMARY_CHARS ? op.summary.slice(0, SUMMARY_CHARS).toLowerCase() : op.summary.toLowerCase(),
      prior: prior(op, superseded),
    };
  });
  return { catalog, entries };
}

const VERSION_RE = /\/v(\d+)(?=\/|$)/;

/**
 * Ranking that holds whatever the query: deprecated operations and superseded
 * versions sink; the `queries` endpoint, where a search usually starts, rises.
 */
function prior(op: CatalogOperation, superseded: boolean): number {
  let p = 1;
  if (op.deprecated) p *= 0.6;
  if (superseded) p *= 0.85;
  if (op.method === 'GET' && op.path.includes('/queries/')) p *= 1.08;
  else if (op.path.includes('/combined/')) p *= 1.04;
  return p;
}
