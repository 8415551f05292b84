// The catalog's file format: the committed data/catalog.json and the per-profile
// imported catalogs share it. Keys are short and schemas compact so that the
// bundled file stays small; decodeCatalog.ts turns it into the types in types.ts.

export const CATALOG_FORMAT = 1;

/** Where a catalog came from, and the notice its source requires us to carry. */
export interface CatalogSource {
  /** `sdk` for the bundled catalog, `import` for a spec the user imported */
  kind: 'sdk' | 'import';
  /** npm package name (sdk) or the spec's title (import) */
  name: string;
  version: string;
  /** SPDX licence of the source, when known */
  license?: string;
  /** the source's licence text, copied verbatim */
  notice?: string;
  /** how the file was made, e.g. `npm run catalog` or the imported file's name */
  generatedBy: string;
}

/**
 * A schema, compactly. One of:
 * - a string naming a primitive: `string`, `integer`, `number`, `boolean`,
 *   `object` (free-form object), `any`, `binary` (file or blob), `date-time`, `date`;
 * - `{ e: [...] }`: one of these values (strings unless `t` says otherwise);
 * - `{ a: S, u?: 1 }`: an array of S (`u`: unique items);
 * - `{ m: S }`: an object whose every value is S (a map);
 * - `{ r: 'Name' }`: the model `Name` in the file's `models` table;
 * - `{ o: [properties], x?: 1 }`: an object with these properties (`x`: others allowed too).
 */
export type FileSchema =
  | string
  | { e: Array<string | number>; t?: 'integer' | 'number' }
  | { a: FileSchema; u?: 1 }
  | { m: FileSchema }
  | { r: string }
  | { o: FileProperty[]; x?: 1 };

/** `[wireName, schema, required]` */
export type FileProperty = [string, FileSchema, 0 | 1];

/** Where a parameter goes: q = query string, p = path, h = header, f = form field. */
export type FileParamIn = 'q' | 'p' | 'h' | 'f';

/** `[wireName, in, schema, required, collectionFormat?]`; the format is absent for repeated keys (`ids=a&ids=b`). */
export type FileParam = [string, FileParamIn, FileSchema, 0 | 1] | [string, FileParamIn, FileSchema, 0 | 1, string];

export interface FileBody {
  /** content type, e.g. application/json */
  t: string;
  s: FileSchema;
  /** 1 when the body is required */
  r?: 1;
}

export interface FileOperation {
  /** operation id */
  i: string;
  /** index into `collections` */
  c: number;
  /** HTTP method, upper case */
  m: string;
  /** path template, with `{name}` for path parameters */
  p: string;
  /** summary */
  s?: string;
  /** required OAuth2 scopes */
  sc?: string[];
  /** 1 when deprecated */
  d?: 1;
  /** query, path, header and form parameters */
  q?: FileParam[];
  b?: FileBody;
}

export interface CatalogFile {
  format: typeof CATALOG_FORMAT;
  source: CatalogSource;
  collections: string[];
  operations: FileOperation[];
  /** named schemas referenced by `{ r: name }` */
  models: Record<string, FileSchema>;
}
