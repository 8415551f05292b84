// The generic responder: answers one catalog operation from its response
// schema. Reads page the family's ids (or records); entity reads resolve the
// ids the family's query returned; writes answer with the documented status and
// echo what they changed (DELETE echoes the ids).
import { SimHttpError, type SimResponse } from '../envelope.js';
import type { SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { SimOperation, SimSchema } from './catalogData.js';
import { FamilyIds } from './families.js';
import { seededRandom } from './seed.js';
import { resolve, synthesize, type SynthContext } from './synthesize.js';
import { pageOf, type Page } from './genericPaging.js';

/** What the responder needs to know about the operation's family in this tenant. */
export interface FamilyView {
  ids: FamilyIds;
  /** true when a query operation hands out this family's ids (then unknown ids are 404s) */
  queried: boolean;
}

const ENVELOPE_KEYS = new Set(['meta', 'resources', 'errors']);

export function respond(op: SimOperation, models: Record<string, SimSchema>, family: FamilyView, req: SimRequest, ctx: SimContext): SimResponse {
  checkHeaders(op, req);
  const body = checkBody(op, req.body);
  if (typeof op.r === 'object' && 'k' in op.r) return nonJson(op, op.r.k, ctx);
  const synth = (key: string): SynthContext => ({ models, rng: seededRandom(ctx.options.seed, key), cid: ctx.tenant.cid, anchor: ctx.tenant.anchor });
  const top = resolve(op.r as SimSchema, models);
  const isEnvelope = typeof top === 'object' && 'o' in top && top.o.some(([n]) => n === 'meta' || n === 'resources');
  if (!isEnvelope) return { status: op.st, raw: synthesize(top, synth(`${op.i}:raw`)) };
  const props = new Map((top as { o: Array<[string, SimSchema, 0 | 1]> }).o.map(([n, s]) => [n, s]));

  const writes = isWrite(op);
  // On a search (queries, combined) ids narrow the search; elsewhere they name the records.
  const searching = /\/(queries|combined)\//.test(op.p);
  const given = searching && !writes ? [] : givenIds(req, body);
  const resourcesSchema = props.has('resources') ? resolve(props.get('resources') as SimSchema, models) : undefined;
  const itemSchema = resourcesSchema && typeof resourcesSchema === 'object' && 'a' in resourcesSchema ? resolve(resourcesSchema.a, models) : undefined;
  const idsOnly = itemSchema === 'string';
  const entity = (id: string): unknown => withId(synthesize(itemSchema as SimSchema, synth(`${family.ids.family.key}:${id}`), 'resource', 1), id, family.ids.family.noun);

  let resources: unknown;
  let page: Page | undefined;
  const errors: Array<{ code: number; message: string; id?: string }> = [];
  if (resourcesSchema === undefined) resources = undefined;
  else if (itemSchema === undefined) resources = synthesize(resourcesSchema, synth(`${op.i}:resources`), 'resources', 1);
  else if (given.length > 0) {
    const known = writes || !family.queried ? given : given.filter((id) => family.ids.indexOf(id) !== undefined);
    for (const id of given) if (!known.includes(id)) errors.push({ code: 404, message: `${family.ids.family.noun} not found: ${id}`, id });
    resources = idsOnly ? known : known.map((id) => echo(entity(id), bodyItemFor(body, id), itemSchema as SimSchema, models));
    if (!writes && known.length === 0) return { status: 404, resources: [], errors };
  } else if (writes) {
    const items = bodyItems(body);
    resources = items.map((item) => {
      // An update names its record inside the item (`resources: [{ id, ... }]`); a create gets a new id.
      const id = typeof item.id === 'string' && item.id !== '' ? item.id : ctx.rng.hex(32);
      return idsOnly ? id : echo(entity(id), item, itemSchema as SimSchema, models);
    });
  } else if (op.pg) {
    const p = pageOf(op, req, body, ctx, family.ids.family.size);
    page = p;
    const ids = Array.from({ length: p.count }, (_, i) => family.ids.id(p.start + i));
    resources = idsOnly ? ids : ids.map(entity);
  } else {
    // An operation that does not page answers a few of the family's records.
    const ids = Array.from({ length: Math.min(3, family.ids.family.size) }, (_, i) => family.ids.id(i));
    resources = idsOnly ? ids : ids.map(entity);
  }

  const meta = metaOf(props.get('meta'), synth(`${op.i}:meta`), page, writes ? countOf(resources) : undefined);
  const extra: Record<string, unknown> = {};
  for (const [name, schema] of props) {
    if (ENVELOPE_KEYS.has(name)) continue;
    const required = (top as { o: Array<[string, SimSchema, 0 | 1]> }).o.find(([n]) => n === name)?.[2] === 1;
    if (required) extra[name] = synthesize(schema, synth(`${op.i}:${name}`), name, 1);
  }
  return { status: op.st, resources: resources as unknown[], errors, meta, extra };
}

function isWrite(op: SimOperation): boolean {
  return op.sc ? op.sc.endsWith(':write') : op.m !== 'GET' && op.m !== 'HEAD';
}

function checkHeaders(op: SimOperation, req: SimRequest): void {
  for (const [name, where, , required] of op.q ?? []) {
    if (where === 'h' && required && req.headers[name.toLowerCase()] === undefined) {
      throw new SimHttpError(400, `The '${name}' header is required.`);
    }
  }
}

function checkBody(op: SimOperation, body: unknown): Record<string, unknown> | unknown[] | undefined {
  if (!op.b || body === undefined) return undefined;
  if (op.b.t === 'multipart' || op.b.t === 'binary') return undefined;
  if (op.b.f && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    throw new SimHttpError(400, 'The request body must be a JSON object.');
  }
  for (const field of op.b.f ?? []) {
    if ((body as Record<string, unknown>)[field] === undefined) throw new SimHttpError(400, `The request body must have '${field}'.`);
  }
  return body as Record<string, unknown> | unknown[];
}

/** Ids the caller named: the `ids` query parameter, or an `ids`-like array in the body. */
function givenIds(req: SimRequest, body: Record<string, unknown> | unknown[] | undefined): string[] {
  const fromQuery = req.query.list('ids');
  if (fromQuery.length > 0) return fromQuery;
  if (!body || Array.isArray(body)) return [];
  for (const key of ['ids', 'composite_ids', ...Object.keys(body).filter((k) => k.endsWith('_ids'))]) {
    const v = body[key];
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[];
  }
  return [];
}

/** The records a write sends: `resources: [...]`, a top-level array, or the body itself. */
function bodyItems(body: Record<string, unknown> | unknown[] | undefined): Array<Record<string, unknown>> {
  const list = Array.isArray(body) ? body : Array.isArray(body?.resources) ? body.resources : body ? [body] : [{}];
  const objects = list.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x));
  return objects.length > 0 ? objects : [{}];
}

