import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('hosts', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness({ containmentDelayMs: 300 });
  });
  afterAll(() => h.close());

  it("returns the next page's offset, so CrowdStrike's sample loops (offset = meta.pagination.offset) end", async () => {
    // FalconPy samples/hosts/offset_vs_token.py: offset = pagination.offset; while offset < total.
    const seen: string[] = [];
    let offset = 0;
    let total = Infinity;
    for (let calls = 0; offset < total; calls++) {
      expect(calls).toBeLessThan(10);
      const r = await h.api('GET', '/devices/queries/devices/v1', { query: { limit: 200, offset } });
      expect(r.json.meta.pagination.offset).toBe(offset + r.json.resources.length);
      seen.push(...r.json.resources);
      offset = r.json.meta.pagination.offset;
      total = r.json.meta.pagination.total;
    }
    expect(new Set(seen).size).toBe(h.sim.tenant.hosts.size);
  });

  it('pages through an FQL query with offsets, every host exactly once', async () => {
    const windows = [...h.sim.tenant.hosts.values()].filter((x) => x.platform_name === 'Windows').map((x) => x.device_id);
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const r = await h.api('GET', '/devices/queries/devices/v1', { query: { filter: "platform_name:'Windows'", limit: 100, offset } });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination.total).toBe(windows.length);
      seen.push(...r.json.resources);
      offset += r.json.resources.length;
      if (offset >= r.json.meta.pagination.total) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...windows].sort());
  });

  it('sorts with both syntaxes', async () => {
    const a = await h.api('GET', '/devices/queries/devices/v1', { query: { sort: 'hostname.asc', limit: 20 } });
    const b = await h.api('GET', '/devices/queries/devices/v1', { query: { sort: 'hostname|asc', limit: 20 } });
    expect(a.json.resources).toEqual(b.json.resources);
    const names = a.json.resources.map((id: string) => h.sim.tenant.hosts.get(id)?.hostname as string);
    expect(names).toEqual([...names].sort());
  });

  it('refuses offsets past the 10,000 cap with 400 and points at the scroll call', async () => {
    const r = await h.api('GET', '/devices/queries/devices/v1', { query: { offset: 10_000 } });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain('devices-scroll');
  });

  it('scrolls with string offset tokens until the empty token', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await h.api('GET', '/devices/queries/devices-scroll/v1', { query: { limit: 150, ...(token ? { offset: token } : {}) } });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination).toMatchObject({ limit: 150, total: 500 });
      expect(typeof r.json.meta.pagination.expires_at).toBe('number');
      seen.push(...r.json.resources);
      token = r.json.meta.pagination.offset;
      pages++;
    } while (token);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(500);
    const bad = await h.api('GET', '/devices/queries/devices-scroll/v1', { query: { offset: 'not-a-token' } });
    expect(bad.status).toBe(400);
  });

  it('returns full records from combined, with next tokens and a field projection', async () => {
    const first = await h.api('GET', '/devices/combined/devices/v1', { query: { limit: 2, fields: 'hostname,status' } });
    expect(first.status).toBe(200);
    expect(Object.keys(first.json.resources[0]).sort()).toEqual(['device_id', 'hostname', 'status']);
    const ids = first.json.resources.map((r: { device_id: string }) => r.device_id);
    expect(ids).toEqual([...ids].sort());
    const second = await h.api('GET', '/devices/combined/devices/v1', { query: { limit: 2, offset: first.json.meta.pagination.next } });
    expect(second.json.resources[0].device_id > ids[1]).toBe(true);
    expect(second.json.meta.pagination.previous).toBeTruthy();
  });

  it('returns device details by GET and POST, and says which ids are unknown', async () => {
    const [a, b] = [...h.sim.tenant.hosts.keys()];
    const get = await h.api('GET', '/devices/entities/devices/v2', { query: { ids: [a as string, b as string] } });
    expect(get.status).toBe(200);
    expect(get.json.resources.map((r: { device_id: string }) => r.device_id)).toEqual([a, b]);
    expect(get.json.resources[0]).not.toHaveProperty('_online');
    expect(get.json.resources[0]).not.toHaveProperty('_ordinal');
    // Policies are built on a host's first read; they are there, in the record's order, on every read.
    const record = get.json.resources[0];
    expect(Object.keys(record.device_policies)).toEqual(['prevention', 'sensor_update', 'device_control', 'firewall', 'remote_response']);
    expect(record.policies).toEqual([record.device_policies.prevention]);
    expect(Object.keys(record).slice(Object.keys(record).indexOf('last_reboot'), Object.keys(record).indexOf('last_reboot') + 3)).toEqual(['last_reboot', 'device_policies', 'policies']);
    const again = await h.api('GET', '/devices/entities/devices/v2', { query: { ids: [a as string] } });
    expect(again.json.resources[0]).toEqual(record);
    const post = await h.api('POST', '/devices/entities/devices/v2', { body: { ids: [a, '0'.repeat(32)] } });
    expect(post.status).toBe(200);
    expect(post.json.resources).toHaveLength(1);
    expect(post.json.errors[0]).toMatchObject({ code: 404 });
    const none = await h.api('GET', '/devices/entities/devices/v2');
    expect(none.status).toBe(400);
    expect(none.json.errors[0].message).toBe("The 'ids' parameter must be present at least once.");
    const tooMany = await h.api('GET', '/devices/entities/devices/v2', { query: { ids: Array.from({ length: 101 }, () => a as string) } });
    expect(tooMany.status).toBe(400);
  });

  it('reports online state', async () => {
    const id = [...h.sim.tenant.hosts.keys()][3] as string;
    const r = await h.api('GET', '/devices/entities/online-state/v1', { query: { ids: id } });
    expect(r.status).toBe(200);
    expect(['online', 'offline', 'unknown']).toContain(r.json.resources[0].state);
  });

  it('contains a host: 202, containment_pending, then contained; lifting goes back to normal', async () => {
    const hostname = h.sim.samples.hostnames[0] as string;
    const q = await h.api('GET', '/devices/queries/devices/v1', { query: { filter: `hostname:'${hostname}'` } });
    expect(q.json.resources).toHaveLength(1);
    const id = q.json.resources[0] as string;
    const status = async () => (await h.api('GET', '/devices/entities/devices/v2', { query: { ids: id } })).json.resources[0].status as string;
    expect(await status()).toBe('normal');

    const act = await h.api('POST', '/devices/entities/devices-actions/v2', { query: { action_name: 'contain' }, body: { ids: [id] } });
    expect(act.status).toBe(202);
    expect(act.json.resources).toEqual([{ id, path: '' }]);
    expect(act.json.meta.writes).toEqual({ resources_affected: 1 });
    expect(await status()).toBe('containment_pending');
    expect(await waitFor(status, (s) => s === 'contained')).toBe('contained');

    const contained = await h.api('GET', '/devices/queries/devices/v1', { query: { filter: "status:'contained'" } });
    expect(contained.json.resources).toContain(id);

    const lift = await h.api('POST', '/devices/entities/devices-actions/v2', { query: { action_name: 'lift_containment' }, body: { ids: [id] } });
    expect(lift.status).toBe(202);
    expect(await status()).toBe('lift_containment_pending');
    expect(await waitFor(status, (s) => s === 'normal')).toBe('normal');
  });

  it('reports unknown ids per id, refuses unknown actions and too many ids', async () => {
    const id = [...h.sim.tenant.hosts.keys()][10] as string;
    const mixed = await h.api('POST', '/devices/entities/devices-actions/v2', {
      query: { action_name: 'hide_host' },
      body: { ids: [id, 'a'.repeat(32)] },
    });
    expect(mixed.status).toBe(202);
    expect(mixed.json.errors).toEqual([{ code: 404, message: `Device not found: ${'a'.repeat(32)}`, id: 'a'.repeat(32) }]);
    const hidden = await h.api('GET', '/devices/queries/devices-hidden/v1');
    expect(hidden.json.resources).toContain(id);
    const visible = await h.api('GET', '/devices/queries/devices/v1', { query: { limit: 5000 } });
    expect(visible.json.resources).not.toContain(id);
    await h.api('POST', '/devices/entities/devices-actions/v2', { query: { action_name: 'unhide_host' }, body: { ids: [id] } });

    const allUnknown = await h.api('POST', '/devices/entities/devices-actions/v2', { query: { action_name: 'contain' }, body: { ids: ['b'.repeat(32)] } });
    expect(allUnknown.status).toBe(404);
    const badAction = await h.api('POST', '/devices/entities/devices-actions/v2', { query: { action_name: 'explode' }, body: { ids: [id] } });
    expect(badAction.status).toBe(400);
    const many = Array.from({ length: 501 }, (_, i) => i.toString(16).padStart(32, '0'));
    const tooMany = await h.api('POST', '/devices/entities/devices-actions/v2', { query: { action_name: 'contain' }, body: { ids: many } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0].message).toContain('at most 500');
  });

  it('adds and removes tags', async () => {
    const id = [...h.sim.tenant.hosts.keys()][20] as string;
    const add = await h.api('PATCH', '/devices/entities/devices/tags/v1', { body: { action: 'add', device_ids: [id], tags: ['ir-case-7'] } });
    expect(add.status).toBe(202);
    const tagged = await h.api('GET', '/devices/queries/devices/v1', { query: { filter: "tags:'FalconGroupingTags/ir-case-7'" } });
    expect(tagged.json.resources).toEqual([id]);
    await h.api('PATCH', '/devices/entities/devices/tags/v1', { body: { action: 'remove', device_ids: [id], tags: ['FalconGroupingTags/ir-case-7'] } });
    const none = await h.api('GET', '/devices/queries/devices/v1', { query: { filter: "tags:'FalconGroupingTags/ir-case-7'" } });
    expect(none.json.resources).toEqual([]);
  });
});

