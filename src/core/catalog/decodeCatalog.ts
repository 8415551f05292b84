// Turns the compact catalog file into the Catalog the rest of talon uses.
// Names at once; parameters, bodies and models only when asked for.
import { CATALOG_FORMAT, type CatalogFile, type FileOperation, type FileParam, type FileSchema } from './catalogFile.js';
import { derivedPublishedId } from './publishedId.js';
import type { Catalog, CatalogBody, CatalogOperation, CatalogParam, SchemaNode } from './types.js';

const PARAM_IN = { q: 'query', p: 'path', h: 'header' } as const;

/**
 * Throws an Error naming the problem when `data` is not a catalog file this
 * version reads. `loadModels`, if given, supplies the models table on first use
 * instead of `data.models` (the bundled catalog keeps it apart, to start faster).
 */
export function decodeCatalog(data: unknown, loadModels?: () => CatalogFile['models']): Catalog {
  const file = checkFile(data);
  const models = new Map<string, SchemaNode>();
  let table: CatalogFile['models'] | undefined = loadModels ? undefined : file.models;
  const derive = file.source.kind === 'sdk';
  const operations: CatalogOperation[] = file.operations.map((op) => new DecodedOperation(op, file.collections[op.c] ?? '', derive));
  return {
    source: file.source,
    operations,
    collections: file.collections,
    model(name) {
      let node = models.get(name);
      table ??= loadModels?.() ?? {};
      if (!node && Object.hasOwn(table, name)) {
        node = decodeSchema(table[name] as FileSchema);
        models.set(name, node);
      }
      return node;
    },
  };
}

/**
 * One operation. Parameters and body are decoded on first use: start-up (and
 * search) needs only the names, and every object not made is garbage not collected.
 */
class DecodedOperation implements CatalogOperation {
  readonly operationId: string;
  readonly collection: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly scopes: readonly string[];
  readonly deprecated: boolean;
  #raw: FileOperation;
  #derive: boolean;
  #publishedId: string | undefined;
  #params: readonly CatalogParam[] | undefined;
  #body: CatalogBody | null | undefined;

  constructor(raw: FileOperation, collection: string, derive: boolean) {
    this.#raw = raw;
    this.operationId = raw.i;
    this.#derive = derive;
    this.collection = collection;
    this.method = raw.m;
    this.path = raw.p;
    this.summary = raw.s ?? '';
    this.scopes = raw.sc ?? [];
    this.deprecated = raw.d === 1;
  }

  /** derived on first use: most lookups never ask */
  get publishedId(): string {
    this.#publishedId ??= this.#raw.o ?? (this.#derive ? derivedPublishedId(this.#raw.i) : this.#raw.i);
    return this.#publishedId;
  }

  get params(): readonly CatalogParam[] {
    this.#params ??= (this.#raw.q ?? []).map(decodeParam);
    return this.#params;
  }

  get body(): CatalogBody | undefined {
    if (this.#body === undefined) {
      const b = this.#raw.b;
      this.#body = b ? { contentType: b.t, required: b.r === 1, schema: decodeSchema(b.s) } : null;
    }
    return this.#body ?? undefined;
  }

  /** A plain object, for JSON.stringify and spreading. */
  toJSON(): CatalogOperation {
    const { operationId, publishedId, collection, method, path, summary, scopes, deprecated, params, body } = this;
    return { operationId, publishedId, collection, method, path, summary, scopes, deprecated, params, ...(body ? { body } : {}) };
  }
}

function checkFile(data: unknown): CatalogFile {
  if (typeof data !== 'object' || data === null) throw new Error('it is not a JSON object');
  const f = data as Partial<CatalogFile>;
  if (f.format !== CATALOG_FORMAT) throw new Error(`its format is ${JSON.stringify(f.format)}, not ${CATALOG_FORMAT}`);
  if (typeof f.source !== 'object' || f.source === null) throw new Error('it has no "source"');
  if (!Array.isArray(f.collections) || !Array.isArray(f.operations)) throw new Error('it has no "collections" or "operations" list');
  if (typeof f.models !== 'object' || f.models === null) throw new Error('it has no "models" table');
  return f as CatalogFile;
}

function decodeParam(p: FileParam): CatalogParam {
  const schema = decodeSchema(p[2]);
  const param: CatalogParam = {
    name: p[0],
    in: PARAM_IN[p[1]],
    required: p[3] === 1,
    schema,
    array: schema.kind === 'array',
  };
  const values = enumValues(schema);
  if (values) param.enum = values;
  if (p[4] !== undefined) param.collectionFormat = p[4];
  return param;
}

function enumValues(schema: SchemaNode): readonly (string | number)[] | undefined {
  if (schema.kind === 'enum') return schema.values;
  if (schema.kind === 'array' && schema.items.kind === 'enum') return schema.items.values;
  return undefined;
}

export function decodeSchema(s: FileSchema): SchemaNode {
  if (typeof s === 'string') {
    switch (s) {
      case 'string':
        return { kind: 'string' };
      case 'date-time':
      case 'date':
      case 'binary':
        return { kind: 'string', format: s };
      case 'integer':
      case 'number':
      case 'boolean':
      case 'any':
        return { kind: s };
      case 'object':
        return { kind: 'object', properties: [], additional: true };
      default:
        return { kind: 'any' };
    }
  }
  if ('e' in s) return { kind: 'enum', values: s.e, base: s.t ?? 'string' };
  if ('a' in s) return { kind: 'array', items: decodeSchema(s.a), unique: s.u === 1 };
  if ('m' in s) return { kind: 'map', values: decodeSchema(s.m) };
  if ('r' in s) return { kind: 'ref', name: s.r };
  return {
    kind: 'object',
    properties: s.o.map(([name, schema, required]) => ({ name, schema: decodeSchema(schema), required: required === 1 })),
    additional: s.x === 1,
  };
}
