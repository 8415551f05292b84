import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

describe('incidents, behaviors and CrowdScore', () => {
  let h: SimHarness;
  beforeAll(async () => {
    // Seed 2 has an open incident of several alerts (the default seed's 500 hosts have single-alert incidents only).
    h = await startHarness({ seed: 2 });
  });
  afterAll(() => h.close());

  it('pages behaviors by offset, each once, every one an alert of its incident host', async () => {
    const seen: string[] = [];
    for (let offset = 0; ; ) {
      const r = await h.api('GET', '/incidents/queries/behaviors/v1', { query: { limit: 50, offset, sort: 'timestamp|asc' } });
      expect(r.status).toBe(200);
      expect(r.json.meta.pagination).toMatchObject({ offset, limit: 50, total: h.sim.tenant.behaviors.size });
      seen.push(...r.json.resources);
      offset += r.json.resources.length;
      if (r.json.resources.length === 0 || offset >= r.json.meta.pagination.total) break;
    }
    expect(new Set(seen).size).toBe(h.sim.tenant.behaviors.size);
    for (const b of h.sim.tenant.behaviors.values()) {
      const alert = h.sim.tenant.alerts.get(b.alert_ids[0] as string);
      expect(alert?.agent_id).toBe(b.aid);
      expect(h.sim.tenant.incidents.get(b.incident_id)?.host_ids).toEqual([b.aid]);
    }
  });

  it('filters and sorts incidents with either sort syntax, and rejects an unknown property', async () => {
    for (const sort of ['fine_score.desc', 'fine_score|desc']) {
      const r = await h.api('GET', '/incidents/queries/incidents/v1', { query: { filter: "state:'open'+fine_score:>=50", sort, limit: 500 } });
      const want = [...h.sim.tenant.incidents.values()].filter((i) => i.state === 'open' && i.fine_score >= 50);
      expect(r.json.resources).toHaveLength(want.length);
      const scores = r.json.resources.map((id: string) => h.sim.tenant.incidents.get(id)?.fine_score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    const bad = await h.api('GET', '/incidents/queries/incidents/v1', { query: { filter: "colour:'red'" } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].message).toContain("'colour' is an unknown property");
    const tooMany = await h.api('GET', '/incidents/queries/incidents/v1', { query: { limit: 501 } });
    expect(tooMany.status).toBe(400);
  });

  it('reports unknown ids per id, and 404 when none is known', async () => {
    const known = [...h.sim.tenant.incidents.keys()][0] as string;
    const mixed = await h.api('POST', '/incidents/entities/incidents/GET/v1', { body: { ids: [known, 'inc:nope'] } });
    expect(mixed.status).toBe(200);
    expect(mixed.json.resources.map((i: { incident_id: string }) => i.incident_id)).toEqual([known]);
    expect(mixed.json.errors).toEqual([{ code: 404, message: 'Incident not found: inc:nope', id: 'inc:nope' }]);
    const none = await h.api('POST', '/incidents/entities/behaviors/GET/v1', { body: { ids: ['ind:nope'] } });
    expect(none.status).toBe(404);
  });

  it('closes an incident and, with update_detects, its new alerts; overwrite_detects takes the rest', async () => {
    const alertsOfIncident = (id: string | undefined) => [...h.sim.tenant.behaviors.values()].filter((b) => b.incident_id === id)
      .map((b) => h.sim.tenant.alerts.get(b.alert_ids[0] as string));
    // An open incident with new alerts and at least one other: triaged here if the seeded data has none already.
    const incident = [...h.sim.tenant.incidents.values()].find((i) => {
      const statuses = alertsOfIncident(i.incident_id).map((a) => a?.status);
      return i.state === 'open' && statuses.filter((s) => s === 'new').length >= 1 && statuses.length >= 2;
    });
    expect(incident).toBeDefined();
    if (alertsOfIncident(incident?.incident_id).every((a) => a?.status === 'new')) {
      h.sim.changeTenant(() => {
        const last = alertsOfIncident(incident?.incident_id).at(-1);
        if (last) last.status = 'in_progress';
      });
    }
    const alertsOf = () => alertsOfIncident(incident?.incident_id);
    const before = alertsOf().map((a) => a?.status);
    const body = { ids: [incident?.incident_id], action_parameters: [{ name: 'update_status', value: '40' }] };
    const r = await h.api('POST', '/incidents/entities/incident-actions/v1', { query: { update_detects: true }, body });
    expect(r.status).toBe(200);
    expect(r.json.meta.writes.resources_affected).toBe(1);
    expect(r.json.resources[0].detections_updated).toHaveLength(before.filter((s) => s === 'new').length);
    expect(alertsOf().map((a) => a?.status)).toEqual(before.map((s) => (s === 'new' ? 'closed' : s)));
    const listed = await h.api('GET', '/incidents/queries/incidents/v1', { query: { filter: `incident_id:'${incident?.incident_id}'+state:'closed'` } });
    expect(listed.json.resources).toEqual([incident?.incident_id]);
    await h.api('POST', '/incidents/entities/incident-actions/v1', { query: { update_detects: true, overwrite_detects: true }, body });
    expect(alertsOf().every((a) => a?.status === 'closed')).toBe(true);
    const bad = await h.api('POST', '/incidents/entities/incident-actions/v1', { body: { ...body, action_parameters: [{ name: 'update_status', value: 'done' }] } });
    expect(bad.status).toBe(400);
  });

  it('serves hourly CrowdScore, newest first, limit up to 2500', async () => {
    const r = await h.api('GET', '/incidents/combined/crowdscores/v1', { query: { limit: 2500 } });
    expect(r.status).toBe(200);
    expect(r.json.resources).toHaveLength(h.sim.tenant.crowdScores.length);
    const times = r.json.resources.map((s: { timestamp: string }) => s.timestamp);
    expect(times).toEqual([...times].sort().reverse());
    expect(r.json.resources.every((s: { score: number }) => s.score >= 0 && s.score <= 100)).toBe(true);
    expect(r.json.resources.some((s: { score: number }) => s.score > 0)).toBe(true);
  });
});
