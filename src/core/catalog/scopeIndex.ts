// What the send policy needs of a catalog: each operation's method, path,
// name and scopes. The bundled catalog's come from a small generated index
// (data/scopeIndex.ts), so classifying a call never decodes the whole
// catalog; an imported catalog (a full Catalog) serves as it is.
import { SCOPE_INDEX } from './data/scopeIndex.js';
import type { ScopeCatalog } from './types.js';

let bundled: ScopeCatalog | undefined;

/** The bundled catalog's scope index (parsed once). */
export function bundledScopeCatalog(): ScopeCatalog {
  bundled ??= {
    operations: SCOPE_INDEX.split('\n').map((line) => {
      const [method = '', path = '', operationId = '', scopes = ''] = line.split(' ');
      return { method, path, operationId, scopes: scopes ? scopes.split(',') : [] };
    }),
  };
  return bundled;
}