describe('indicator lookups', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('finds the hosts that observed a sample sha256, their count and processes', async () => {
    const sha = h.sim.samples.sha256[0] as string;
    const expected = new Set(h.sim.tenant.sightings.filter((s) => s.value === sha).map((s) => s.device_id));
    expect(expected.size).toBeGreaterThanOrEqual(3);
    const devices = await h.api('GET', '/indicators/queries/devices/v1', { query: { type: 'sha256', value: sha } });
    expect(devices.status).toBe(200);
    expect(new Set(devices.json.resources)).toEqual(expected);
    const count = await h.api('GET', '/indicators/aggregates/devices-count/v1', { query: { type: 'sha256', value: sha } });
    expect(count.json.resources[0]).toEqual({ id: `sha256:${sha}`, type: 'sha256', value: sha, device_count: expected.size, limit_exceeded: false });

    const device = devices.json.resources[0] as string;
    const procs = await h.api('GET', '/indicators/queries/processes/v1', { query: { type: 'sha256', value: sha, device_id: device } });
    expect(procs.status).toBe(200);
    expect(procs.json.resources.length).toBeGreaterThan(0);
    const details = await h.api('GET', '/processes/entities/processes/v1', { query: { ids: procs.json.resources } });
    expect(details.status).toBe(200);
    expect(details.json.resources[0]).toMatchObject({ device_id: device });
    expect(details.json.resources[0]).not.toHaveProperty('_sha256');

    const modern = await h.api('GET', '/iocs/queries/indicators/devices/v1', { query: { type: 'sha256', value: sha } });
    expect(new Set(modern.json.resources)).toEqual(expected);
  });

  it('pages the device lookup with string limit and offset', async () => {
    const md5 = h.sim.samples.md5[0] as string;
    const first = await h.api('GET', '/indicators/queries/devices/v1', { query: { type: 'md5', value: md5, limit: '2' } });
    expect(first.json.resources).toHaveLength(2);
    expect(first.json.meta.pagination).toMatchObject({ limit: 2, offset: '0', next_page: '2' });
  });

  it('answers a hash seen nowhere as the real API does: empty list, and 404 on the count', async () => {
    const nowhere = 'f'.repeat(64);
    const devices = await h.api('GET', '/indicators/queries/devices/v1', { query: { type: 'sha256', value: nowhere } });
    expect(devices.status).toBe(200);
    expect(devices.json.resources).toEqual([]);
    const count = await h.api('GET', '/indicators/aggregates/devices-count/v1', { query: { type: 'sha256', value: nowhere } });
    expect(count.status).toBe(404);
    expect(count.json.errors[0].code).toBe(404);
  });

  it('rejects malformed hashes and unknown types with 400', async () => {
    const short = await h.api('GET', '/indicators/queries/devices/v1', { query: { type: 'sha256', value: 'abc' } });
    expect(short.status).toBe(400);
    expect(short.json.errors[0].message).toContain('64 hexadecimal');
    const type = await h.api('GET', '/indicators/queries/devices/v1', { query: { type: 'sha1', value: 'abc' } });
    expect(type.status).toBe(400);
    const domain = h.sim.samples.domains[0] as string;
    const d = await h.api('GET', '/indicators/queries/devices/v1', { query: { type: 'domain', value: domain } });
    expect(d.json.resources.length).toBeGreaterThanOrEqual(2);
  });
});
