import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import type { Alert } from '../../src/sim/tenant/records/detections.js';

describe('alerts', () => {
  let h: SimHarness;
  let alerts: Alert[];
  beforeAll(async () => {
    h = await startHarness();
    alerts = [...h.sim.tenant.alerts.values()];
  });
  afterAll(() => h.close());

  const query = (q: Record<string, string | number | boolean>) => h.api('GET', '/alerts/queries/alerts/v2', { query: q });

  it('pages a filtered query by offset, each composite id exactly once', async () => {
    const expected = alerts.filter((a) => a.severity >= 50).map((a) => a.composite_id);
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    for (let offset = 0; ; ) {
      const r = await query({ filter: 'severity:>=50', limit: 7, offset });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination).toEqual({ offset, limit: 7, total: expected.length });
      seen.push(...r.json.resources);
      offset += r.json.resources.length;
      if (offset >= r.json.meta.pagination.total) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('sorts by the given field and defaults to newest first', async () => {
    const bySeverity = await query({ sort: 'severity|desc', limit: 200 });
    const sev = bySeverity.json.resources.map((id: string) => h.sim.tenant.alerts.get(id)?.severity as number);
    expect(sev).toEqual([...sev].sort((a, b) => b - a));
    const dflt = await query({ limit: 200 });
    const created = dflt.json.resources.map((id: string) => h.sim.tenant.alerts.get(id)?.created_timestamp as string);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('filters on dotted and array fields', async () => {
    const sample = alerts[0] as Alert;
    const r = await query({ filter: `device.hostname:'${sample.device.hostname}'`, limit: 1000 });
    expect(r.json.resources.sort()).toEqual(alerts.filter((a) => a.device.hostname === sample.device.hostname).map((a) => a.composite_id).sort());
    const hidden = await query({ include_hidden: false, limit: 10_000 });
    expect(hidden.json.meta.pagination.total).toBe(alerts.filter((a) => a.show_in_ui).length);
  });

  it('searches all metadata with q', async () => {
    const sample = alerts[0] as Alert;
    const r = await query({ q: sample.device.hostname.toLowerCase(), limit: 1000 });
    expect(r.json.resources).toContain(sample.composite_id);
    for (const id of r.json.resources) {
      expect(JSON.stringify(h.sim.tenant.alerts.get(id)).toLowerCase()).toContain(sample.device.hostname.toLowerCase());
    }
  });

  it('rejects bad limits, offsets, parameters and filters with 400', async () => {
    const cases: Record<string, string | number>[] = [{ limit: 0 }, { limit: 10_001 }, { offset: 10_000 }, { bogus: 1 }, { filter: "nosuchfield:'x'" }];
    for (const q of cases) {
      const r = await query(q);
      expect(r.status, JSON.stringify(q)).toBe(400);
      expect(r.json.errors[0].code).toBe(400);
    }
    expect((await query({ filter: "nosuchfield:'x'" })).json.errors[0].message).toMatch(/^Failed to parse filter expression/);
  });

  it('returns entities by composite id, reporting unknown ids', async () => {
    const ids = alerts.slice(0, 3).map((a) => a.composite_id);
    const r = await h.api('POST', '/alerts/entities/alerts/v2', { body: { composite_ids: [...ids, 'nope:ind:x:1-1'] } });
    expect(r.status).toBe(200);
    expect(r.json.resources.map((a: Alert) => a.composite_id)).toEqual(ids);
    expect(r.json.errors).toEqual([expect.objectContaining({ code: 404, id: 'nope:ind:x:1-1' })]);
    expect(Object.keys(r.json.resources[0]).some((k) => k.startsWith('_'))).toBe(false);
    const none = await h.api('POST', '/alerts/entities/alerts/v2', { body: { composite_ids: ['nope'] } });
    expect(none.status).toBe(404);
    const tooMany = await h.api('POST', '/alerts/entities/alerts/v2', { body: { composite_ids: Array.from({ length: 1001 }, (_, i) => `x${i}`) } });
    expect(tooMany.status).toBe(400);
    expect((await h.api('POST', '/alerts/entities/alerts/v2', {})).status).toBe(400);
    expect((await h.api('POST', '/alerts/entities/alerts/v2', { body: { ids: ids } })).status).toBe(400);
  });

  it('walks the combined call with after tokens; the last page has none', async () => {
    const body = { filter: "status:!'closed'", sort: 'created_timestamp|asc', limit: 37 };
    const expected = alerts.filter((a) => a.status !== 'closed');
    const seen: string[] = [];
    let after: string | undefined;
    let firstAfter: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const r = await h.api('POST', '/alerts/combined/alerts/v1', { body: { ...body, ...(after ? { after } : {}) } });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination.total).toBe(expected.length);
      expect(r.json.meta.pagination.limit).toBe(37);
      seen.push(...r.json.resources.map((a: Alert) => a.composite_id));
      after = r.json.meta.pagination.after;
      firstAfter ??= after;
      if (!after) {
        expect('after' in r.json.meta.pagination).toBe(false);
        break;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expected.map((a) => a.composite_id).sort());
    if (firstAfter) {
      // A token only continues the query that issued it.
      const other = await h.api('POST', '/alerts/combined/alerts/v1', { body: { ...body, sort: 'severity|desc', after: firstAfter } });
      expect(other.status).toBe(400);
    }
    expect((await h.api('POST', '/alerts/combined/alerts/v1', { body: { limit: 1001 } })).status).toBe(400);
    expect((await h.api('POST', '/alerts/combined/alerts/v1', { body: { after: 'garbage' } })).status).toBe(400);
  });

  it('updates alerts with v3 actions: status, tags (removals first), comments, assignment', async () => {
    const target = alerts.find((a) => a.status !== 'in_progress') as Alert;
    const before = target.updated_timestamp;
    // The combined call serializes each record once while nothing changes: an update must still show there.
    const inCombined = async () =>
      ((await h.api('POST', '/alerts/combined/alerts/v1', { body: { filter: `composite_id:'${target.composite_id}'` } })).json.resources[0] as Alert);
    expect((await inCombined()).status).toBe(target.status);
    const r = await h.api('PATCH', '/alerts/entities/alerts/v3', {
      body: {
        composite_ids: [target.composite_id, 'missing:ind:x:1-1'],
        action_parameters: [
          { name: 'add_tag', value: 'talon/x' },
          { name: 'remove_tags_by_prefix', value: 'talon/' },
          { name: 'update_status', value: 'in_progress' },
          { name: 'append_comment', value: 'looking into it' },
          { name: 'assign_to_name', value: 'Ana Analyst' },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.json.resources).toBeUndefined();
    expect(r.json.meta.writes).toEqual({ resources_affected: 1 });
    expect(r.json.errors).toEqual([expect.objectContaining({ code: 404 })]);
    const got = await h.api('POST', '/alerts/entities/alerts/v2', { body: { composite_ids: [target.composite_id] } });
    const a = got.json.resources[0] as Alert;
    expect(a.status).toBe('in_progress');
    expect(a.tags).toContain('talon/x');
    expect(a.assigned_to_name).toBe('Ana Analyst');
    expect(a.comments.at(-1)?.value).toBe('looking into it');
    expect(a.updated_timestamp >= before).toBe(true);
    expect(await inCombined()).toEqual(a);
    const un = await h.api('PATCH', '/alerts/entities/alerts/v3', {
      body: { composite_ids: [target.composite_id], action_parameters: [{ name: 'unassign', value: '' }, { name: 'remove_tag', value: 'talon/x' }] },
    });
    expect(un.status).toBe(200);
    expect(h.sim.tenant.alerts.get(target.composite_id)?.assigned_to_name).toBe('');
    expect(h.sim.tenant.alerts.get(target.composite_id)?.tags).not.toContain('talon/x');
  });

  it('rejects invalid actions and values, and read-only clients', async () => {
    const id = (alerts[0] as Alert).composite_id;
    const patch = (action_parameters: unknown, token?: string) =>
      h.api('PATCH', '/alerts/entities/alerts/v3', { body: { composite_ids: [id], action_parameters }, ...(token ? { token } : {}) });
    expect((await patch([{ name: 'explode', value: 'x' }])).status).toBe(400);
    expect((await patch([{ name: 'update_status', value: 'done' }])).status).toBe(400);
    expect((await patch([{ name: 'assign_to_uuid', value: 'not-a-uuid' }])).status).toBe(400);
    expect((await patch([])).status).toBe(400);
    const ro = await patch([{ name: 'update_status', value: 'closed' }], await h.token('readOnly'));
    expect(ro.status).toBe(403);
    const read = await h.api('GET', '/alerts/queries/alerts/v2', { token: await h.token('readOnly') });
    expect(read.status).toBe(200);
  });

  it('hides alerts with show_in_ui false only when include_hidden=false', async () => {
    const target = alerts[1] as Alert;
    const hide = await h.api('PATCH', '/alerts/entities/alerts/v3', {
      body: { composite_ids: [target.composite_id], action_parameters: [{ name: 'show_in_ui', value: 'false' }] },
    });
    expect(hide.status).toBe(200);
    const all = await query({ limit: 10_000 });
    expect(all.json.resources).toContain(target.composite_id);
    const shown = await query({ limit: 10_000, include_hidden: false });
    expect(shown.json.resources).not.toContain(target.composite_id);
    expect(shown.json.meta.pagination.total).toBe(alerts.filter((a) => a.show_in_ui).length);
    const get = await h.api('POST', '/alerts/entities/alerts/v2', { query: { include_hidden: false }, body: { composite_ids: [target.composite_id] } });
    expect(get.status).toBe(404);
  });

  it('aggregates terms', async () => {
    const r = await h.api('POST', '/alerts/aggregates/alerts/v2', { body: [{ name: 'by_status', field: 'status', type: 'terms', size: 10 }] });
    expect(r.status).toBe(200);
    const buckets = r.json.resources[0].buckets as { label: string; count: number }[];
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(h.sim.tenant.alerts.size);
    expect((await h.api('POST', '/alerts/aggregates/alerts/v2', { body: [{ field: 'status', type: 'histogram' }] })).status).toBe(400);
  });
});
