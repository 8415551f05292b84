// The hosts family: queries (integer offset, 10,000 cap), scroll (string
// token), combined (next/previous tokens, field projection), details and
// online state.
import { ok, SimHttpError, type SimResponse } from '../envelope.js';
import type { Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { Host } from '../tenant/records/hosts.js';
import { HOST_FIELDS, hostRecord, hostsInView, settleHosts, AID_PATTERN } from './hostModel.js';
import { bodyIds, queryKey } from './querying.js';
import { cachedPage, prepareFamily } from './cachedQuery.js';
import { takeGeneratedInstants } from '../tenant/index.js';

const POWERED_BY = 'device-api';
const OFFSET_CAP = 10_000;
const SCROLL_TTL_MS = 120_000;

/**
 * The hosts' query index, built at start-up: at 100,000 hosts the first devices query would otherwise spend ~15 ms
 * on it. The generated timestamps come with it: before anything changes, the visible hosts are every host in
 * generation order, the order they are kept in (presets are used only for a list of their length).
 */
export function prepareHostsIndex(ctx: SimContext): void {
  const instants = takeGeneratedInstants(ctx.tenant);
  const presets = instants && new Map(Object.entries(instants));
  prepareFamily(ctx, 'hosts', () => hostsInView(ctx.tenant, ctx.now(), false), 'false', presets);
}

/** Hosts `start` to `start + count` of the query, and how many match (a first page never ranks every host: cachedPage). */
function matching(req: SimRequest, ctx: SimContext, hidden: boolean, start: number, count: number, defaultSort?: string): { items: readonly Host[]; total: number } {
  // Settle first: a containment that completes changes what a cached status filter matches.
  settleHosts(ctx.tenant, ctx.now());
  const q = { filter: req.query.str('filter'), sort: req.query.str('sort'), defaultSort };
  return cachedPage(ctx, 'hosts', () => hostsInView(ctx.tenant, ctx.now(), hidden), HOST_FIELDS, q, String(hidden), start, count);
}

function queryByOffset(hidden: boolean) {
  return (req: SimRequest, ctx: SimContext): SimResponse => {
    const offset = req.query.int('offset') ?? 0;
    const limit = req.query.int('limit') ?? 100;
    if (offset >= OFFSET_CAP) {
      throw new SimHttpError(
        400,
        `Offset ${offset} is too large: the offset plus limit must stay under ${OFFSET_CAP}. Use /devices/queries/devices-scroll/v1 to page further.`,
      );
    }
    const { items: page, total } = matching(req, ctx, hidden, offset, Math.min(offset + limit, OFFSET_CAP) - offset);
    // The returned offset is where the next page starts: CrowdStrike's own samples (FalconPy's
    // offset_vs_token.py, gofalcon's falcon_custom_ioas) loop on it and would never end otherwise.
    return ok(page.map((h) => h.device_id), { pagination: { offset: offset + page.length, limit, total } });
  };
}

function scroll(req: SimRequest, ctx: SimContext): SimResponse {
  const limit = req.query.int('limit') ?? 100;
  const key = queryKey('scroll', req.query.str('filter'), req.query.str('sort'));
  const token = req.query.str('offset');
  const start = token ? ctx.cursors.resolve(token, key) : 0;
  const { items: page, total } = matching(req, ctx, false, start, limit);
  const end = start + page.length;
  const next = end < total ? ctx.cursors.issue(end, key, SCROLL_TTL_MS) : '';
  return ok(page.map((h) => h.device_id), {
    pagination: { offset: next, expires_at: ctx.now() + SCROLL_TTL_MS, limit, total },
  });
}

function project(ctx: SimContext, host: Host, fields: string[]): object {
  const full = hostRecord(ctx.tenant, host) as Record<string, unknown>;
  if (fields.length === 0) return full;
  const out: Record<string, unknown> = { device_id: host.device_id };
  for (const f of fields) if (f in full) out[f] = full[f];
  return out;
}

function combined(hidden: boolean) {
  return (req: SimRequest, ctx: SimContext): SimResponse => {
    const limit = req.query.int('limit') ?? 100;
    const key = queryKey('combined', String(hidden), req.query.str('filter'), req.query.str('sort'));
    const token = req.query.str('offset');
    const start = token ? ctx.cursors.resolve(token, key) : 0;
    const { items: page, total } = matching(req, ctx, hidden, start, limit, 'device_id.asc');
    const end = start + page.length;
    const fields = (req.query.str('fields') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    const pagination: Record<string, unknown> = { offset: token ?? '', limit, total, expires_at: ctx.now() + SCROLL_TTL_MS };
    if (end < total) pagination.next = ctx.cursors.issue(end, key, SCROLL_TTL_MS);
    if (start > 0) pagination.previous = ctx.cursors.issue(Math.max(0, start - limit), key, SCROLL_TTL_MS);
    return ok(page.map((h) => project(ctx, h, fields)), { pagination });
  };
}

/** Records for ids; unknown ids are reported one by one, and a 404 when none is known. */
function details(ids: string[], ctx: SimContext): SimResponse {
  settleHosts(ctx.tenant, ctx.now());
  const bad = ids.find((id) => !AID_PATTERN.test(id));
  if (bad !== undefined) throw new SimHttpError(400, `Invalid device id '${bad}': a device id is 32 hexadecimal characters.`);
  const found: object[] = [];
  const errors = [];
  for (const id of ids) {
    const host = ctx.tenant.hosts.get(id.toLowerCase());
    if (host) found.push(hostRecord(ctx.tenant, host));
    else errors.push({ code: 404, message: `Device not found: ${id}` });
  }
  return { status: found.length ? 200 : 404, resources: found, errors };
}

function onlineState(req: SimRequest, ctx: SimContext): SimResponse {
  const resources = [];
  const errors = [];
  for (const id of req.query.list('ids')) {
    const host = ctx.tenant.hosts.get(id.toLowerCase());
    if (!host) errors.push({ code: 404, message: `Device not found: ${id}` });
    else resources.push({ id: host.device_id, cid: host.cid, state: host._online, last_seen: host.last_seen });
  }
  return { status: resources.length ? 200 : 404, resources, errors };
}

const queryParams = {
  filter: { type: 'string' },
  sort: { type: 'string' },
  offset: { type: 'int', min: 0 },
  limit: { type: 'int', min: 1, max: 5000 },
} as const;

const tokenParams = {
  filter: { type: 'string' },
  sort: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'int', min: 1, max: 10_000 },
} as const;

const read = { scope: 'devices:read', poweredBy: POWERED_BY } as const;

export const hostRoutes: Route[] = [
  { ...read, method: 'GET', path: '/devices/queries/devices/v1', query: queryParams, handler: queryByOffset(false) },
  { ...read, method: 'GET', path: '/devices/queries/devices-hidden/v1', query: queryParams, handler: queryByOffset(true) },
  { ...read, method: 'GET', path: '/devices/queries/devices-scroll/v1', query: tokenParams, handler: scroll },
  { ...read, method: 'GET', path: '/devices/combined/devices/v1', query: { ...tokenParams, fields: { type: 'string' } }, handler: combined(false) },
  { ...read, method: 'GET', path: '/devices/combined/devices-hidden/v1', query: { ...tokenParams, fields: { type: 'string' } }, handler: combined(true) },
  {
    ...read,
    method: 'GET',
    path: '/devices/entities/devices/v2',
    query: { ids: { type: 'list', required: true, maxItems: 100 } },
    handler: (req, ctx) => details(req.query.list('ids'), ctx),
  },
  {
    ...read,
    method: 'POST',
    path: '/devices/entities/devices/v2',
    query: {},
    bodyRequired: true,
    handler: (req, ctx) => details(bodyIds(req.body, 'ids', 5000), ctx),
  },
  {
    ...read,
    method: 'GET',
    path: '/devices/entities/online-state/v1',
    query: { ids: { type: 'list', required: true, maxItems: 100 } },
    handler: onlineState,
  },
];
