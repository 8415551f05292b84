// Host actions (contain, lift_containment, hide/unhide, detection
// suppression) and tags. Containment goes normal -> containment_pending ->
// contained after a delay, and back through lift_containment_pending.
import { SimHttpError, type ApiErrorItem, type SimResponse } from '../envelope.js';
import type { Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { Host } from '../tenant/records/hosts.js';
import { settleHosts, startTransition, AID_PATTERN } from './hostModel.js';
import { bodyIds, isoSeconds } from './querying.js';

export const HOST_ACTIONS = ['contain', 'lift_containment', 'hide_host', 'unhide_host', 'detection_suppress', 'detection_unsuppress'] as const;
type HostAction = (typeof HOST_ACTIONS)[number];

/** Ids per call, as the SDKs batch them: 100 for hide/unhide, 500 for the rest. */
export function maxIdsFor(action: HostAction): number {
  return action === 'hide_host' || action === 'unhide_host' ? 100 : 500;
}


/** Applies one action to one host; returns an error sentence when it conflicts. */
function apply(action: HostAction, host: Host, ctx: SimContext): string | undefined {
  const now = ctx.now();
  switch (action) {
    case 'contain':
      if (host.status === 'lift_containment_pending') return `Device ${host.device_id} has a containment lift in progress.`;
      if (host.status === 'normal') startTransition(ctx.tenant, host, 'containment_pending', now, ctx.options.containmentDelayMs);
      break;
    case 'lift_containment':
      if (host.status === 'containment_pending') return `Device ${host.device_id} has a containment in progress.`;
      if (host.status === 'contained') startTransition(ctx.tenant, host, 'lift_containment_pending', now, ctx.options.containmentDelayMs);
      break;
    case 'hide_host':
      host.host_hidden_status = 'hidden';
      break;
    case 'unhide_host':
      host.host_hidden_status = 'visible';
      break;
    case 'detection_suppress':
      host.detection_suppression_status = 'suppressed';
      break;
    case 'detection_unsuppress':
      host.detection_suppression_status = '';
      break;
  }
  host.modified_timestamp = isoSeconds(now);
  return undefined;
}

function performAction(req: SimRequest, ctx: SimContext): SimResponse {
  const action = req.query.str('action_name') as HostAction;
  const ids = bodyIds(req.body, 'ids', maxIdsFor(action));
  settleHosts(ctx.tenant, ctx.now());
  const resources: { id: string; path: string }[] = [];
  const errors: ApiErrorItem[] = [];
  for (const id of ids) {
    const host = AID_PATTERN.test(id) ? ctx.tenant.hosts.get(id.toLowerCase()) : undefined;
    if (!host) {
      errors.push({ code: 404, message: `Device not found: ${id}`, id });
      continue;
    }
    const conflict = apply(action, host, ctx);
    if (conflict) errors.push({ code: 409, message: conflict, id });
    else resources.push({ id: host.device_id, path: '' });
  }
  const status = resources.length > 0 ? 202 : (errors[0]?.code ?? 400);
  return { status, resources, errors, meta: { writes: { resources_affected: resources.length } } };
}

function updateTags(req: SimRequest, ctx: SimContext): SimResponse {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (body.action !== 'add' && body.action !== 'remove') {
    throw new SimHttpError(400, "The body's 'action' must be 'add' or 'remove'.");
  }
  const ids = bodyIds(body, 'device_ids', 5000);
  const rawTags = body.tags;
  if (!Array.isArray(rawTags) || rawTags.length === 0 || !rawTags.every((t) => typeof t === 'string')) {
    throw new SimHttpError(400, "The body's 'tags' must be a non-empty array of strings.");
  }
  const tags = (rawTags as string[]).map((t) => (t.startsWith('FalconGroupingTags/') ? t : `FalconGroupingTags/${t}`));
  const resources = [];
  for (const id of ids) {
    const host = ctx.tenant.hosts.get(id.toLowerCase());
    if (!host) {
      resources.push({ device_id: id, updated: false, code: 404, error: 'Device not found' });
      continue;
    }
    const set = new Set(host.tags);
    for (const t of tags) if (body.action === 'add') set.add(t); else set.delete(t);
    host.tags = [...set].sort();
    host.modified_timestamp = isoSeconds(ctx.now());
    resources.push({ device_id: host.device_id, updated: true, code: 200 });
  }
  return { status: 202, resources, errors: [], meta: { writes: { resources_affected: resources.filter((r) => r.updated).length } } };
}

export const hostActionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/devices/entities/devices-actions/v2',
    scope: 'devices:write',
    poweredBy: 'device-api',
    query: { action_name: { type: 'string', required: true, enum: HOST_ACTIONS } },
    bodyRequired: true,
    handler: performAction,
  },
  {
    method: 'PATCH',
    path: '/devices/entities/devices/tags/v1',
    scope: 'devices:write',
    poweredBy: 'device-api',
    query: {},
    bodyRequired: true,
    handler: updateTags,
  },
];
