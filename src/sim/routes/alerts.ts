// The Alerts family (v2 queries/entities, combined with `after` tokens, v3
// actions, v2 aggregates with sub-aggregates). Hidden alerts (show_in_ui false) are
// included unless include_hidden=false, which is the API's default.
import { ok, SimHttpError, type SimResponse } from '../envelope.js';
import type { QuerySpec, Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { FieldSchema } from '../fql/index.js';
import type { Alert } from '../tenant/records/detections.js';
import { ANALYSTS } from '../tenant/names.js';
import {
  bodyIds,
  bodyObject,
  entitiesResponse,
  filterAndSort,
  isoSeconds,
  lookupIds,
  pageByAfter,
  publicRecord,
  queryKey,
} from './querying.js';
import { aggregateBody } from './aggregations.js';
import { cachedQuery } from './cachedQuery.js';
import { recordJson } from './recordJson.js';

const POWERED_BY = 'detectsapi';
const OFFSET_CAP = 10_000;
const DEFAULT_SORT = 'created_timestamp|desc';

export const ALERT_FIELDS: FieldSchema = {
  composite_id: 'string',
  id: 'string',
  aggregate_id: 'string',
  cid: 'string',
  agent_id: 'string',
  status: 'string',
  severity: 'number',
  severity_name: 'string',
  confidence: 'number',
  name: 'string',
  display_name: 'string',
  product: 'string',
  type: 'string',
  tactic: 'string',
  tactic_id: 'string',
  technique: 'string',
  technique_id: 'string',
  objective: 'string',
  scenario: 'string',
  filename: 'string',
  filepath: 'string',
  sha256: 'string',
  md5: 'string',
  cmdline: 'string',
  user_name: 'string',
  process_id: 'string',
  local_process_id: 'string',
  'parent_details.filename': 'string',
  'parent_details.cmdline': 'string',
  tags: 'string[]',
  show_in_ui: 'boolean',
  assigned_to_name: 'string',
  assigned_to_uid: 'string',
  assigned_to_uuid: 'string',
  created_timestamp: 'timestamp',
  updated_timestamp: 'timestamp',
  timestamp: 'timestamp',
  'device.device_id': 'string',
  'device.hostname': 'string',
  'device.platform_name': 'string',
  'device.os_version': 'string',
  'device.local_ip': 'string',
  'device.external_ip': 'string',
  'device.machine_domain': 'string',
  'device.agent_version': 'string',
  'device.product_type_desc': 'string',
  'device.status': 'string',
  platform: 'string',
  pattern_id: 'number',
  pattern_disposition: 'number',
  resolution: 'string',
  crawled_timestamp: 'timestamp',
  data_domains: 'string[]',
  source_products: 'string[]',
  source_vendors: 'string[]',
  email_sent: 'boolean',
  external: 'boolean',
  is_aggregated: 'boolean',
  seconds_to_triaged: 'number',
  seconds_to_resolved: 'number',
  origin_cid: 'string',
  'mitre_attack.tactic_id': 'string',
  'mitre_attack.technique_id': 'string',
};

/** Every string and number in a record, lowercased, for the `q` free-text search. */
function searchText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value.toLowerCase());
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) searchText(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!k.startsWith('_')) searchText(v, out);
  }
  return out;
}

interface AlertQuery {
  filter?: string;
  sort?: string;
  q?: string;
  includeHidden: boolean;
}

/** Alerts whose text contains `q` (any string or number field), or all of them. */
function withText(pool: Iterable<Alert>, q: string | undefined): Iterable<Alert> {
  const needle = q?.trim().toLowerCase();
  if (!needle) return pool;
  return [...pool].filter((a) => searchText(a).some((t) => t.includes(needle)));
}

function matching(ctx: SimContext, q: AlertQuery): readonly Alert[] {
  const pool = (): Iterable<Alert> => {
    const all = ctx.tenant.alerts.values();
    return withText(q.includeHidden ? all : [...all].filter((a) => a.show_in_ui), q.q);
  };
  return cachedQuery(ctx, 'alerts', pool, ALERT_FIELDS, { filter: q.filter, sort: q.sort, defaultSort: DEFAULT_SORT }, JSON.stringify([q.includeHidden, q.q ?? '']));
}

function visible(ctx: SimContext, req: SimRequest): (id: string) => Alert | undefined {
  const includeHidden = req.query.bool('include_hidden') ?? true;
  return (id) => {
    const a = ctx.tenant.alerts.get(id);
    return a && (includeHidden || a.show_in_ui) ? a : undefined;
  };
}

