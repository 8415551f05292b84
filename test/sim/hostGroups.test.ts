import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import type { Host, HostGroup } from '../../src/sim/tenant/records/hosts.js';

const ENTITY = '/devices/entities/host-groups/v1';
const ACTION = '/devices/entities/host-group-actions/v1';

describe('host groups', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const visibleHosts = (): Host[] => [...h.sim.tenant.hosts.values()].filter((x) => x.host_hidden_status !== 'hidden');
  const memberIds = async (id: string): Promise<string[]> => {
    const r = await h.api('GET', '/devices/queries/host-group-members/v1', { query: { id, limit: 5000 } });
    expect(r.status).toBe(200);
    return (r.json.resources as string[]).sort();
  };

  it('pages group ids by offset, sorted by name by default', async () => {
    const groups = [...h.sim.tenant.hostGroups.values()];
    const seen: string[] = [];
    for (let offset = 0; ; ) {
      const r = await h.api('GET', '/devices/queries/host-groups/v1', { query: { limit: 2, offset } });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination).toEqual({ offset, limit: 2, total: groups.length });
      seen.push(...r.json.resources);
      offset += r.json.resources.length;
      if (offset >= groups.length) break;
    }
    expect([...seen].sort()).toEqual(groups.map((g) => g.id).sort());
    const names = seen.map((id) => h.sim.tenant.hostGroups.get(id)?.name as string);
    expect(names).toEqual([...names].sort());
    expect((await h.api('GET', '/devices/queries/host-groups/v1', { query: { limit: 501 } })).status).toBe(400);
  });

  it('filters groups and returns full records', async () => {
    const r = await h.api('GET', '/devices/combined/host-groups/v1', { query: { filter: "group_type:'dynamic'", limit: 500 } });
    expect(r.status).toBe(200);
    const expected = [...h.sim.tenant.hostGroups.values()].filter((g) => g.group_type === 'dynamic');
    expect((r.json.resources as HostGroup[]).map((g) => g.id).sort()).toEqual(expected.map((g) => g.id).sort());
    const one = expected[0] as HostGroup;
    const got = await h.api('GET', ENTITY, { query: { ids: [one.id, '0'.repeat(32)] } });
    expect(got.status).toBe(200);
    expect(got.json.resources).toEqual([expect.objectContaining({ id: one.id, name: one.name })]);
    expect(got.json.errors[0].code).toBe(404);
    expect((await h.api('GET', ENTITY)).status).toBe(400);
  });

  it('lists members from the hosts’ groups, by id and as full records', async () => {
    const group = [...h.sim.tenant.hostGroups.values()].find((g) => visibleHosts().some((x) => x.groups.includes(g.id))) as HostGroup;
    const expected = visibleHosts().filter((x) => x.groups.includes(group.id)).map((x) => x.device_id).sort();
    expect(await memberIds(group.id)).toEqual(expected);
    const combined = await h.api('GET', '/devices/combined/host-group-members/v1', { query: { id: group.id, limit: 1, sort: 'hostname.asc' } });
    expect(combined.json.meta.pagination.total).toBe(expected.length);
    expect(combined.json.resources[0].device_id).toBeDefined();
    expect((await h.api('GET', '/devices/queries/host-group-members/v1')).status).toBe(400);
    expect((await h.api('GET', '/devices/queries/host-group-members/v1', { query: { id: '0'.repeat(32) } })).status).toBe(404);
  });

  it('creates a static group and adds and removes hosts with an FQL filter', async () => {
    const created = await h.api('POST', ENTITY, { body: { resources: [{ name: 'Talon Test Static', description: 'd', group_type: 'static' }] } });
    expect(created.status).toBe(201);
    const group = created.json.resources[0] as HostGroup;
    expect(group.id).toMatch(/^[0-9a-f]{32}$/);
    const [a, b, c] = visibleHosts() as [Host, Host, Host];
    const add = await h.api('POST', ACTION, {
      query: { action_name: 'add-hosts' },
      body: { ids: [group.id], action_parameters: [{ name: 'filter', value: `(device_id:['${a.device_id}','${b.device_id}','${c.device_id}'])` }] },
    });
    expect(add.status).toBe(200);
    expect(await memberIds(group.id)).toEqual([a.device_id, b.device_id, c.device_id].sort());
    expect(h.sim.tenant.hosts.get(a.device_id)?.groups).toContain(group.id);
    const remove = await h.api('POST', ACTION, {
      query: { action_name: 'remove-hosts' },
      body: { ids: [group.id], action_parameters: [{ name: 'filter', value: `device_id:'${a.device_id}'` }] },
    });
    expect(remove.status).toBe(200);
    expect(await memberIds(group.id)).toEqual([b.device_id, c.device_id].sort());

    expect((await h.api('POST', ACTION, { query: { action_name: 'explode' }, body: { ids: [group.id], action_parameters: [] } })).status).toBe(400);
    expect((await h.api('POST', ACTION, { query: { action_name: 'add-hosts' }, body: { ids: [group.id], action_parameters: [] } })).status).toBe(400);
    expect((await h.api('POST', ACTION, { query: { action_name: 'add-hosts' }, body: { ids: [group.id], action_parameters: [{ name: 'filter', value: "bogus:'x'" }] } })).status).toBe(400);

    const renamed = await h.api('PATCH', ENTITY, { body: { resources: [{ id: group.id, name: 'Talon Test Renamed' }] } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.resources[0].name).toBe('Talon Test Renamed');

    const del = await h.api('DELETE', ENTITY, { query: { ids: group.id } });
    expect(del.status).toBe(200);
    expect(del.json.resources).toEqual([group.id]);
    expect(h.sim.tenant.hosts.get(b.device_id)?.groups).not.toContain(group.id);
    expect((await h.api('GET', ENTITY, { query: { ids: group.id } })).status).toBe(404);
  });

  it('computes dynamic membership from the assignment rule', async () => {
    const created = await h.api('POST', ENTITY, {
      body: { resources: [{ name: 'Talon Macs', group_type: 'dynamic', assignment_rule: "platform_name:'Mac'" }] },
    });
    expect(created.status).toBe(201);
    const id = created.json.resources[0].id as string;
    expect(await memberIds(id)).toEqual(visibleHosts().filter((x) => x.platform_name === 'Mac').map((x) => x.device_id).sort());
    const changed = await h.api('PATCH', ENTITY, { body: { resources: [{ id, assignment_rule: "platform_name:'Linux'" }] } });
    expect(changed.status).toBe(200);
    expect(await memberIds(id)).toEqual(visibleHosts().filter((x) => x.platform_name === 'Linux').map((x) => x.device_id).sort());
    const add = await h.api('POST', ACTION, {
      query: { action_name: 'add-hosts' },
      body: { ids: [id], action_parameters: [{ name: 'filter', value: "platform_name:'Windows'" }] },
    });
    expect(add.status).toBe(400);
  });

  it('validates bodies and scopes', async () => {
    const post = (resources: unknown, token?: string) => h.api('POST', ENTITY, { body: { resources }, ...(token ? { token } : {}) });
    expect((await post([{ name: 'x', group_type: 'weird' }])).status).toBe(400);
    expect((await post([{ group_type: 'static' }])).status).toBe(400);
    expect((await post([{ name: 'y', group_type: 'dynamic', assignment_rule: "nope:'x'" }])).status).toBe(400);
    expect((await post([{ name: 'z', group_type: 'static', assignment_rule: "platform_name:'Mac'" }])).status).toBe(400);
    const existing = [...h.sim.tenant.hostGroups.values()][0] as HostGroup;
    expect((await post([{ name: existing.name.toUpperCase(), group_type: 'static' }])).status).toBe(400);
    expect((await post([])).status).toBe(400);
    expect((await h.api('PATCH', ENTITY, { body: { resources: [{ id: '0'.repeat(32), name: 'q' }] } })).status).toBe(404);
    const ro = await h.token('readOnly');
    expect((await post([{ name: 'ro', group_type: 'static' }], ro)).status).toBe(403);
    expect((await h.api('DELETE', ENTITY, { query: { ids: existing.id }, token: ro })).status).toBe(403);
    expect((await h.api('GET', '/devices/queries/host-groups/v1', { token: ro })).status).toBe(200);
  });
});
