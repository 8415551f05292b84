// The tenant's activity and Spotlight data are generated on first use, in
// stages (alerts first; process records, sightings and incidents later). A
// write that comes first must not leak into them: they are generated before it.
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

describe('lazily generated families', () => {
  const harnesses: SimHarness[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
  });

  it('answers the same alerts and vulnerabilities whether a host was contained before or after they were first read', async () => {
    const first = await startHarness({ hosts: 200, seed: 3 });
    const second = await startHarness({ hosts: 200, seed: 3 });
    harnesses.push(first, second);
    const host = [...first.sim.tenant.hosts.values()].find((h) => h.status === 'normal' && h.hostname === first.sim.samples.hostnames[0]);
    expect(host).toBeDefined();
    const id = host?.device_id as string;
    const alertsOf = async (h: SimHarness) =>
      (await h.api('POST', '/alerts/combined/alerts/v1', { body: { filter: `agent_id:'${id}'`, limit: 1000 } })).json.resources;
    const vulnsOf = async (h: SimHarness) =>
      (await h.api('GET', '/spotlight/combined/vulnerabilities/v1', { query: { filter: `aid:'${id}'`, limit: 400 } })).json.resources;

    // First: read, then contain. Second: contain before anything else was read.
    const alertsBefore = await alertsOf(first);
    const vulnsBefore = await vulnsOf(first);
    for (const h of [first, second]) {
      const act = await h.api('POST', '/devices/entities/devices-actions/v2', { query: { action_name: 'contain' }, body: { ids: [id] } });
      expect(act.status).toBe(202);
    }
    expect(second.sim.tenant.hosts.get(id)?.status).toBe('containment_pending');
    expect(await alertsOf(second)).toEqual(alertsBefore);
    expect(await vulnsOf(second)).toEqual(vulnsBefore);
    expect(alertsBefore.length + vulnsBefore.length).toBeGreaterThan(0);
    expect(alertsBefore.every((a: { device: { status: string } }) => a.device.status === 'normal')).toBe(true);
  });

  it('answers the same incidents whether an alert was closed before or after they were first read, once alerts were read', async () => {
    const first = await startHarness({ hosts: 200, seed: 2 });
    const second = await startHarness({ hosts: 200, seed: 2 });
    harnesses.push(first, second);
    const incidentsOf = async (h: SimHarness) => {
      const ids = (await h.api('GET', '/incidents/queries/incidents/v1', { query: { limit: 500 } })).json.resources;
      return (await h.api('POST', '/incidents/entities/incidents/GET/v1', { body: { ids } })).json.resources;
    };
    // An alert some incident is built from: closing it changes what a later-built incident would say.
    const behaviors = (await first.api('GET', '/incidents/queries/behaviors/v1', { query: { limit: 1 } })).json.resources;
    const alertId = first.sim.tenant.behaviors.get(behaviors[0])?.alert_ids[0] as string;
    expect(alertId).toBeDefined();
    const before = await incidentsOf(first);
    // Second: only the alerts were read before the write.
    const listed = await second.api('POST', '/alerts/combined/alerts/v1', { body: { limit: 1 } });
    expect(listed.status).toBe(200);
    for (const h of [first, second]) {
      const r = await h.api('PATCH', '/alerts/entities/alerts/v3', {
        body: { composite_ids: [alertId], action_parameters: [{ name: 'update_status', value: 'closed' }] },
      });
      expect(r.status).toBe(200);
    }
    expect(second.sim.tenant.alerts.get(alertId)?.status).toBe('closed');
    expect(before.length).toBeGreaterThan(0);
    expect(await incidentsOf(second)).toEqual(before);
  });
});
