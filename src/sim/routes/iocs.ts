// IOC Management (/iocs/...): search by offset or `after` token, records,
// create/update/delete, and the small catalogs (actions, types, platforms,
// severities). Deleted indicators disappear; parent (MSSP) indicators show
// only with from_parent=true.
import { ok, SimHttpError, type ApiErrorItem, type SimResponse } from '../envelope.js';
import type { QuerySpec, Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { FieldSchema } from '../fql/index.js';
import type { Ioc } from '../tenant/records/indicators.js';
import { INDICATOR_TYPES } from './indicators.js';
import {
  ACTIONS,
  checkIndicator,
  EDITABLE_FIELDS,
  indicatorChanges,
  newIndicator,
  PLATFORMS,
  SEVERITIES,
  type IndicatorInput,
} from './iocValidation.js';
import {
  bodyObject,
  entitiesResponse,
  filterAndSort,
  isoSeconds,
  lookupIds,
  pageByAfter,
  publicRecord,
  queryKey,
} from './querying.js';

const POWERED_BY = 'ioc-manager';
const OFFSET_CAP = 10_000;

export const IOC_FIELDS: FieldSchema = {
  id: 'string',
  type: 'string',
  value: 'string',
  action: 'string',
  mobile_action: 'string',
  severity: 'string',
  platforms: 'string[]',
  applied_globally: 'boolean',
  host_groups: 'string[]',
  tags: 'string[]',
  source: 'string',
  description: 'string',
  expiration: 'timestamp',
  expired: 'boolean',
  deleted: 'boolean',
  created_on: 'timestamp',
  created_by: 'string',
  modified_on: 'timestamp',
  modified_by: 'string',
  from_parent: 'boolean',
  'metadata.filename': 'string',
};

/** The indicators a search sees: not deleted, and the parent's only when asked for. */
function pool(ctx: SimContext, fromParent: boolean): Ioc[] {
  return [...ctx.tenant.iocs.values()].filter((i) => !i.deleted && (fromParent || !i.from_parent));
}

function matching(ctx: SimContext, filter: string | undefined, sort: string | undefined, fromParent: boolean): Ioc[] {
  return filterAndSort(pool(ctx, fromParent), IOC_FIELDS, { filter, sort, now: ctx.now() });
}

function find(ctx: SimContext): (id: string) => Ioc | undefined {
  return (id) => {
    const ioc = ctx.tenant.iocs.get(id.toLowerCase());
    return ioc && !ioc.deleted ? ioc : undefined;
  };
}

/** offset and after page the same list; they are mutually exclusive. */
function search(req: SimRequest, ctx: SimContext, toResource: (i: Ioc) => unknown): SimResponse {
  const q = req.query;
  if (q.has('offset') && q.has('after')) throw new SimHttpError(400, "Use either 'offset' or 'after', not both.");
  const offset = q.int('offset') ?? 0;
  if (offset >= OFFSET_CAP) {
    throw new SimHttpError(400, `Offset ${offset} is too large: at most ${OFFSET_CAP} results can be reached by offset. Use 'after' to page further.`);
  }
  const limit = q.int('limit') ?? 100;
  const fromParent = q.bool('from_parent') ?? false;
  const all = matching(ctx, q.str('filter'), q.str('sort'), fromParent);
  const key = queryKey('iocs', q.str('filter'), q.str('sort'), String(fromParent));
  // A token for the next page is issued whichever style the caller used.
  const page = pageByAfter(ctx, all, q.str('after'), limit, key, offset);
  const pagination: Record<string, unknown> = { offset: page.start, limit, total: all.length };
  if (page.after) pagination.after = page.after;
  return ok(page.page.map(toResource), { pagination });
}

function getEntities(req: SimRequest, ctx: SimContext): SimResponse {
  const { found, errors } = lookupIds(find(ctx), req.query.list('ids'), 'Indicator');
  return entitiesResponse(found.map(publicRecord), errors);
}

function indicatorList(body: Record<string, unknown>, max: number): unknown[] {
  const list = body.indicators;
  if (!Array.isArray(list) || list.length === 0) {
    throw new SimHttpError(400, "The request body must have 'indicators', a non-empty array.");
  }
  if (list.length > max) throw new SimHttpError(400, `Too many indicators: ${list.length} given, at most ${max} allowed per request.`);
  return list;
}

function comment(body: Record<string, unknown>): void {
  if (body.comment !== undefined && typeof body.comment !== 'string') throw new SimHttpError(400, "'comment' must be a string.");
}

type Problem = { message: string; id?: string };

/** Throws one 400 listing every problem, so nothing is written unless all indicators are valid. */
function failOn(problems: Problem[]): void {
  if (problems.length === 0) return;
  throw new SimHttpError(400, problems[0]?.message ?? 'Invalid indicator.', {
    errors: problems.map((p) => ({ code: 400, ...p })),
  });
}

function dupKey(type: string, value: string): string {
  return `${type}:${value.toLowerCase()}`;
}

function create(req: SimRequest, ctx: SimContext): SimResponse {
  const body = bodyObject(req.body, ['comment', 'indicators']);
  comment(body);
  const taken = new Set(pool(ctx, true).map((i) => dupKey(i.type, i.value)));
  const problems: Problem[] = [];
  const valid: IndicatorInput[] = [];
  indicatorList(body, 2000).forEach((raw, i) => {
    const result = checkIndicator(raw, `indicators[${i}]`, ctx.tenant);
    if (typeof result === 'string') return void problems.push({ message: result });
    const key = dupKey(result.type, result.value);
    if (taken.has(key)) {
      return void problems.push({ message: `Duplicate type: '${result.type}' and value: '${result.value}' combination.`, id: result.value });
    }
    taken.add(key);
    valid.push(result);
  });
  failOn(problems);
  const who = req.clientId ?? 'api-client';
  const created = valid.map((input) => {
    const ioc = newIndicator(input, ctx.rng.hex(64), who, isoSeconds(ctx.now()));
    ctx.tenant.iocs.set(ioc.id, ioc);
    return ioc;
  });
  return ok(created.map(publicRecord), { writes: { resources_affected: created.length } }, 201);
}

function update(req: SimRequest, ctx: SimContext): SimResponse {
  const body = bodyObject(req.body, ['comment', 'indicators', 'bulk_update']);
  comment(body);
  const problems: Problem[] = [];
  const plans: { ioc: Ioc; next: Partial<Ioc> }[] = [];
  const errors: ApiErrorItem[] = [];
  if (body.bulk_update !== undefined) {
    const bulk = bodyObject(body.bulk_update, ['filter', ...EDITABLE_FIELDS], 'bulk_update');
    if (typeof bulk.filter !== 'string' || bulk.filter.trim() === '') {
      throw new SimHttpError(400, "bulk_update needs 'filter', a non-empty FQL string.");
    }
    const { filter, ...changes } = bulk;
    for (const ioc of matching(ctx, filter, undefined, false)) {
      const next = indicatorChanges(ioc, changes, 'bulk_update', ctx.tenant);
      if (typeof next === 'string') problems.push({ message: next, id: ioc.id });
      else plans.push({ ioc, next });
    }
  } else {
    indicatorList(body, 2000).forEach((raw, i) => {
      const item = bodyObject(raw, ['id', 'type', 'value', ...EDITABLE_FIELDS], `indicators[${i}]`);
      const ioc = typeof item.id === 'string' ? find(ctx)(item.id) : undefined;
      if (!ioc) return void errors.push({ code: 404, message: `Indicator not found: ${String(item.id)}`, id: String(item.id) });
      const { id: _id, ...changes } = item;
      const next = indicatorChanges(ioc, changes, `indicators[${i}]`, ctx.tenant);
      if (typeof next === 'string') problems.push({ message: next, id: ioc.id });
      else plans.push({ ioc, next });
    });
  }
  failOn(problems);
  const stamp = isoSeconds(ctx.now());
  for (const { ioc, next } of plans) {
    Object.assign(ioc, next, { modified_on: stamp, modified_by: req.clientId ?? 'api-client' });
  }
  return entitiesResponse(plans.map((p) => publicRecord(p.ioc)), errors, { writes: { resources_affected: plans.length } });
}

function remove(req: SimRequest, ctx: SimContext): SimResponse {
  const q = req.query;
  const filter = q.str('filter');
  let targets: Ioc[];
  let errors: ApiErrorItem[] = [];
  // When both are given the filter wins, as on the real API.
  if (filter !== undefined && filter.trim() !== '') {
    targets = matching(ctx, filter, undefined, q.bool('from_parent') ?? false);
  } else if (q.list('ids').length > 0) {
    ({ found: targets, errors } = lookupIds(find(ctx), q.list('ids'), 'Indicator'));
  } else {
    throw new SimHttpError(400, "Either 'ids' or 'filter' is required.");
  }
  for (const ioc of targets) ctx.tenant.iocs.delete(ioc.id);
  return entitiesResponse(targets.map((i) => i.id), errors, { writes: { resources_affected: targets.length } });
}

/** The fixed catalogs, paged like any query. */
function catalog(values: readonly string[]) {
  return (req: SimRequest): SimResponse => {
    const offset = Number(req.query.str('offset') ?? '0');
    if (!Number.isInteger(offset) || offset < 0) throw new SimHttpError(400, `Invalid offset '${req.query.str('offset')}'.`);
    const limit = req.query.int('limit') ?? 100;
    return ok(values.slice(offset, offset + limit), { pagination: { offset, limit, total: values.length } });
  };
}

function actionEntities(req: SimRequest): SimResponse {
  const { found, errors } = lookupIds((id) => ACTIONS.find((a) => a.id === id), req.query.list('ids'), 'Action');
  return entitiesResponse(found, errors);
}

const searchQuery: QuerySpec = {
  filter: { type: 'string' },
  sort: { type: 'string' },
  offset: { type: 'int', min: 0 },
  after: { type: 'string' },
  limit: { type: 'int', min: 1, max: 2000 },
  from_parent: { type: 'bool' },
};
const writeFlags: QuerySpec = { retrodetects: { type: 'bool' }, ignore_warnings: { type: 'bool' } };
const catalogQuery: QuerySpec = { offset: { type: 'string' }, limit: { type: 'int', min: 1, max: 2000 } };
const read = { scope: 'ioc:read', poweredBy: POWERED_BY } as const;
const write = { scope: 'ioc:write', poweredBy: POWERED_BY } as const;
const entityPath = '/iocs/entities/indicators/v1';

export const iocRoutes: Route[] = [
  { ...read, method: 'GET', path: '/iocs/queries/indicators/v1', query: searchQuery, handler: (r, c) => search(r, c, (i) => i.id) },
  { ...read, method: 'GET', path: '/iocs/combined/indicator/v1', query: searchQuery, handler: (r, c) => search(r, c, publicRecord) },
  { ...read, method: 'GET', path: entityPath, query: { ids: { type: 'list', required: true, maxItems: 2000 } }, handler: getEntities },
  { ...write, method: 'POST', path: entityPath, query: writeFlags, bodyRequired: true, handler: create },
  { ...write, method: 'PATCH', path: entityPath, query: writeFlags, bodyRequired: true, handler: update },
  {
    ...write,
    method: 'DELETE',
    path: entityPath,
    query: { ids: { type: 'list' }, filter: { type: 'string' }, comment: { type: 'string' }, from_parent: { type: 'bool' } },
    handler: remove,
  },
  { ...read, method: 'GET', path: '/iocs/queries/actions/v1', query: catalogQuery, handler: catalog(ACTIONS.map((a) => a.id)) },
  { ...read, method: 'GET', path: '/iocs/entities/actions/v1', query: { ids: { type: 'list', required: true } }, handler: actionEntities },
  { ...read, method: 'GET', path: '/iocs/queries/ioc-types/v1', query: catalogQuery, handler: catalog(INDICATOR_TYPES) },
  { ...read, method: 'GET', path: '/iocs/queries/platforms/v1', query: catalogQuery, handler: catalog(PLATFORMS) },
  { ...read, method: 'GET', path: '/iocs/queries/severities/v1', query: catalogQuery, handler: catalog(SEVERITIES) },
];