function queryAlerts(req: SimRequest, ctx: SimContext): SimResponse {
  const offset = req.query.int('offset') ?? 0;
  const limit = req.query.int('limit') ?? 100;
  if (offset >= OFFSET_CAP) {
    throw new SimHttpError(400, `Offset ${offset} is too large: at most ${OFFSET_CAP} results can be reached by offset. Use POST /alerts/combined/alerts/v1 to page further.`);
  }
  const all = matching(ctx, {
    filter: req.query.str('filter'),
    sort: req.query.str('sort'),
    q: req.query.str('q'),
    includeHidden: req.query.bool('include_hidden') ?? true,
  });
  const page = all.slice(offset, Math.min(offset + limit, OFFSET_CAP));
  return ok(page.map((a) => a.composite_id), { pagination: { offset, limit, total: all.length } });
}

function entities(req: SimRequest, ctx: SimContext): SimResponse {
  bodyObject(req.body, ['composite_ids']);
  const ids = bodyIds(req.body, 'composite_ids', 1000);
  const { found, errors } = lookupIds(visible(ctx, req), ids, 'Alert');
  return entitiesResponse(found.map(publicRecord), errors);
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new SimHttpError(400, `'${name}' must be a string.`);
  return v;
}

function combined(req: SimRequest, ctx: SimContext): SimResponse {
  const body = bodyObject(req.body ?? {}, ['filter', 'sort', 'limit', 'after']);
  const limit = body.limit ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new SimHttpError(400, `Invalid value for 'limit': ${JSON.stringify(limit)}, must be an integer between 1 and 1000.`);
  }
  const q: AlertQuery = {
    filter: optionalString(body, 'filter'),
    sort: optionalString(body, 'sort'),
    includeHidden: req.query.bool('include_hidden') ?? true,
  };
  // A token only continues the walk it came from: same filter, sort and visibility.
  const key = queryKey('alerts-combined', q.filter, q.sort, String(q.includeHidden));
  const after = optionalString(body, 'after');
  const all = matching(ctx, q);
  const page = pageByAfter(ctx, all, after, limit, key);
  const pagination: Record<string, unknown> = { limit, total: all.length };
  if (page.after) pagination.after = page.after;
  // Serialized once per record while the tenant is unchanged: walks repeat the same records.
  return { ...ok([], { pagination }), resourcesJson: page.page.map((a) => recordJson(ctx.tenant, a, publicRecord)) };
}

const STATUSES = ['new', 'in_progress', 'reopened', 'closed'];
const ACTION_NAMES = [
  'update_status', 'assign_to_uuid', 'assign_to_user_id', 'assign_to_name', 'unassign',
  'add_tag', 'remove_tag', 'remove_tags_by_prefix', 'append_comment', 'show_in_ui',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AlertAction {
  name: string;
  value: string;
}

/** Validates action_parameters; the order is removals first, as the API documents. */
function parseActions(raw: unknown): AlertAction[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new SimHttpError(400, "The request body must have 'action_parameters', a non-empty array of {name, value}.");
  }
  const actions = raw.map((item: unknown, i: number): AlertAction => {
    const p = bodyObject(item, ['name', 'value'], `action_parameters[${i}]`);
    const name = p.name;
    const value = p.value ?? '';
    if (typeof name !== 'string' || !ACTION_NAMES.includes(name)) {
      throw new SimHttpError(400, `Invalid action name ${JSON.stringify(name)}. Valid names: ${ACTION_NAMES.join(', ')}.`);
    }
    if (typeof value !== 'string') throw new SimHttpError(400, `The value of action '${name}' must be a string.`);
    const bad = (why: string): never => {
      throw new SimHttpError(400, `Invalid value ${JSON.stringify(value)} for action '${name}': ${why}.`);
    };
    if (name === 'update_status' && !STATUSES.includes(value)) bad(`must be one of ${STATUSES.join(', ')}`);
    if (name === 'show_in_ui' && !/^(true|false|)$/i.test(value)) bad('must be true or false');
    if (name === 'assign_to_uuid' && !UUID.test(value)) bad('must be a user UUID');
    if (!['unassign', 'show_in_ui'].includes(name) && value.trim() === '') bad('must not be empty');
    return { name, value };
  });
  const removal = (a: AlertAction): number => (a.name === 'remove_tag' || a.name === 'remove_tags_by_prefix' ? 0 : 1);
  return actions.sort((a, b) => removal(a) - removal(b));
}

/** The tenant's analysts by display name and by user id, so an assignment fills in both as the console does. */
function analyst(by: 'name' | 'uid', value: string): { name: string; uid: string } | undefined {
  const v = value.toLowerCase();
  return ANALYSTS.find((a) => a[by].toLowerCase() === v);
}

