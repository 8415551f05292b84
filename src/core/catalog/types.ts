// The catalog as the rest of talon sees it: operations with wire-named
// parameters and body schemas. Decoded from the compact file (catalogFile.ts).
import type { CatalogSource } from './catalogFile.js';

export type { CatalogSource };

/**
 * A schema. `ref` points into the catalog's models (see Catalog.model); it is
 * kept by name because models can be recursive.
 */
export type SchemaNode =
  | { kind: 'string'; format?: 'date-time' | 'date' | 'binary' }
  | { kind: 'integer' | 'number' | 'boolean' | 'any' }
  | { kind: 'enum'; values: readonly (string | number)[]; base: 'string' | 'integer' | 'number' }
  | { kind: 'array'; items: SchemaNode; unique: boolean }
  | { kind: 'map'; values: SchemaNode }
  | { kind: 'object'; properties: readonly SchemaProperty[]; additional: boolean }
  | { kind: 'ref'; name: string };

export interface SchemaProperty {
  /** wire name */
  name: string;
  schema: SchemaNode;
  required: boolean;
}

export interface CatalogParam {
  /** wire name, as sent over HTTP (e.g. `action_name`) */
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  schema: SchemaNode;
  /** true for list values (`ids`) */
  array: boolean;
  /** the allowed values, when the catalog knows them (of the items, for arrays) */
  enum?: readonly (string | number)[];
  /** how an array is sent: `csv` etc. for one joined value, absent for repeated keys */
  collectionFormat?: string;
}

export interface CatalogBody {
  contentType: string;
  required: boolean;
  schema: SchemaNode;
}

/**
 * One API operation. Read-only. In a decoded catalog `params` and `body` are
 * getters (decoded on first use), so spreading an operation leaves them out:
 * read them by name, or use JSON.stringify (operations have a toJSON).
 */
export interface CatalogOperation {
  /** talon's name: the SDK's method name (bundled catalog) or the spec's operationId (imported) */
  operationId: string;
  /** the id in the published API definition (swagger UI, FalconPy's Uber class), e.g. `indicator.search.v1` */
  publishedId: string;
  /** the service collection (the SDK's API class without `Api`, or the spec's first tag) */
  collection: string;
  method: string;
  /** path template with `{name}` for path parameters */
  path: string;
  summary: string;
  scopes: readonly string[];
  deprecated: boolean;
  params: readonly CatalogParam[];
  body?: CatalogBody;
}

export interface Catalog {
  source: CatalogSource;
  operations: readonly CatalogOperation[];
  collections: readonly string[];
  /** a named model's schema, or undefined if the catalog has none of that name */
  model(name: string): SchemaNode | undefined;
}

/** What the send policy needs of an operation (sendPolicy.ts). */
export type ScopeOperation = Pick<CatalogOperation, 'operationId' | 'method' | 'path' | 'scopes'>;

/** A full Catalog is one of these; so is the bundled scope index (scopeIndex.ts). */
export interface ScopeCatalog<T extends ScopeOperation = ScopeOperation> {
  operations: readonly T[];
  /** the operation at exactly METHOD (upper case) and this path in any case, found without reading every operation (the bundled index) */
  literalOperation?(method: string, path: string): T | undefined;
}
