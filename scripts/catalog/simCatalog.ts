// Builds the simulator's catalog (src/sim/generic/catalogData.ts) from the
// generated catalog plus each operation's success response model: what the
// generic responder needs to answer, validate and page every operation.
import type { CatalogFile, FileOperation, FileSchema } from '../../src/core/catalog/catalogFile.js';
import { compareStrings } from '../../src/core/text/compareStrings.js';
import {
  SIM_CATALOG_FORMAT,
  type SimBody,
  type SimCatalogFile,
  type SimOperation,
  type SimPaging,
  type SimParam,
  type SimParamKind,
  type SimSchema,
} from '../../src/sim/generic/catalogData.js';
import { GeneratorError } from './generatorError.js';
import type { RawResponse } from './parseApiClass.js';
import { ModelReader } from './parseModels.js';
import { SUCCESS_STATUSES } from './successStatus.js';

/** `METHOD path operationId`: how the generator keys an operation's response. */
export function responseKey(op: { m: string; p: string; i: string }): string {
  return `${op.m} ${op.p} ${op.i}`;
}

export function buildSimCatalog(file: CatalogFile, responses: ReadonlyMap<string, RawResponse | undefined>, modelsDir: string): SimCatalogFile {
  const reader = new ModelReader(modelsDir, 'response');
  const statuses = new Map(SUCCESS_STATUSES.map((s) => [`${s.method} ${s.path}`, s.status]));
  const used = new Set<string>();
  const operations = file.operations.map((op): SimOperation => {
    const raw = responses.get(responseKey(op));
    if (!raw) throw new GeneratorError(`${op.i} (${op.m} ${op.p}): no success response found`);
    const key = `${op.m} ${op.p}`;
    const status = statuses.get(key);
    if (status !== undefined) used.add(key);
    const out: SimOperation = { i: op.i, m: op.m, p: op.p, st: status ?? 200, r: responseSchema(raw, reader) };
    if (op.sc?.[0]) out.sc = op.sc[0];
    const params = (op.q ?? []).map(simParam);
    if (params.length > 0) out.q = params;
    const body = op.b ? simBody(op.b.t, op.b.s, op.b.r === 1, file.models) : undefined;
    if (body) out.b = body;
    const paging = pagingOf(params, body);
    if (paging) out.pg = paging;
    return out;
  });
  const missing = SUCCESS_STATUSES.filter((s) => !used.has(`${s.method} ${s.path}`));
  if (missing.length > 0) throw new GeneratorError(`success status for ${missing.map((s) => `${s.method} ${s.path}`).join(', ')}: no such operation any more`);
  reader.drain();
  const models: Record<string, SimSchema> = {};
  for (const name of [...reader.models.keys()].sort(compareStrings)) models[name] = reader.models.get(name) as SimSchema;
  return { format: SIM_CATALOG_FORMAT, source: { name: file.source.name, version: file.source.version }, operations, models };
}

function responseSchema(raw: RawResponse, reader: ModelReader): SimOperation['r'] {
  if (raw.kind !== 'json') return { k: raw.kind };
  if (!raw.model) return 'any';
  reader.want(raw.model);
  return raw.array ? { a: { r: raw.model } } : { r: raw.model };
}

function paramKind(schema: FileSchema): { kind: SimParamKind; values?: Array<string | number> } {
  if (typeof schema === 'string') {
    if (schema === 'number' || schema === 'integer') return { kind: schema === 'integer' ? 'int' : 'number' };
    if (schema === 'boolean') return { kind: 'bool' };
    if (schema === 'date-time' || schema === 'date') return { kind: 'date-time' };
    return { kind: 'string' };
  }
  if ('e' in schema) return { kind: 'string', values: schema.e };
  if ('a' in schema) {
    const items = schema.a;
    return typeof items === 'object' && 'e' in items ? { kind: 'list', values: items.e } : { kind: 'list' };
  }
  return { kind: 'string' };
}

function simParam(p: FileOperation['q'] extends (infer T)[] | undefined ? T : never): SimParam {
  const [wire, where, schema, required] = p;
  const { kind, values } = paramKind(schema);
  return values ? [wire, where, kind, required, values] : [wire, where, kind, required];
}

const BODY_KINDS: Record<string, SimBody['t']> = {
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'form',
  'multipart/form-data': 'multipart',
  'application/octet-stream': 'binary',
};

function simBody(type: string, schema: FileSchema, required: boolean, models: CatalogFile['models']): SimBody {
  const t = BODY_KINDS[type];
  if (!t) throw new GeneratorError(`body content type ${type} is not one the simulator knows`);
  const body: SimBody = { t };
  if (required) body.r = 1;
  const resolved = typeof schema === 'object' && 'r' in schema ? models[schema.r] : schema;
  if (resolved && typeof resolved === 'object' && 'o' in resolved) {
    const f = resolved.o.filter((p) => p[2] === 1).map((p) => p[0]);
    if (f.length > 0) body.f = f;
    if (t === 'json') body.k = resolved.o.map((p) => p[0]);
  }
  return body;
}

function pagingOf(params: SimParam[], body: SimBody | undefined): SimPaging | undefined {
  const q = new Map(params.filter((p) => p[1] === 'q').map((p) => [p[0], p[2]]));
  if (q.has('after')) return 'after';
  if (q.has('next_token')) return 'next_token';
  const offset = q.get('offset');
  if (offset === 'string') return 'token';
  if (offset !== undefined) return 'offset';
  if (body?.k?.includes('after')) return 'body-after';
  if (body?.k?.includes('offset')) return 'body-offset';
  return undefined;
}

/** The data module: the JSON as one string literal (parsed on first use), one operation or model per line. */
export function simDataModule(file: SimCatalogFile, notice: string): string {
  const lines: string[] = ['{'];
  lines.push(`"format":${JSON.stringify(file.format)},`);
  lines.push(`"source":${JSON.stringify(file.source)},`);
  lines.push('"operations":[');
  file.operations.forEach((op, i) => lines.push(JSON.stringify(op) + (i < file.operations.length - 1 ? ',' : '')));
  lines.push('],');
  lines.push('"models":{');
  const names = Object.keys(file.models);
  names.forEach((n, i) => lines.push(`${JSON.stringify(n)}:${JSON.stringify(file.models[n])}${i < names.length - 1 ? ',' : ''}`));
  lines.push('}}');
  const escaped = lines
    .join('\n')
    .replace(/[\\']/g, (c) => `\\${c}`)
    .replace(/[^\x20-\x7e\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [
    `/*! What talon's simulator answers for each catalog operation: generated by \`npm run catalog\` from ${file.source.name} ${file.source.version}. Do not edit.`,
    ` * It holds data taken from ${file.source.name}, which comes with this notice:`,
    ' *',
    ...notice.split('\n').map((l) => ` * ${l}`.trimEnd()),
    ' */',
    '// The SimCatalogFile (see ../catalogData.ts) as JSON text, parsed on the first request no hand-modelled route answers.',
    `export const SIM_CATALOG_JSON = '${escaped.replace(/\n/g, '\\\n')}';`,
    '',
  ].join('\n');
}