function applyActions(alert: Alert, actions: readonly AlertAction[], now: number, author: string): void {
  const stamp = isoSeconds(now);
  for (const { name, value } of actions) {
    switch (name) {
      case 'update_status': alert.status = value as Alert['status']; break;
      case 'assign_to_uuid': alert.assigned_to_uuid = value; break;
      case 'assign_to_user_id': {
        const known = analyst('uid', value);
        alert.assigned_to_uid = value;
        alert.assigned_to_name = known?.name ?? value;
        break;
      }
      case 'assign_to_name': {
        const known = analyst('name', value);
        alert.assigned_to_name = known?.name ?? value;
        alert.assigned_to_uid = known?.uid ?? '';
        break;
      }
      case 'unassign':
        alert.assigned_to_uuid = alert.assigned_to_uid = alert.assigned_to_name = '';
        break;
      case 'add_tag': if (!alert.tags.includes(value)) alert.tags.push(value); break;
      case 'remove_tag': alert.tags = alert.tags.filter((t) => t !== value); break;
      case 'remove_tags_by_prefix': alert.tags = alert.tags.filter((t) => !t.startsWith(value)); break;
      case 'append_comment': alert.comments.push({ value, timestamp: stamp, author }); break;
      case 'show_in_ui': alert.show_in_ui = value.toLowerCase() !== 'false'; break;
    }
  }
  alert.updated_timestamp = stamp;
  // The triage figures follow the status, as on the real API.
  const seconds = Math.max(0, Math.round((now - Date.parse(alert.created_timestamp)) / 1000));
  if (alert.status !== 'new' && alert.seconds_to_triaged === 0) alert.seconds_to_triaged = seconds;
  if (alert.status === 'closed') {
    if (alert.seconds_to_resolved === 0) alert.seconds_to_resolved = seconds;
    alert.resolution = alert.tags.find((t) => t === 'true_positive' || t === 'false_positive') ?? (alert.resolution || 'ignored');
  } else {
    alert.resolution = '';
    alert.seconds_to_resolved = 0;
  }
}

function update(req: SimRequest, ctx: SimContext): SimResponse {
  const body = bodyObject(req.body, ['composite_ids', 'action_parameters']);
  const ids = bodyIds(body, 'composite_ids', 1000);
  const actions = parseActions(body.action_parameters);
  const { found, errors } = lookupIds(visible(ctx, req), [...new Set(ids)], 'Alert');
  const stamp = ctx.now();
  const author = req.clientId ? `api-client:${req.clientId}` : 'api-client';
  for (const alert of found) applyActions(alert, actions, stamp, author);
  // v3 answers with meta and errors only, no resources.
  return {
    status: found.length ? 200 : 404,
    metaOnly: true,
    errors,
    meta: { writes: { resources_affected: found.length } },
  };
}

function aggregates(req: SimRequest, ctx: SimContext): SimResponse {
  const pool = matching(ctx, { includeHidden: req.query.bool('include_hidden') ?? true });
  const now = ctx.now();
  const select = (rows: readonly Alert[], filter?: string, q?: string): Alert[] =>
    filterAndSort(withText(rows, q), ALERT_FIELDS, { filter, now });
  return ok(aggregateBody(req.body, ALERT_FIELDS, pool, now, select));
}

const includeHidden: QuerySpec = { include_hidden: { type: 'bool' } };
const read = { scope: 'alerts:read', poweredBy: POWERED_BY } as const;

export const alertRoutes: Route[] = [
  {
    ...read,
    method: 'GET',
    path: '/alerts/queries/alerts/v2',
    query: {
      filter: { type: 'string' },
      sort: { type: 'string' },
      offset: { type: 'int', min: 0 },
      limit: { type: 'int', min: 1, max: 10_000 },
      q: { type: 'string' },
      ...includeHidden,
    },
    handler: queryAlerts,
  },
  { ...read, method: 'POST', path: '/alerts/entities/alerts/v2', query: includeHidden, bodyRequired: true, handler: entities },
  { ...read, method: 'POST', path: '/alerts/combined/alerts/v1', query: includeHidden, handler: combined },
  { ...read, method: 'POST', path: '/alerts/aggregates/alerts/v2', query: includeHidden, bodyRequired: true, handler: aggregates },
  {
    method: 'PATCH',
    path: '/alerts/entities/alerts/v3',
    scope: 'alerts:write',
    poweredBy: POWERED_BY,
    query: includeHidden,
    bodyRequired: true,
    handler: update,
  },
];
