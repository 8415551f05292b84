// Hash, domain and IP lookups: which hosts observed an indicator, how many,
// and which processes involved it. The legacy /indicators/ paths (iocs:read)
// and their /iocs/ equivalents (ioc:read) answer alike.
import { isIP } from 'node:net';
import { ok, SimHttpError, type SimResponse } from '../envelope.js';
import type { QuerySpec, Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { Tenant } from '../tenant/types.js';
import type { IndicatorType, Sighting } from '../tenant/records/indicators.js';
import { AID_PATTERN } from './hostModel.js';
import { publicRecord } from './querying.js';

export const INDICATOR_TYPES = ['sha256', 'md5', 'domain', 'ipv4', 'ipv6'] as const;

/** One clear sentence when `value` is not a valid indicator of `type`, else undefined. */
export function indicatorProblem(type: IndicatorType, value: string): string | undefined {
  switch (type) {
    case 'sha256':
      return /^[0-9a-fA-F]{64}$/.test(value) ? undefined : `Invalid sha256 '${value}': expected 64 hexadecimal characters.`;
    case 'md5':
      return /^[0-9a-fA-F]{32}$/.test(value) ? undefined : `Invalid md5 '${value}': expected 32 hexadecimal characters.`;
    case 'domain':
      return value.length >= 1 && value.length <= 200 && /^[A-Za-z0-9.-]+$/.test(value) ? undefined : `Invalid domain '${value}'.`;
    case 'ipv4':
      return isIP(value) === 4 ? undefined : `Invalid ipv4 address '${value}'.`;
    case 'ipv6':
      return isIP(value) === 6 ? undefined : `Invalid ipv6 address '${value}'.`;
  }
}

const indexes = new WeakMap<Tenant, Map<string, Sighting[]>>();

function sightingsOf(tenant: Tenant, type: IndicatorType, value: string): Sighting[] {
  let index = indexes.get(tenant);
  if (!index) {
    index = new Map();
    for (const s of tenant.sightings) {
      const key = `${s.type}:${s.value.toLowerCase()}`;
      const list = index.get(key) ?? [];
      list.push(s);
      index.set(key, list);
    }
    indexes.set(tenant, index);
  }
  return index.get(`${type}:${value.toLowerCase()}`) ?? [];
}

function indicator(req: SimRequest): { type: IndicatorType; value: string } {
  const type = req.query.str('type') as IndicatorType;
  const value = req.query.str('value') ?? '';
  const problem = indicatorProblem(type, value);
  if (problem) throw new SimHttpError(400, problem);
  return { type, value };
}

/** limit/offset arrive as strings on these legacy calls; both forms are accepted. */
function pageArgs(req: SimRequest): { offset: number; limit: number } {
  const offset = Number(req.query.str('offset') ?? '0');
  const limit = Number(req.query.str('limit') ?? '100');
  if (!Number.isInteger(offset) || offset < 0) throw new SimHttpError(400, `Invalid offset '${req.query.str('offset')}'.`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new SimHttpError(400, `Invalid limit '${req.query.str('limit')}': must be between 1 and 100.`);
  }
  return { offset, limit };
}

function paged(all: string[], req: SimRequest): SimResponse {
  const { offset, limit } = pageArgs(req);
  const page = all.slice(offset, offset + limit);
  const next = offset + page.length;
  const pagination: Record<string, unknown> = { limit, offset: String(offset), total: all.length };
  if (next < all.length) pagination.next_page = String(next);
  return ok(page, { pagination });
}

function devices(req: SimRequest, ctx: SimContext): SimResponse {
  const { type, value } = indicator(req);
  return paged(sightingsOf(ctx.tenant, type, value).map((s) => s.device_id), req);
}

function deviceCount(req: SimRequest, ctx: SimContext): SimResponse {
  const { type, value } = indicator(req);
  const count = new Set(sightingsOf(ctx.tenant, type, value).map((s) => s.device_id)).size;
  // The live API answers 404 when nothing observed the indicator.
  if (count === 0) {
    return { status: 404, resources: null, errors: [{ code: 404, message: `No results found for ${type} ${value}.` }] };
  }
  return ok([{ id: `${type}:${value}`, type, value, device_count: count, limit_exceeded: false }]);
}

function processes(req: SimRequest, ctx: SimContext): SimResponse {
  const { type, value } = indicator(req);
  const deviceId = req.query.str('device_id') ?? '';
  if (!AID_PATTERN.test(deviceId)) throw new SimHttpError(400, `Invalid device_id '${deviceId}': expected 32 hexadecimal characters.`);
  const ids = sightingsOf(ctx.tenant, type, value)
    .filter((s) => s.device_id === deviceId.toLowerCase())
    .flatMap((s) => s.process_ids);
  return paged(ids, req);
}

function processDetails(req: SimRequest, ctx: SimContext): SimResponse {
  const found = [];
  const errors = [];
  for (const id of req.query.list('ids')) {
    const p = ctx.tenant.processes.get(id);
    if (p) found.push(publicRecord(p));
    else errors.push({ code: 404, message: `Process not found: ${id}` });
  }
  return { status: found.length ? 200 : 404, resources: found, errors };
}

const lookup: QuerySpec = {
  type: { type: 'string', required: true, enum: INDICATOR_TYPES },
  value: { type: 'string', required: true },
  limit: { type: 'string' },
  offset: { type: 'string' },
};
const countQuery: QuerySpec = { type: lookup.type as QuerySpec[string], value: lookup.value as QuerySpec[string] };
const processQuery: QuerySpec = { ...lookup, device_id: { type: 'string', required: true } };

function family(prefix: 'legacy' | 'iocs', scope: string): Route[] {
  const paths =
    prefix === 'legacy'
      ? { devices: '/indicators/queries/devices/v1', count: '/indicators/aggregates/devices-count/v1', processes: '/indicators/queries/processes/v1' }
      : { devices: '/iocs/queries/indicators/devices/v1', count: '/iocs/aggregates/indicators/device-count/v1', processes: '/iocs/queries/indicators/processes/v1' };
  return [
    { method: 'GET', path: paths.devices, scope, query: lookup, handler: devices },
    { method: 'GET', path: paths.count, scope, query: countQuery, handler: deviceCount },
    { method: 'GET', path: paths.processes, scope, query: processQuery, handler: processes },
  ];
}

export const indicatorRoutes: Route[] = [
  ...family('legacy', 'iocs:read'),
  ...family('iocs', 'ioc:read'),
  {
    method: 'GET',
    path: '/processes/entities/processes/v1',
    scope: 'iocs:read',
    query: { ids: { type: 'list', required: true, maxItems: 100 } },
    handler: processDetails,
  },
];