function bodyItemFor(body: Record<string, unknown> | unknown[] | undefined, id: string): Record<string, unknown> | undefined {
  const items = bodyItems(body);
  return items.find((i) => i.id === id) ?? (items.length === 1 ? items[0] : undefined);
}

/** The record with the caller's values laid over it, where they fit the response schema. */
function echo(record: unknown, item: Record<string, unknown> | undefined, schema: SimSchema, models: Record<string, SimSchema>): unknown {
  if (!item || record === null || typeof record !== 'object' || typeof schema !== 'object' || !('o' in schema)) return record;
  const out = record as Record<string, unknown>;
  for (const [name, prop] of schema.o) {
    if (name === 'id' || !(name in item)) continue;
    if (fits(item[name], resolve(prop, models))) out[name] = item[name];
  }
  return out;
}

function fits(value: unknown, schema: SimSchema): boolean {
  if (typeof schema === 'string') {
    if (schema === 'string') return typeof value === 'string';
    if (schema === 'date-time') return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value);
    if (schema === 'date') return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value);
    if (schema === 'number' || schema === 'integer') return typeof value === 'number';
    if (schema === 'boolean') return typeof value === 'boolean';
    return schema === 'any' || (schema === 'object' && value !== null && typeof value === 'object');
  }
  if ('e' in schema) return schema.e.includes(value as string | number);
  if ('a' in schema) return Array.isArray(value) && value.every((v) => typeof v === 'string') && resolve(schema.a, {}) === 'string';
  return false;
}

function withId(record: unknown, id: string, noun: string): unknown {
  if (record === null || typeof record !== 'object') return record;
  const r = record as Record<string, unknown>;
  if (typeof r.id === 'string') r.id = id;
  const own = `${noun.replace(/-/g, '_')}_id`;
  if (typeof r[own] === 'string') r[own] = id;
  return r;
}

function countOf(resources: unknown): number {
  return Array.isArray(resources) ? resources.length : 0;
}

function metaOf(schema: SimSchema | undefined, ctx: SynthContext, page: Page | undefined, affected: number | undefined): SimResponse['meta'] {
  const meta = schema ? (synthesize(schema, ctx, 'meta', 1) as Record<string, unknown>) : {};
  for (const k of ['query_time', 'trace_id', 'powered_by', 'pagination', 'writes']) delete meta[k];
  if (page) meta.pagination = paginationFor(schema, ctx, page.pagination);
  if (affected !== undefined) meta.writes = { resources_affected: affected };
  return meta;
}

/** Our paging values, typed as the response model types them, over whatever else it requires. */
function paginationFor(metaSchema: SimSchema | undefined, ctx: SynthContext, values: Record<string, unknown>): Record<string, unknown> {
  const meta = metaSchema ? resolve(metaSchema, ctx.models) : undefined;
  const prop = meta && typeof meta === 'object' && 'o' in meta ? meta.o.find(([n]) => n === 'pagination') : undefined;
  const schema = prop ? resolve(prop[1], ctx.models) : undefined;
  if (!schema || typeof schema !== 'object' || !('o' in schema)) return values;
  const out = synthesize(schema, ctx, 'pagination', 1) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const type = resolve(schema.o.find(([n]) => n === name)?.[1] ?? 'any', ctx.models);
    if (type === 'string') out[name] = String(value);
    else if ((type === 'number' || type === 'integer') && typeof value !== 'number') continue;
    else out[name] = value;
  }
  // The last page of an `after` walk carries no token (an empty one where the model requires it).
  for (const name of ['after', 'next_token']) {
    if (name in values) continue;
    if (schema.o.some(([n, , required]) => n === name && required === 1)) out[name] = '';
    else delete out[name];
  }
  return out;
}

function nonJson(op: SimOperation, kind: 'blob' | 'text' | 'void', ctx: SimContext): SimResponse {
  if (kind === 'void') return { status: op.st, metaOnly: true, errors: [] };
  const rng = seededRandom(ctx.options.seed, `${op.i}:bytes`);
  if (kind === 'text') return { status: op.st, bytes: { contentType: 'text/plain; charset=utf-8', data: Buffer.from(`Simulated ${op.i} output ${rng.hex(12)}\n`) } };
  return { status: op.st, bytes: { contentType: 'application/octet-stream', data: Buffer.from(rng.hex(64), 'hex') } };
}
