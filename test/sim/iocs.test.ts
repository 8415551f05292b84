import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import type { Ioc } from '../../src/sim/tenant/records/indicators.js';

const PATH = '/iocs/entities/indicators/v1';
const hex = (n: number, seed: string) => seed.repeat(n).slice(0, n);

describe('IOC management', () => {
  let h: SimHarness;
  let visible: Ioc[];
  beforeAll(async () => {
    h = await startHarness();
    visible = [...h.sim.tenant.iocs.values()].filter((i) => !i.deleted && !i.from_parent);
  });
  afterAll(() => h.close());

  it('pages by offset and by after, each id exactly once', async () => {
    expect(visible.length).toBeGreaterThan(5);
    const byOffset: string[] = [];
    for (let offset = 0; ; ) {
      const r = await h.api('GET', '/iocs/queries/indicators/v1', { query: { limit: 4, offset } });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination).toMatchObject({ offset, limit: 4, total: visible.length });
      byOffset.push(...r.json.resources);
      offset += r.json.resources.length;
      if (offset >= visible.length) break;
    }
    const byAfter: string[] = [];
    let after: string | undefined;
    do {
      const r = await h.api('GET', '/iocs/queries/indicators/v1', { query: { limit: 4, ...(after ? { after } : {}) } });
      expect(r.status).toBe(200);
      byAfter.push(...r.json.resources);
      after = r.json.meta.pagination.after;
    } while (after);
    for (const ids of [byOffset, byAfter]) {
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(visible.map((i) => i.id).sort());
    }
  });

  it('rejects offset together with after, and limits out of range', async () => {
    const first = await h.api('GET', '/iocs/queries/indicators/v1', { query: { limit: 1 } });
    const after = first.json.meta.pagination.after as string;
    expect((await h.api('GET', '/iocs/queries/indicators/v1', { query: { offset: 1, after } })).status).toBe(400);
    expect((await h.api('GET', '/iocs/queries/indicators/v1', { query: { limit: 2001 } })).status).toBe(400);
    expect((await h.api('GET', '/iocs/queries/indicators/v1', { query: { limit: 0 } })).status).toBe(400);
    expect((await h.api('GET', '/iocs/combined/indicator/v1', { query: { filter: "nope:'x'" } })).status).toBe(400);
  });

  it('filters and sorts full records in the combined call', async () => {
    const r = await h.api('GET', '/iocs/combined/indicator/v1', { query: { filter: "type:'sha256'", sort: 'modified_on|desc', limit: 2000 } });
    expect(r.status).toBe(200);
    const got = r.json.resources as Ioc[];
    expect(got.map((i) => i.id).sort()).toEqual(visible.filter((i) => i.type === 'sha256').map((i) => i.id).sort());
    const stamps = got.map((i) => i.modified_on);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it('creates, reads, updates and deletes an indicator', async () => {
    const value = hex(64, 'ab12');
    const created = await h.api('POST', PATH, {
      query: { retrodetects: false, ignore_warnings: true },
      body: {
        comment: 'ticket 42',
        indicators: [{ type: 'sha256', value, action: 'prevent', severity: 'high', platforms: ['windows'], applied_globally: true, tags: ['t1'] }],
      },
    });
    expect(created.status).toBe(201);
    const ioc = created.json.resources[0] as Ioc;
    expect(ioc.id).toMatch(/^[0-9a-f]{64}$/);
    expect(ioc).toMatchObject({ type: 'sha256', value, action: 'prevent', severity: 'high', deleted: false });
    expect(created.json.meta.writes).toEqual({ resources_affected: 1 });

    const got = await h.api('GET', PATH, { query: { ids: [ioc.id, hex(64, '0')] } });
    expect(got.status).toBe(200);
    expect(got.json.resources[0].id).toBe(ioc.id);
    expect(got.json.errors[0].code).toBe(404);

    const dup = await h.api('POST', PATH, {
      body: { indicators: [{ type: 'sha256', value: value.toUpperCase(), action: 'detect', severity: 'low', platforms: ['mac'], applied_globally: true }] },
    });
    expect(dup.status).toBe(400);
    expect(dup.json.errors[0].message).toMatch(/Duplicate/);

    const upd = await h.api('PATCH', PATH, { body: { comment: 'x', indicators: [{ id: ioc.id, severity: 'critical', description: 'dropper' }] } });
    expect(upd.status).toBe(200);
    expect(upd.json.resources[0]).toMatchObject({ severity: 'critical', description: 'dropper' });
    expect(h.sim.tenant.iocs.get(ioc.id)?.severity).toBe('critical');
    expect((await h.api('PATCH', PATH, { body: { indicators: [{ id: ioc.id, type: 'md5' }] } })).status).toBe(400);
    expect((await h.api('PATCH', PATH, { body: { indicators: [{ id: hex(64, 'f'), severity: 'low' }] } })).status).toBe(404);

    const bulk = await h.api('PATCH', PATH, { body: { bulk_update: { filter: `id:'${ioc.id}'`, tags: ['bulk'] } } });
    expect(bulk.status).toBe(200);
    expect(h.sim.tenant.iocs.get(ioc.id)?.tags).toEqual(['bulk']);

    const del = await h.api('DELETE', PATH, { query: { ids: ioc.id, comment: 'done' } });
    expect(del.status).toBe(200);
    expect(del.json.resources).toEqual([ioc.id]);
    expect((await h.api('GET', PATH, { query: { ids: ioc.id } })).status).toBe(404);
  });

  it('validates create bodies', async () => {
    const base = { type: 'sha256', value: hex(64, 'cd'), action: 'detect', severity: 'medium', platforms: ['linux'], applied_globally: true };
    const bad = [
      { ...base, value: 'xyz' },
      { ...base, type: 'url' },
      { ...base, type: 'md5', value: hex(31, 'a') },
      { ...base, type: 'ipv4', value: '300.1.1.1' },
      { ...base, type: 'domain', value: 'evil.example', action: 'prevent' },
      { ...base, severity: undefined },
      { ...base, platforms: [] },
      { ...base, platforms: ['beos'] },
      { ...base, applied_globally: false },
      { ...base, host_groups: ['0'.repeat(32)], applied_globally: false },
      { ...base, wat: 1 },
    ];
    for (const indicator of bad) {
      const r = await h.api('POST', PATH, { body: { indicators: [indicator] } });
      expect(r.status, JSON.stringify(indicator)).toBe(400);
    }
    expect((await h.api('POST', PATH, { body: { indicators: [] } })).status).toBe(400);
    expect((await h.api('POST', PATH, {})).status).toBe(400);
    const ok = await h.api('POST', PATH, { body: { indicators: [{ type: 'domain', value: 'Evil.Example', action: 'detect', severity: 'low', platforms: ['windows'], applied_globally: true }] } });
    expect(ok.status).toBe(201);
    expect(ok.json.resources[0].value).toBe('evil.example');
  });

  it('deletes by filter, which wins over ids', async () => {
    const mk = (value: string) => ({ type: 'ipv4', value, action: 'detect', severity: 'low', platforms: ['windows'], applied_globally: true, source: 'filter-test' });
    const created = await h.api('POST', PATH, { body: { indicators: [mk('198.51.100.1'), mk('198.51.100.2')] } });
    expect(created.status).toBe(201);
    const keep = (visible[0] as Ioc).id;
    const del = await h.api('DELETE', PATH, { query: { ids: keep, filter: "source:'filter-test'" } });
    expect(del.status).toBe(200);
    expect(del.json.resources).toHaveLength(2);
    expect(h.sim.tenant.iocs.has(keep)).toBe(true);
    expect((await h.api('DELETE', PATH, {})).status).toBe(400);
  });

  it('refuses writes from the read-only client', async () => {
    const token = await h.token('readOnly');
    const body = { indicators: [{ type: 'md5', value: hex(32, 'e'), action: 'detect', severity: 'low', platforms: ['windows'], applied_globally: true }] };
    expect((await h.api('POST', PATH, { body, token })).status).toBe(403);
    expect((await h.api('DELETE', PATH, { query: { ids: (visible[0] as Ioc).id }, token })).status).toBe(403);
    expect((await h.api('GET', '/iocs/queries/indicators/v1', { token })).status).toBe(200);
  });

  it('lists the catalogs', async () => {
    const actions = await h.api('GET', '/iocs/queries/actions/v1');
    expect(actions.json.resources).toEqual(expect.arrayContaining(['detect', 'prevent', 'allow', 'no_action']));
    const detail = await h.api('GET', '/iocs/entities/actions/v1', { query: { ids: ['detect', 'nope'] } });
    expect(detail.status).toBe(200);
    expect(detail.json.resources[0].id).toBe('detect');
    expect((await h.api('GET', '/iocs/queries/ioc-types/v1')).json.resources).toEqual(['sha256', 'md5', 'domain', 'ipv4', 'ipv6']);
    expect((await h.api('GET', '/iocs/queries/platforms/v1')).json.resources).toContain('windows');
    expect((await h.api('GET', '/iocs/queries/severities/v1', { query: { limit: 2 } })).json.meta.pagination).toEqual({ offset: 0, limit: 2, total: 5 });
  });
});
