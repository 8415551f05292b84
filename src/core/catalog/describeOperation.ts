// `talon describe`: finds the operation the user named (an operation id, or
// METHOD PATH) and lays out its parameters, body skeleton and scopes.
import { ExitCode, UserError } from '../errors.js';
import { bodySkeleton } from './bodySkeleton.js';
import { findOperationByPath, findOperationsById, operationsAtPath } from './findOperation.js';
import { schemaLabel } from './schemaLabel.js';
import { searchCatalog } from './searchCatalog.js';
import { nearestOperation } from './nearestOperation.js';
import type { Catalog, CatalogOperation } from './types.js';
import { HTTP_METHODS } from '../http/types.js';

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

/** The one operation meant by `describe ID`, `describe METHOD PATH` or `describe PATH`; a UserError says why there is none. */
export function resolveOperation(catalog: Catalog, first: string, second?: string): CatalogOperation {
  // `describe get` is the operation called exactly `get` if there is one, else an unfinished METHOD PATH.
  const named = (o: CatalogOperation) => o.operationId === first || o.publishedId === first;
  if (second !== undefined || (METHODS.has(first.toUpperCase()) && !findOperationsById(catalog, first).some(named))) {
    const method = first.toUpperCase();
    if (!METHODS.has(method)) throw new UserError(`"${first}" is not an HTTP method: use describe OPERATION_ID or describe METHOD PATH.`, ExitCode.usage);
    if (!second) throw new UserError(`describe ${method} needs a path, e.g. describe ${method} /devices/queries/devices/v1.`, ExitCode.usage);
    const op = findOperationByPath(catalog, method, second);
    if (op) return op;
    const other = operationsAtPath(catalog, second).map((o) => o.method);
    const hint = other.length > 0 ? ` That path has ${other.join(', ')}.` : suggestions(catalog, second, method);
    throw new UserError(`The catalog has no operation ${method} ${second}.${hint}`, ExitCode.usage);
  }
  if (first.startsWith('/')) return operationAtPath(catalog, first);
  const ops = findOperationsById(catalog, first);
  const [only] = ops;
  if (only && ops.length === 1) return only;
  if (ops.length > 1) {
    throw new UserError(`${ops.length} operations are called ${first}: name one as COLLECTION.ID or METHOD PATH.`, ExitCode.usage, candidateLines(ops));
  }
  throw new UserError(`The catalog has no operation called ${first}.${suggestions(catalog, first)}`, ExitCode.usage);
}

/** `describe PATH`: the path's operation when it has one method; which methods it has when it has several. */
function operationAtPath(catalog: Catalog, path: string): CatalogOperation {
  const ops = operationsAtPath(catalog, path);
  const [only] = ops;
  if (only && ops.length === 1) return only;
  if (ops.length > 1) {
    const methods = ops.map((o) => o.method.toUpperCase());
    throw new UserError(`${path} has ${methods.join(', ')}: name one, e.g. describe ${methods[0]} ${path}.`, ExitCode.usage, candidateLines(ops));
  }
  throw new UserError(`The catalog has no operation at ${path}.${suggestions(catalog, path)}`, ExitCode.usage);
}

/** One line per candidate: its collection-qualified name, method and path, and whether it is deprecated. */
export function candidateLines(ops: readonly CatalogOperation[]): string[] {
  return ops.map((o) => `${o.collection}.${o.operationId}  ${o.method} ${o.path}${o.deprecated ? '  (deprecated)' : ''}`);
}

function suggestions(catalog: Catalog, query: string, method = 'GET'): string {
  // A path is compared word by word with the catalog's (a search treats it as letters to find).
  const near = query.startsWith('/') ? nearestOperation(catalog, method, query) : undefined;
  if (near) return ` Did you mean ${near.operationId} (${near.method} ${near.path})?`;
  const hits = searchCatalog(catalog, query.replace(/([a-z])([A-Z])/g, '$1 $2'), { limit: 3 });
  if (hits.length === 0) return ' Search with talon endpoints WORDS.';
  const names = hits.map((h) => `${h.operation.operationId} (${h.operation.method} ${h.operation.path})`);
  return ` Did you mean ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]}?`;
}

export interface ParamDescription {
  name: string;
  in: 'query' | 'path' | 'header';
  type: string;
  required: boolean;
  enum?: readonly (string | number)[];
  collectionFormat?: string;
}

/** An operation as `describe` shows it: the catalog's fields, with parameters and body made readable. */
export interface OperationDescription extends Pick<CatalogOperation, 'operationId' | 'publishedId' | 'collection' | 'method' | 'path' | 'summary' | 'scopes' | 'deprecated'> {
  params: ParamDescription[];
  body?: { contentType: string; required: boolean; type: string; skeleton: unknown };
}

export function describeOperation(catalog: Catalog, op: CatalogOperation): OperationDescription {
  const d: OperationDescription = {
    operationId: op.operationId,
    publishedId: op.publishedId,
    collection: op.collection,
    method: op.method,
    path: op.path,
    summary: op.summary,
    scopes: op.scopes,
    deprecated: op.deprecated,
    params: op.params.map((p) => ({
      name: p.name,
      in: p.in,
      type: schemaLabel(p.schema),
      required: p.required,
      ...(p.enum ? { enum: p.enum } : {}),
      ...(p.collectionFormat ? { collectionFormat: p.collectionFormat } : {}),
    })),
  };
  if (op.body) {
    d.body = {
      contentType: op.body.contentType,
      required: op.body.required,
      type: schemaLabel(op.body.schema),
      skeleton: bodySkeleton(op.body.schema, catalog),
    };
  }
  return d;
}

/** The description as text for a terminal. */
export function formatDescription(d: OperationDescription): string {
  const lines = [`${d.method} ${d.path}`, `  operation  ${d.collection}.${d.operationId}${d.deprecated ? '  (deprecated)' : ''}`];
  if (d.publishedId !== d.operationId) lines.push(`  published  ${d.publishedId}`);
  lines.push(`  scopes     ${d.scopes.length > 0 ? d.scopes.join(', ') : 'none'}`);
  if (d.summary) lines.push('', ...wrap(d.summary, 78).map((l) => `  ${l}`));
  lines.push('', d.params.length > 0 ? 'Parameters' : 'Parameters: none');
  const nameWidth = Math.max(0, ...d.params.map((p) => p.name.length));
  const typeWidth = Math.max(0, ...d.params.map((p) => p.type.length));
  for (const p of [...d.params.filter((x) => x.required), ...d.params.filter((x) => !x.required)]) {
    const notes = [p.in, p.required ? 'required' : 'optional'];
    if (p.collectionFormat) notes.push(`${p.collectionFormat}-joined`);
    else if (p.type.endsWith('[]')) notes.push('repeat the key per value');
    lines.push(`  ${p.name.padEnd(nameWidth)}  ${p.type.padEnd(typeWidth)}  ${notes.join(', ')}`);
    if (p.enum) lines.push(...wrap(`one of: ${p.enum.join(', ')}`, 72).map((l) => `  ${' '.repeat(nameWidth)}    ${l}`));
  }
  if (d.body) {
    lines.push('', `Body (${d.body.contentType}, ${d.body.required ? 'required' : 'optional'}, ${d.body.type})`);
    lines.push(...JSON.stringify(d.body.skeleton, null, 2).split('\n').map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
