// The generic responder on operations no route models by hand: its data loads
// only when needed, families resolve their own ids, paging walks to the end,
// bad input is a 400, writes answer with their status and echo what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { operationIndexRequested } from '../../src/sim/generic/genericRoutes.js';

let h: SimHarness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe('generic responder', () => {
  it('loads the catalog data only when a request needs it', async () => {
    // This file's first requests: a token and a hand-modelled family.
    expect((await h.api('GET', '/devices/queries/devices/v1', { query: { limit: 1 } })).status).toBe(200);
    expect(operationIndexRequested()).toBe(false);
    expect((await h.api('GET', '/policy/queries/prevention/v1')).status).toBe(200);
    expect(operationIndexRequested()).toBe(true);
  });

  it('resolves the ids its query returns, in the same family, and 404s an id it never issued', async () => {
    const q = await h.api('GET', '/policy/queries/prevention/v1', { query: { limit: 3 } });
    expect(q.json.resources).toHaveLength(3);
    expect(q.json.resources[0]).toMatch(/^[0-9a-f]{32}$/);
    const e = await h.api('GET', '/policy/entities/prevention/v1', { query: { ids: q.json.resources } });
    expect(e.status).toBe(200);
    expect(e.json.resources.map((r: { id: string }) => r.id)).toEqual(q.json.resources);
    // The same id gives the same record, every time.
    const again = await h.api('GET', '/policy/entities/prevention/v1', { query: { ids: q.json.resources[0] } });
    expect(again.json.resources[0]).toEqual(e.json.resources[0]);
    const unknown = await h.api('GET', '/policy/entities/prevention/v1', { query: { ids: 'ffffffffffffffffffffffffffffffff' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors[0]).toMatchObject({ code: 404, id: 'ffffffffffffffffffffffffffffffff' });
  });

  it('pages by offset with the total, and the combined call pages the same records', async () => {
    const first = await h.api('GET', '/policy/queries/prevention/v1', { query: { limit: 5, offset: 0 } });
    const total = first.json.meta.pagination.total as number;
    expect(total).toBeGreaterThanOrEqual(12);
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 5) {
      const page = await h.api('GET', '/policy/queries/prevention/v1', { query: { limit: 5, offset } });
      expect(page.json.meta.pagination).toMatchObject({ offset, limit: 5, total });
      seen.push(...page.json.resources);
    }
    expect(new Set(seen).size).toBe(total);
    const combined = await h.api('GET', '/policy/combined/prevention/v1', { query: { limit: 5, offset: 5 } });
    expect(combined.json.resources.map((r: { id: string }) => r.id)).toEqual(seen.slice(5, 10));
  });

  it('walks `after` tokens to the last page, which carries none', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const page = await h.api('GET', '/cloud-security-assets/queries/resources/v1', { query: { limit: 7, ...(after ? { after } : {}) } });
      expect(page.status).toBe(200);
      total = page.json.meta.pagination.total;
      ids.push(...page.json.resources);
      after = page.json.meta.pagination.after || undefined;
      if (!after) break;
    }
    expect(ids).toHaveLength(total);
    const stale = await h.api('GET', '/cloud-security-assets/queries/resources/v1', { query: { after: 'not-a-token' } });
    expect(stale.status).toBe(400);
  });

  it('answers missing or malformed parameters with a 400 in the error envelope', async () => {
    const missing = await h.api('DELETE', '/policy/entities/prevention/v1');
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([{ code: 400, message: "The 'ids' parameter must be present at least once." }]);
    const badLimit = await h.api('GET', '/policy/queries/prevention/v1', { query: { limit: 'ten' } });
    expect(badLimit.status).toBe(400);
    const badEnum = await h.api('POST', '/policy/entities/prevention-actions/v1', { query: { action_name: 'explode' }, body: { ids: ['x'] } });
    expect(badEnum.status).toBe(400);
    expect(badEnum.json.errors[0].message).toContain("Invalid value for 'action_name'");
    const noBody = await h.api('POST', '/policy/entities/prevention-precedence/v1', { body: { ids: ['a'] } });
    expect(noBody.status).toBe(400);
    expect(noBody.json.errors[0].message).toBe("The request body must have 'platform_name'.");
  });

  it('creates with the documented 201 and echoes what was sent; DELETE answers with the ids', async () => {
    const created = await h.api('POST', '/policy/entities/prevention/v1', {
      body: { resources: [{ name: 'Kiosk lockdown', description: 'no USB', platform_name: 'Windows' }] },
    });
    expect(created.status).toBe(201);
    expect(created.json.resources).toHaveLength(1);
    expect(created.json.resources[0]).toMatchObject({ name: 'Kiosk lockdown', description: 'no USB', platform_name: 'Windows' });
    expect(created.json.resources[0].id).toMatch(/^[0-9a-f]{32}$/);
    expect(created.json.meta.writes).toEqual({ resources_affected: 1 });
    const q = await h.api('GET', '/policy/queries/prevention/v1', { query: { limit: 2 } });
    const updated = await h.api('PATCH', '/policy/entities/prevention/v1', { body: { resources: [{ id: q.json.resources[0], name: 'Renamed' }] } });
    expect(updated.status).toBe(200);
    expect(updated.json.resources[0]).toMatchObject({ id: q.json.resources[0], name: 'Renamed' });
    const deleted = await h.api('DELETE', '/policy/entities/prevention/v1', { query: { ids: q.json.resources } });
    expect(deleted.status).toBe(200);
    expect(deleted.json.resources).toEqual(q.json.resources);
  });

  it('serves templated paths and names the methods a known path takes', async () => {
    const kernels = await h.api('GET', '/policy/queries/sensor-update-kernels/vendor/v1');
    expect(kernels.status).toBe(200);
    expect(kernels.json.resources.length).toBeGreaterThan(0);
    // A download answers bytes, not JSON.
    const download = await fetch(new URL('/customobjects/v1/collections/inventory/objects/asset-7', h.sim.url), {
      headers: { Authorization: `Bearer ${await h.token()}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const wrong = await h.api('PUT', '/policy/queries/prevention/v1');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('keeps the scope check: the read-only client cannot write', async () => {
    const token = await h.token('readOnly');
    const res = await h.api('POST', '/policy/entities/prevention/v1', { token, body: { resources: [{ name: 'x', platform_name: 'Windows' }] } });
    expect(res.status).toBe(403);
  });
});
