// Host groups: search, records, create/update/delete, members, and the
// add-hosts/remove-hosts action. Membership lives in each host's `groups`;
// dynamic groups recompute it from their FQL assignment_rule, static groups
// change only through the action (which also rewrites their rule).
import { ok, SimHttpError, type ApiErrorItem, type SimResponse } from '../envelope.js';
import type { QuerySpec, Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { FieldSchema } from '../fql/index.js';
import type { Host, HostGroup } from '../tenant/records/hosts.js';
import { HOST_FIELDS, hostRecord, hostsInView, settleHosts } from './hostModel.js';
import { bodyIds, bodyObject, entitiesResponse, filterAndSort, isoSeconds, lookupIds, publicRecord } from './querying.js';

const POWERED_BY = 'device-api';
const GROUP_TYPES = ['static', 'dynamic', 'staticByID'] as const;

export const HOST_GROUP_FIELDS: FieldSchema = {
  id: 'string',
  name: 'string',
  description: 'string',
  group_type: 'string',
  assignment_rule: 'string',
  created_by: 'string',
  created_timestamp: 'timestamp',
  modified_by: 'string',
  modified_timestamp: 'timestamp',
};

function findGroup(ctx: SimContext): (id: string) => HostGroup | undefined {
  return (id) => ctx.tenant.hostGroups.get(id.toLowerCase());
}

function allHosts(ctx: SimContext): Host[] {
  settleHosts(ctx.tenant, ctx.now());
  return [...ctx.tenant.hosts.values()];
}

/** Hosts an FQL filter selects; a bad filter is a 400 like any other. */
function hostsMatching(ctx: SimContext, filter: string): Host[] {
  return filterAndSort(allHosts(ctx), HOST_FIELDS, { filter, now: ctx.now() });
}

/** Makes host.groups agree with a dynamic group's rule (an empty rule selects nobody). */
function applyRule(ctx: SimContext, group: HostGroup): void {
  const members = new Set(group.assignment_rule.trim() ? hostsMatching(ctx, group.assignment_rule) : []);
  for (const h of allHosts(ctx)) setMember(h, group.id, members.has(h));
}

function setMember(host: Host, groupId: string, member: boolean): void {
  const has = host.groups.includes(groupId);
  // A new array: the generator shares one array among the hosts with the same groups (tenant/hosts.ts).
  if (member && !has) host.groups = [...host.groups, groupId];
  if (!member && has) host.groups = host.groups.filter((g) => g !== groupId);
}

function query(req: SimRequest, ctx: SimContext, toResource: (g: HostGroup) => unknown): SimResponse {
  const offset = req.query.int('offset') ?? 0;
  const limit = req.query.int('limit') ?? 100;
  const all = filterAndSort(ctx.tenant.hostGroups.values(), HOST_GROUP_FIELDS, {
    filter: req.query.str('filter'),
    sort: req.query.str('sort'),
    defaultSort: 'name.asc',
    now: ctx.now(),
  });
  return ok(all.slice(offset, offset + limit).map(toResource), { pagination: { offset, limit, total: all.length } });
}

function members(req: SimRequest, ctx: SimContext, toResource: (h: Host) => unknown): SimResponse {
  const id = req.query.str('id') ?? '';
  const group = findGroup(ctx)(id);
  if (!group) throw new SimHttpError(404, `Host group not found: ${id}`);
  const offset = req.query.int('offset') ?? 0;
  const limit = req.query.int('limit') ?? 100;
  const inGroup = hostsInView(ctx.tenant, ctx.now(), false).filter((h) => h.groups.includes(group.id));
  const all = filterAndSort(inGroup, HOST_FIELDS, { filter: req.query.str('filter'), sort: req.query.str('sort'), now: ctx.now() });
  return ok(all.slice(offset, offset + limit).map(toResource), { pagination: { offset, limit, total: all.length } });
}

function resourcesOf(body: unknown): unknown[] {
  const list = bodyObject(body, ['resources']).resources;
  if (!Array.isArray(list) || list.length === 0) {
    throw new SimHttpError(400, "The request body must have 'resources', a non-empty array.");
  }
  if (list.length > 500) throw new SimHttpError(400, `Too many resources: ${list.length} given, at most 500 allowed per request.`);
  return list;
}

function text(o: Record<string, unknown>, name: string, where: string, required = false): string | undefined {
  const v = o[name];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || (required && v.trim() === '')) {
    throw new SimHttpError(400, `${where}: '${name}' must be ${required ? 'a non-empty' : 'a'} string.`);
  }
  return v;
}

