// The bundled catalog's operation names and paths, from the small scope index
// (data/scopeIndex.ts) rather than the whole catalog: shell completion runs a
// process per Tab, and loading and decoding every operation's parameters costs
// more than the answer. A test checks these names against the full decode for
// every operation.
import { SCOPE_INDEX } from './data/scopeIndex.js';
import { bundledScopeCatalog } from './scopeIndex.js';
import type { CatalogOperation } from './types.js';

export type OperationNames = Pick<CatalogOperation, 'operationId' | 'publishedId' | 'method' | 'path'>;

let cached: { operations: readonly OperationNames[] } | undefined;

export function bundledOperationNames(): { operations: readonly OperationNames[] } {
  cached ??= { operations: bundledScopeCatalog().operations.map(({ operationId, publishedId, method, path }) => ({ operationId, publishedId, method, path })) };
  return cached;
}

let paths: { operations: readonly { path: string }[] } | undefined;

/** Only the paths, one per operation in index order: what completing a path reads, at a tenth of the cost of the names. */
export function bundledPaths(): { operations: readonly { path: string }[] } {
  paths ??= {
    operations: SCOPE_INDEX.split('\n').map((line) => {
      const from = line.indexOf(' ') + 1;
      return { path: line.slice(from, line.indexOf(' ', from)) };
    }),
  };
  return paths;
}
