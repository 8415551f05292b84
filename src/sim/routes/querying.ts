// Shared by the endpoint families: FQL filter + sort over records (a bad
// filter is the real 400), and the public view of a record.
import { compileFilter, sortRecords, FqlError, type FieldSchema } from '../fql/index.js';
import { SimHttpError, type ApiErrorItem, type SimResponse } from '../envelope.js';
import type { SimContext } from '../context.js';

export interface QueryInput {
  filter?: string;
  sort?: string;
  /** used when `sort` is absent */
  defaultSort?: string;
  now: number;
}

/** Records matching `filter`, ordered by `sort`; FQL errors become 400s. */
export function filterAndSort<T extends object>(records: Iterable<T>, fields: FieldSchema, q: QueryInput): T[] {
  try {
    const match = compileFilter(q.filter ?? '', fields, { now: q.now });
    const out: T[] = [];
    for (const r of records) if (match(r)) out.push(r);
    const sort = q.sort ?? q.defaultSort;
    return sort ? sortRecords(out, sort, fields) : out;
  } catch (e) {
    if (e instanceof FqlError) throw new SimHttpError(400, e.message);
    throw e;
  }
}

/**
 * The record without the simulator's own `_` fields: the record itself when it
 * has none (most have none; answers are only serialized, never modified), else a copy.
 */
export function publicRecord<T extends object>(record: T): Omit<T, `_${string}`> {
  let own = false;
  for (const k in record) {
    if (k.charCodeAt(0) === 95) {
      own = true;
      break;
    }
  }
  if (!own) return record;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!k.startsWith('_')) out[k] = v;
  return out as Omit<T, `_${string}`>;
}

/** A stable key for a query, so that paging tokens are tied to the query that issued them. */
export function queryKey(...parts: (string | undefined)[]): string {
  return JSON.stringify(parts);
}

/** `ids` from a JSON body, validated: a non-empty array of strings of at most `max`. */
export function bodyIds(body: unknown, field: string, max: number): string[] {
  const ids = (body as Record<string, unknown> | undefined)?.[field];
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
    throw new SimHttpError(400, `The request body must have '${field}', a non-empty array of strings.`);
  }
  if (ids.length > max) throw new SimHttpError(400, `Too many ${field}: ${ids.length} given, at most ${max} allowed per request.`);
  return ids as string[];
}

/** RFC 3339 UTC at seconds precision, the way the API writes timestamps. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How long an `after` token stays valid; a client walking pages never comes close. */
const AFTER_TTL_MS = 10 * 60_000;

/** One page of an `after`-token walk; `after` is absent on the last page, as on the real API. */
export function pageByAfter<T>(
  ctx: SimContext,
  all: readonly T[],
  after: string | undefined,
  limit: number,
  key: string,
  /** where to start without a token (IOC searches also take an integer offset) */
  offset = 0,
): { page: T[]; start: number; after?: string } {
  const start = after ? ctx.cursors.resolve(after, key, 'after') : offset;
  const page = all.slice(start, start + limit);
  const end = start + page.length;
  return end < all.length ? { page, start, after: ctx.cursors.issue(end, key, AFTER_TTL_MS) } : { page, start };
}

/** Looks ids up: the records found, and one 404 error item per unknown id. */
export function lookupIds<T>(
  find: (id: string) => T | undefined,
  ids: readonly string[],
  what: string,
): { found: T[]; errors: ApiErrorItem[] } {
  const found: T[] = [];
  const errors: ApiErrorItem[] = [];
  for (const id of ids) {
    const r = find(id);
    if (r === undefined) errors.push({ code: 404, message: `${what} not found: ${id}`, id });
    else found.push(r);
  }
  return { found, errors };
}

/** 200 with whatever was found (and per-id errors), or 404 when nothing was. */
export function entitiesResponse(found: unknown[], errors: ApiErrorItem[], meta: SimResponse['meta'] = {}): SimResponse {
  return { status: found.length || errors.length === 0 ? 200 : 404, resources: found, errors, meta };
}

/** A JSON body (or one of its items) as an object with only `allowed` keys; anything else is a 400. */
export function bodyObject(value: unknown, allowed: readonly string[], what = 'The request body'): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SimHttpError(400, `${what} must be a JSON object.`);
  }
  const unknown = Object.keys(value).find((k) => !allowed.includes(k));
  if (unknown !== undefined) {
    throw new SimHttpError(400, `${what} has an unknown field '${unknown}'. Valid fields: ${allowed.join(', ')}.`);
  }
  return value as Record<string, unknown>;
}