/** Group names are unique in a tenant, ignoring case. */
function checkName(ctx: SimContext, name: string, where: string, self?: string): void {
  const clash = [...ctx.tenant.hostGroups.values()].find((g) => g.id !== self && g.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new SimHttpError(400, `${where}: a host group named '${name}' already exists.`);
}

function checkRule(ctx: SimContext, type: HostGroup['group_type'], rule: string | undefined, where: string): void {
  if (rule === undefined || rule === '') return;
  if (type !== 'dynamic') {
    throw new SimHttpError(400, `${where}: only dynamic groups take an assignment_rule; add hosts to a ${type} group with /devices/entities/host-group-actions/v1.`);
  }
  hostsMatching(ctx, rule);
}

function create(req: SimRequest, ctx: SimContext): SimResponse {
  const stamp = isoSeconds(ctx.now());
  const who = `api-client-id:${req.clientId ?? 'unknown'}`;
  const drafts = resourcesOf(req.body).map((raw, i): HostGroup => {
    const where = `resources[${i}]`;
    const r = bodyObject(raw, ['name', 'description', 'group_type', 'assignment_rule'], where);
    const name = text(r, 'name', where, true) as string;
    checkName(ctx, name, where);
    const type = r.group_type;
    if (typeof type !== 'string' || !(GROUP_TYPES as readonly string[]).includes(type)) {
      throw new SimHttpError(400, `${where}: 'group_type' must be one of ${GROUP_TYPES.join(', ')}.`);
    }
    const rule = text(r, 'assignment_rule', where);
    checkRule(ctx, type as HostGroup['group_type'], rule, where);
    return {
      id: ctx.rng.hex(32),
      name,
      description: text(r, 'description', where) ?? '',
      group_type: type as HostGroup['group_type'],
      assignment_rule: rule ?? '',
      created_by: who,
      created_timestamp: stamp,
      modified_by: who,
      modified_timestamp: stamp,
    };
  });
  const names = new Set<string>();
  for (const g of drafts) {
    if (names.has(g.name.toLowerCase())) throw new SimHttpError(400, `The host group name '${g.name}' is given twice.`);
    names.add(g.name.toLowerCase());
  }
  for (const g of drafts) {
    ctx.tenant.hostGroups.set(g.id, g);
    if (g.group_type === 'dynamic') applyRule(ctx, g);
  }
  return ok(drafts.map(publicRecord), { writes: { resources_affected: drafts.length } }, 201);
}

function update(req: SimRequest, ctx: SimContext): SimResponse {
  const errors: ApiErrorItem[] = [];
  const plans: { group: HostGroup; changes: Partial<HostGroup> }[] = [];
  resourcesOf(req.body).forEach((raw, i) => {
    const where = `resources[${i}]`;
    const r = bodyObject(raw, ['id', 'name', 'description', 'assignment_rule'], where);
    const id = text(r, 'id', where, true) as string;
    const group = findGroup(ctx)(id);
    if (!group) return void errors.push({ code: 404, message: `Host group not found: ${id}`, id });
    const changes: Partial<HostGroup> = {};
    const name = r.name === undefined ? undefined : (text(r, 'name', where, true) as string);
    if (name !== undefined) checkName(ctx, name, where, group.id);
    if (name !== undefined) changes.name = name;
    const description = text(r, 'description', where);
    if (description !== undefined) changes.description = description;
    const rule = text(r, 'assignment_rule', where);
    if (rule !== undefined) {
      checkRule(ctx, group.group_type, rule, where);
      changes.assignment_rule = rule;
    }
    plans.push({ group, changes });
  });
  const stamp = isoSeconds(ctx.now());
  for (const { group, changes } of plans) {
    Object.assign(group, changes, { modified_timestamp: stamp, modified_by: `api-client-id:${req.clientId ?? 'unknown'}` });
    if (group.group_type === 'dynamic' && changes.assignment_rule !== undefined) applyRule(ctx, group);
  }
  return entitiesResponse(plans.map((p) => publicRecord(p.group)), errors, { writes: { resources_affected: plans.length } });
}

function remove(req: SimRequest, ctx: SimContext): SimResponse {
  const { found, errors } = lookupIds(findGroup(ctx), req.query.list('ids'), 'Host group');
  for (const g of found) {
    ctx.tenant.hostGroups.delete(g.id);
    for (const h of ctx.tenant.hosts.values()) setMember(h, g.id, false);
  }
  return entitiesResponse(found.map((g) => g.id), errors, { writes: { resources_affected: found.length } });
}

/** A static group's rule lists its members, the way the console writes it. */
function staticRule(ctx: SimContext, group: HostGroup): string {
  const hosts = allHosts(ctx).filter((h) => h.groups.includes(group.id));
  const field = group.group_type === 'staticByID' ? 'device_id' : 'hostname';
  const values = hosts.map((h) => `'${(field === 'device_id' ? h.device_id : h.hostname).replace(/'/g, "\\'")}'`);
  return `${field}:[${values.join(',')}]`;
}

function groupAction(req: SimRequest, ctx: SimContext): SimResponse {
  const add = req.query.str('action_name') === 'add-hosts';
  const body = bodyObject(req.body, ['ids', 'action_parameters']);
  const ids = bodyIds(body, 'ids', 500);
  const params = body.action_parameters;
  const filterParam = Array.isArray(params)
    ? params.map((p, i) => bodyObject(p, ['name', 'value'], `action_parameters[${i}]`)).find((p) => p.name === 'filter')
    : undefined;
  if (!filterParam || typeof filterParam.value !== 'string' || filterParam.value.trim() === '') {
    throw new SimHttpError(400, "action_parameters must include {name: 'filter', value: <FQL selecting the hosts>}, e.g. (device_id:['<aid>']).");
  }
  const { found, errors } = lookupIds(findGroup(ctx), ids, 'Host group');
  const dynamic = found.find((g) => g.group_type === 'dynamic');
  if (dynamic) {
    throw new SimHttpError(400, `Host group ${dynamic.id} is dynamic: its members come from its assignment_rule and cannot be added or removed.`);
  }
  const hosts = hostsMatching(ctx, filterParam.value);
  const stamp = isoSeconds(ctx.now());
  for (const g of found) {
    for (const h of hosts) setMember(h, g.id, add);
    g.assignment_rule = staticRule(ctx, g);
    g.modified_timestamp = stamp;
  }
  return entitiesResponse(found.map(publicRecord), errors, { writes: { resources_affected: found.length } });
}

const groupQuery: QuerySpec = {
  filter: { type: 'string' },
  sort: { type: 'string' },
  offset: { type: 'int', min: 0 },
  limit: { type: 'int', min: 1, max: 500 },
};
const memberQuery: QuerySpec = {
  id: { type: 'string', required: true },
  filter: { type: 'string' },
  sort: { type: 'string' },
  offset: { type: 'int', min: 0 },
  limit: { type: 'int', min: 1, max: 5000 },
};
const ids: QuerySpec = { ids: { type: 'list', required: true, maxItems: 500 } };
const read = { scope: 'host-group:read', poweredBy: POWERED_BY } as const;
const write = { scope: 'host-group:write', poweredBy: POWERED_BY } as const;
const entityPath = '/devices/entities/host-groups/v1';

export const hostGroupRoutes: Route[] = [
  { ...read, method: 'GET', path: '/devices/queries/host-groups/v1', query: groupQuery, handler: (r, c) => query(r, c, (g) => g.id) },
  { ...read, method: 'GET', path: '/devices/combined/host-groups/v1', query: groupQuery, handler: (r, c) => query(r, c, publicRecord) },
  {
    ...read,
    method: 'GET',
    path: entityPath,
    query: ids,
    handler: (req, ctx) => {
      const { found, errors } = lookupIds(findGroup(ctx), req.query.list('ids'), 'Host group');
      return entitiesResponse(found.map(publicRecord), errors);
    },
  },
  { ...write, method: 'POST', path: entityPath, query: {}, bodyRequired: true, handler: create },
  { ...write, method: 'PATCH', path: entityPath, query: {}, bodyRequired: true, handler: update },
  { ...write, method: 'DELETE', path: entityPath, query: ids, handler: remove },
  {
    ...read,
    method: 'GET',
    path: '/devices/queries/host-group-members/v1',
    query: memberQuery,
    handler: (r, c) => members(r, c, (h) => h.device_id),
  },
  { ...read, method: 'GET', path: '/devices/combined/host-group-members/v1', query: memberQuery, handler: (r, c) => members(r, c, (h) => hostRecord(c.tenant, h)) },
  {
    ...write,
    method: 'POST',
    path: '/devices/entities/host-group-actions/v1',
    query: { action_name: { type: 'string', required: true, enum: ['add-hosts', 'remove-hosts'] } },
    bodyRequired: true,
    handler: groupAction,
  },
];
