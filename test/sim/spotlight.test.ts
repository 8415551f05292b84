import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import type { Vulnerability } from '../../src/sim/tenant/records/vulnerabilities.js';

const QUERY = '/spotlight/queries/vulnerabilities/v1';
const COMBINED = '/spotlight/combined/vulnerabilities/v1';

describe('spotlight', () => {
  let h: SimHarness;
  let vulns: Vulnerability[];
  beforeAll(async () => {
    h = await startHarness();
    vulns = [...h.sim.tenant.vulnerabilities.values()];
  });
  afterAll(() => h.close());

  it('requires a non-empty filter without wildcards', async () => {
    const cases: Record<string, string | number>[] = [{}, { filter: '' }, { filter: '   ' }, { filter: "cve.id:'CVE-2024*'" }, { filter: "status:'open'", limit: 401 }];
    for (const query of cases) {
      const r = await h.api('GET', QUERY, { query });
      expect(r.status, JSON.stringify(query)).toBe(400);
    }
    expect((await h.api('GET', COMBINED, { query: { filter: "status:'open'", limit: 5001 } })).status).toBe(400);
    expect((await h.api('GET', COMBINED, { query: { filter: "status:'open'", limit: 5000 } })).status).toBe(200);
    expect((await h.api('GET', COMBINED, { query: { filter: "status:'open'", facet: 'nope' } })).status).toBe(400);
  });

  it('walks ids with after tokens, each once; the last page has no after', async () => {
    const expected = vulns.filter((v) => v.status === 'open').map((v) => v.id);
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const r = await h.api('GET', QUERY, { query: { filter: "status:'open'", limit: 97, ...(after ? { after } : {}) } });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination).toMatchObject({ limit: 97, total: expected.length });
      seen.push(...r.json.resources);
      after = r.json.meta.pagination.after;
      if (!after) expect('after' in r.json.meta.pagination).toBe(false);
      pages++;
    } while (after && pages < 1000);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('filters on CVE fields and sorts', async () => {
    const r = await h.api('GET', COMBINED, {
      query: { filter: "cve.severity:'CRITICAL'", sort: 'cve.base_score|desc', limit: 5000, facet: 'cve' },
    });
    expect(r.status).toBe(200);
    const got = r.json.resources as Vulnerability[];
    expect(got.map((v) => v.id).sort()).toEqual(vulns.filter((v) => v.cve.severity === 'CRITICAL').map((v) => v.id).sort());
    const scores = got.map((v) => v.cve.base_score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const kev = await h.api('GET', QUERY, { query: { filter: 'cve.is_cisa_kev:true', limit: 400 } });
    expect(kev.json.meta.pagination.total).toBe(vulns.filter((v) => v.cve.cisa_info?.is_cisa_kev === true).length);
    const host = (vulns[0] as Vulnerability).host_info.hostname;
    const byHost = await h.api('GET', QUERY, { query: { filter: `host_info.hostname:'${host}'`, limit: 400 } });
    expect(byHost.json.meta.pagination.total).toBe(vulns.filter((v) => v.host_info.hostname === host).length);
  });

  it('treats last_seen_within as days since the last update', async () => {
    const now = Date.now();
    const r = await h.api('GET', QUERY, { query: { filter: "last_seen_within:'7'+status:!'closed'", limit: 400 } });
    expect(r.status).toBe(200);
    const cutoff = now - 7 * 86_400_000;
    const clearlyIn = vulns.filter((v) => v.status !== 'closed' && Date.parse(v.updated_timestamp) > cutoff + 5000).length;
    const maybeIn = vulns.filter((v) => v.status !== 'closed' && Date.parse(v.updated_timestamp) >= cutoff - 5000).length;
    expect(r.json.meta.pagination.total).toBeGreaterThanOrEqual(clearlyIn);
    expect(r.json.meta.pagination.total).toBeLessThanOrEqual(maybeIn);
    expect((await h.api('GET', QUERY, { query: { filter: "last_seen_within:'soon'" } })).status).toBe(400);
  });

  it('adds sections only for the requested facets', async () => {
    const plain = await h.api('GET', COMBINED, { query: { filter: "status:'open'", limit: 1 } });
    const v = plain.json.resources[0];
    expect(v.host_info).toBeUndefined();
    expect(v.remediation).toBeUndefined();
    expect(v.cve).toEqual({ id: v.vulnerability_id });
    const full = await h.api('GET', COMBINED, { query: { filter: "status:'open'", limit: 1, facet: ['host_info', 'cve', 'remediation', 'evaluation_logic'] } });
    const f = full.json.resources[0];
    expect(f.host_info.hostname).toBeDefined();
    expect(f.cve.base_score).toBeTypeOf('number');
    expect(Array.isArray(f.remediation.entities)).toBe(true);
    expect(f.evaluation_logic).toBeDefined();
  });

  it('returns vulnerabilities and remediations by id', async () => {
    const ids = vulns.slice(0, 3).map((v) => v.id);
    const r = await h.api('GET', '/spotlight/entities/vulnerabilities/v2', { query: { ids: [...ids, 'nope'] } });
    expect(r.status).toBe(200);
    expect(r.json.resources.map((v: Vulnerability) => v.id)).toEqual(ids);
    expect(r.json.errors).toHaveLength(1);
    const tooMany = Array.from({ length: 401 }, (_, i) => `id${i}`);
    expect((await h.api('GET', '/spotlight/entities/vulnerabilities/v2', { query: { ids: tooMany } })).status).toBe(400);
    expect((await h.api('GET', '/spotlight/entities/vulnerabilities/v2')).status).toBe(400);
    const remId = vulns.flatMap((v) => v.remediation.ids)[0] as string;
    const rem = await h.api('GET', '/spotlight/entities/remediations/v2', { query: { ids: remId } });
    expect(rem.status).toBe(200);
    expect(rem.json.resources[0].id).toBe(remId);
  });

  it('is readable with the read-only client', async () => {
    const r = await h.api('GET', QUERY, { query: { filter: "status:'open'" }, token: await h.token('readOnly') });
    expect(r.status).toBe(200);
  });
});
