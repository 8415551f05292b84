// Incidents, behaviors and CrowdScore (`incidents:read`/`incidents:write`):
// integer-offset queries (limit 1-500; CrowdScore 1-2500), `field.desc`
// sorts (both sort syntaxes are accepted), entities fetched with a POST
// body of ids, and incident actions that can carry the status over to the
// incident's alerts (`update_detects`).
import { ok, SimHttpError, type SimResponse } from '../envelope.js';
import type { Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { FieldSchema } from '../fql/index.js';
import type { Alert, Incident } from '../tenant/records/detections.js';
import { bodyIds, bodyObject, entitiesResponse, isoSeconds, lookupIds, publicRecord } from './querying.js';
import { cachedQuery } from './cachedQuery.js';

const POWERED_BY = 'incident-api';

export const INCIDENT_FIELDS: FieldSchema = {
  incident_id: 'string', incident_type: 'number', cid: 'string', host_ids: 'string[]', state: 'string', status: 'number',
  name: 'string', description: 'string', fine_score: 'number', tags: 'string[]', tactics: 'string[]',
  techniques: 'string[]', objectives: 'string[]', users: 'string[]', assigned_to: 'string', assigned_to_name: 'string',
  created: 'timestamp', start: 'timestamp', end: 'timestamp', modified_timestamp: 'timestamp', email_state: 'string',
  'hosts.hostname': 'string', 'hosts.device_id': 'string', 'hosts.platform_name': 'string', 'hosts.site_name': 'string',
};

export const BEHAVIOR_FIELDS: FieldSchema = {
  behavior_id: 'string', aid: 'string', cid: 'string', incident_id: 'string', incident_ids: 'string[]', alert_ids: 'string[]',
  timestamp: 'timestamp', pattern_id: 'number', pattern_disposition: 'number', display_name: 'string', tactic: 'string',
  tactic_id: 'string', technique: 'string', technique_id: 'string', objective: 'string', filepath: 'string',
  cmdline: 'string', sha256: 'string', user_name: 'string', domain: 'string', ioc_type: 'string', ioc_value: 'string',
};

export const CROWDSCORE_FIELDS: FieldSchema = { id: 'string', cid: 'string', timestamp: 'timestamp', score: 'number', adjusted_score: 'number' };

function offsetQuery<T extends object>(family: string, records: () => Iterable<T>, fields: FieldSchema, defaultSort: string, id: (r: T) => unknown) {
  return (req: SimRequest, ctx: SimContext): SimResponse => {
    const offset = req.query.int('offset') ?? 0;
    const limit = req.query.int('limit') ?? 100;
    const all = cachedQuery(ctx, family, records, fields, { filter: req.query.str('filter'), sort: req.query.str('sort'), defaultSort });
    return ok(all.slice(offset, offset + limit).map(id), { pagination: { offset, limit, total: all.length } });
  };
}

const STATUS_TO_ALERT: Record<string, Alert['status']> = { '20': 'new', '25': 'reopened', '30': 'in_progress', '40': 'closed' };
const ACTIONS = ['update_status', 'update_name', 'update_description', 'add_tag', 'delete_tag', 'update_assigned_to_v2', 'unassign', 'add_comment'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function incidentActions(req: SimRequest, ctx: SimContext): SimResponse {
  const body = bodyObject(req.body, ['ids', 'action_parameters']);
  const ids = bodyIds(body, 'ids', 5000);
  const params = body.action_parameters;
  if (!Array.isArray(params) || params.length === 0) {
    throw new SimHttpError(400, "The request body must have 'action_parameters', a non-empty array of {name, value}.");
  }
  const actions = params.map((p: unknown, i: number) => {
    const a = bodyObject(p, ['name', 'value'], `action_parameters[${i}]`);
    const name = a.name;
    const value = a.value ?? '';
    if (typeof name !== 'string' || !ACTIONS.includes(name)) throw new SimHttpError(400, `Invalid action name ${JSON.stringify(name)}. Valid names: ${ACTIONS.join(', ')}.`);
    if (typeof value !== 'string') throw new SimHttpError(400, `The value of action '${name}' must be a string.`);
    if (name === 'update_status' && !(value in STATUS_TO_ALERT)) throw new SimHttpError(400, `Invalid status ${JSON.stringify(value)}: use 20 (New), 25 (Reopened), 30 (In Progress) or 40 (Closed).`);
    if (name === 'update_assigned_to_v2' && !UUID.test(value)) throw new SimHttpError(400, `Invalid value ${JSON.stringify(value)} for 'update_assigned_to_v2': must be a user UUID.`);
    return { name, value };
  });
  const { found, errors } = lookupIds((id) => ctx.tenant.incidents.get(id), [...new Set(ids)], 'Incident');
  const stamp = isoSeconds(ctx.now());
  const updateDetects = req.query.bool('update_detects') ?? false;
  const overwrite = req.query.bool('overwrite_detects') ?? false;
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const incident of found) {
    for (const { name, value } of actions) apply(incident, name, value);
    incident.modified_timestamp = stamp;
    const status = actions.find((a) => a.name === 'update_status')?.value;
    if (!status) continue;
    for (const b of ctx.tenant.behaviors.values()) {
      if (b.incident_id !== incident.incident_id) continue;
      for (const cid of b.alert_ids) {
        const alert = ctx.tenant.alerts.get(cid);
        if (!alert) continue;
        // Without overwrite_detects, only alerts still 'new' follow the incident.
        if (updateDetects && (overwrite || alert.status === 'new')) {
          alert.status = STATUS_TO_ALERT[status] as Alert['status'];
          alert.updated_timestamp = stamp;
          updated.push(alert.composite_id);
        } else unchanged.push(alert.composite_id);
      }
    }
  }
  return {
    status: found.length ? 200 : 404,
    resources: [{ detections_updated: updated, detections_unchanged: unchanged }],
    errors,
    meta: { writes: { resources_affected: found.length } },
  };
}

function apply(incident: Incident, name: string, value: string): void {
  switch (name) {
    case 'update_status':
      incident.status = Number(value);
      incident.state = incident.status === 40 ? 'closed' : 'open';
      break;
    case 'update_name': incident.name = value; break;
    case 'update_description': incident.description = value; break;
    case 'add_tag': if (!incident.tags.includes(value)) incident.tags.push(value); break;
    case 'delete_tag': incident.tags = incident.tags.filter((t) => t !== value); break;
    case 'update_assigned_to_v2': incident.assigned_to = value; incident.assigned_to_name = ''; break;
    case 'unassign': incident.assigned_to = ''; incident.assigned_to_name = ''; break;
    case 'add_comment': break; // comments are not part of the incident record
  }
}

const queryParams = (max: number) => ({
  filter: { type: 'string' },
  sort: { type: 'string' },
  offset: { type: 'int', min: 0 },
  limit: { type: 'int', min: 1, max },
}) as const;
const read = { scope: 'incidents:read', poweredBy: POWERED_BY } as const;

export const incidentRoutes: Route[] = [
  {
    ...read, method: 'GET', path: '/incidents/queries/incidents/v1', query: queryParams(500),
    handler: (req, ctx) => offsetQuery('incidents', () => ctx.tenant.incidents.values(), INCIDENT_FIELDS, 'start.desc', (i: Incident) => i.incident_id)(req, ctx),
  },
  {
    ...read, method: 'POST', path: '/incidents/entities/incidents/GET/v1', query: {}, bodyRequired: true,
    handler: (req, ctx) => {
      const { found, errors } = lookupIds((id) => ctx.tenant.incidents.get(id), bodyIds(bodyObject(req.body, ['ids']), 'ids', 1000), 'Incident');
      return entitiesResponse(found.map(publicRecord), errors);
    },
  },
  {
    ...read, method: 'GET', path: '/incidents/queries/behaviors/v1', query: queryParams(500),
    handler: (req, ctx) => offsetQuery('behaviors', () => ctx.tenant.behaviors.values(), BEHAVIOR_FIELDS, 'timestamp.desc', (b: { behavior_id: string }) => b.behavior_id)(req, ctx),
  },
  {
    ...read, method: 'POST', path: '/incidents/entities/behaviors/GET/v1', query: {}, bodyRequired: true,
    handler: (req, ctx) => {
      const { found, errors } = lookupIds((id) => ctx.tenant.behaviors.get(id), bodyIds(bodyObject(req.body, ['ids']), 'ids', 1000), 'Behavior');
      return entitiesResponse(found.map(publicRecord), errors);
    },
  },
  {
    ...read, method: 'GET', path: '/incidents/combined/crowdscores/v1', query: queryParams(2500),
    handler: (req, ctx) => {
      const offset = req.query.int('offset') ?? 0;
      const limit = req.query.int('limit') ?? 100;
      const all = cachedQuery(ctx, 'crowdscores', () => ctx.tenant.crowdScores, CROWDSCORE_FIELDS, {
        filter: req.query.str('filter'), sort: req.query.str('sort'), defaultSort: 'timestamp.desc',
      });
      return ok(all.slice(offset, offset + limit).map(publicRecord), { pagination: { offset, limit, total: all.length } });
    },
  },
  {
    method: 'POST', path: '/incidents/entities/incident-actions/v1', scope: 'incidents:write', poweredBy: POWERED_BY,
    query: { update_detects: { type: 'bool' }, overwrite_detects: { type: 'bool' } }, bodyRequired: true, handler: incidentActions,
  },
];
