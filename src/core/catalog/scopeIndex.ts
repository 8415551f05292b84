// What the send policy needs of a catalog: each operation's method, path,
// name and scopes. The bundled catalog's come from a small generated index
// (data/scopeIndex.ts), so classifying a call never decodes the whole
// catalog; an imported catalog (a full Catalog) serves as it is.
import { SCOPE_INDEX } from './data/scopeIndex.js';
import { derivedPublishedId } from './publishedId.js';
import type { CatalogOperation, ScopeOperation } from './types.js';

export type IndexedOperation = ScopeOperation & Pick<CatalogOperation, 'publishedId'>;

let bundled: { operations: readonly IndexedOperation[] } | undefined;

/** The bundled catalog's scope index (parsed once): names, paths and scopes of every operation. */
export function bundledScopeCatalog(): { operations: readonly IndexedOperation[] } {
  bundled ??= {
    operations: SCOPE_INDEX.split('\n').map((line) => {
      const [method = '', path = '', operationId = '', scopes = '', published] = line.split(' ');
      return { method, path, operationId, scopes: scopes ? scopes.split(',') : [], publishedId: published || derivedPublishedId(operationId) };
    }),
  };
  return bundled;
}
