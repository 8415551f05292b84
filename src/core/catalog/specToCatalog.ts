// Turns a parsed Swagger 2.0 or OpenAPI 3 document (references kept, as
// swagger-parser's bundle() leaves them) into a catalog file, the same format
// as the bundled catalog. Scopes come from each operation's OAuth2 security.
import { CATALOG_FORMAT, type CatalogFile, type FileBody, type FileOperation, type FileParam, type FileProperty, type FileSchema } from './catalogFile.js';
import { compareStrings } from '../text/compareStrings.js';
import { SpecSchemas, type UnresolvedRef } from './specSchema.js';
import { isObject } from '../schema/isObject.js';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const PARAM_IN = { query: 'q', path: 'p', header: 'h' } as const;

interface Collected {
  collection: string;
  op: Omit<FileOperation, 'c'>;
}

/** `generatedBy` names where the document came from (the imported file's name). */
export function specToCatalog(doc: Json, generatedBy: string): CatalogFile {
  return convertSpec(doc, generatedBy).catalog;
}

/** The catalog, and the references that point at nothing (their schemas are unknown). */
export function convertSpec(doc: Json, generatedBy: string): { catalog: CatalogFile; unresolved: UnresolvedRef[] } {
  const swagger2 = doc.swagger === '2.0';
  const schemas = new SpecSchemas(doc);
  const collected: Collected[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = schemas.deref(rawItem);
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      schemas.where = `${method.toUpperCase()} ${path}`;
      collected.push(convertOperation(doc, schemas, swagger2, path, method, item, op));
    }
  }
  const collections = [...new Set(collected.map((c) => c.collection))].sort(compareStrings);
  const index = new Map(collections.map((c, i) => [c, i]));
  const operations = collected
    .map(({ collection, op: { i, ...rest } }): FileOperation => ({ i, c: index.get(collection) as number, ...rest }))
    .sort((a, b) => compareStrings(a.p, b.p) || compareStrings(a.m, b.m) || compareStrings(a.i, b.i));
  const info = isObject(doc.info) ? doc.info : {};
  const catalog: CatalogFile = {
    format: CATALOG_FORMAT,
    source: {
      kind: 'import',
      name: typeof info.title === 'string' && info.title.trim() ? info.title.trim() : 'imported spec',
      version: typeof info.version === 'string' || typeof info.version === 'number' ? String(info.version) : 'unknown',
      generatedBy,
    },
    collections,
    operations,
    models: schemas.models,
  };
  return { catalog, unresolved: schemas.unresolved() };
}

function convertOperation(doc: Json, schemas: SpecSchemas, swagger2: boolean, path: string, method: string, item: Json, op: Json): Collected {
  const summary = text(op.summary) || text(op.description);
  const out: Omit<FileOperation, 'c'> = { i: text(op.operationId) || `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`, m: method.toUpperCase(), p: path };
  if (summary) out.s = summary;
  const scopes = scopesOf(op.security ?? doc.security);
  if (scopes.length > 0) out.sc = scopes;
  if (op.deprecated === true || /\bdeprecated\b/i.test(summary)) out.d = 1;
  const params: FileParam[] = [];
  const formFields: FileProperty[] = [];
  let body: FileBody | undefined;
  for (const p of mergedParameters(schemas, item, op)) {
    const name = text(p.name);
    const where = text(p.in);
    const required: 0 | 1 = p.required === true || where === 'path' ? 1 : 0;
    if (where === 'body') {
      body = { t: contentType(op.consumes ?? doc.consumes, 'application/json'), s: schemas.convert(p.schema), ...(required ? { r: 1 as const } : {}) };
    } else if (where === 'formData') {
      formFields.push([name, schemas.convert(p), required]);
    } else if (where === 'query' || where === 'path' || where === 'header') {
      const schema = swagger2 ? schemas.convert(p) : schemas.convert(p.schema);
      const format = collectionFormat(p, swagger2, schema);
      params.push(format ? [name, PARAM_IN[where], schema, required, format] : [name, PARAM_IN[where], schema, required]);
    }
  }
  if (formFields.length > 0) {
    const type = contentType(op.consumes ?? doc.consumes, 'multipart/form-data');
    body = { t: type.includes('form') ? type : 'multipart/form-data', s: { o: formFields }, ...(formFields.some((f) => f[2]) ? { r: 1 as const } : {}) };
  }
  const requestBody = schemas.deref(op.requestBody);
  if (isObject(requestBody) && isObject(requestBody.content)) {
    const types = Object.keys(requestBody.content);
    const type = types.find((t) => t.includes('json')) ?? types[0];
    const media = type ? requestBody.content[type] : undefined;
    if (type) body = { t: type, s: isObject(media) ? schemas.convert(media.schema) : 'any', ...(requestBody.required === true ? { r: 1 as const } : {}) };
  }
  if (params.length > 0) out.q = params;
  if (body) out.b = body;
  const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
  return { collection: tags[0] ?? path.split('/').find(Boolean) ?? 'default', op: out };
}

/** Path-level parameters, overridden by the operation's own of the same name and place. */
function mergedParameters(schemas: SpecSchemas, item: Json, op: Json): Json[] {
  const byKey = new Map<string, Json>();
  for (const list of [item.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = schemas.deref(raw);
      if (isObject(p) && typeof p.name === 'string' && typeof p.in === 'string') byKey.set(`${p.in} ${p.name}`, p);
    }
  }
  return [...byKey.values()];
}

/** How an array parameter is sent: csv etc. as one value, undefined for repeated keys (`multi`, OpenAPI's exploded form). */
function collectionFormat(p: Json, swagger2: boolean, schema: FileSchema): string | undefined {
  if (typeof schema !== 'object' || !('a' in schema)) return undefined;
  if (swagger2) {
    const f = text(p.collectionFormat) || 'csv';
    return f === 'multi' ? undefined : f;
  }
  const style = text(p.style) || (p.in === 'query' ? 'form' : 'simple');
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  if (explode && style === 'form') return undefined;
  return style === 'spaceDelimited' ? 'ssv' : style === 'pipeDelimited' ? 'pipes' : 'csv';
}

function scopesOf(security: unknown): string[] {
  const scopes = new Set<string>();
  if (Array.isArray(security)) {
    for (const requirement of security) {
      if (!isObject(requirement)) continue;
      for (const list of Object.values(requirement)) {
        if (Array.isArray(list)) for (const s of list) if (typeof s === 'string' && s) scopes.add(s);
      }
    }
  }
  return [...scopes];
}

function contentType(consumes: unknown, fallback: string): string {
  return Array.isArray(consumes) && typeof consumes[0] === 'string' ? consumes[0] : fallback;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
}
