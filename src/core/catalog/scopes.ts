// Which OAuth2 scopes an API call needs, from the catalog. The API's 403 never
// names the missing scope, so talon names it (and warns before calling).
import { findOperationByPath } from './findOperation.js';
import { bundledCatalog } from './loadCatalog.js';
import type { Catalog } from './types.js';

/**
 * The scopes `method path` needs (path may be concrete: `/policy/entities/abc/v1`),
 * or undefined when the catalog does not know the operation. An empty list
 * means it needs none (the OAuth2 calls).
 */
export function scopesFor(method: string, path: string, catalog: Catalog = bundledCatalog()): readonly string[] | undefined {
  return findOperationByPath(catalog, method, path)?.scopes;
}
