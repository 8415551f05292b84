import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTargets, submitActions, watchStatus, type WatchUpdate } from '../../../../src/core/wizards/containment/services.js';
import { fetchHosts } from '../../../../src/core/wizards/hostRecords.js';
import { hostsIn, recording, rig, virtualClock, type Rig } from '../rig.js';

describe('containment services against the simulator', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ hosts: 700, containmentDelayMs: 200 });
  });
  afterAll(() => r.close());

  it('resolves zero, one and several matches (a reused hostname), and device ids', async () => {
    const [a, b, c] = hostsIn(r.sim, 'normal');
    // Two hosts now share a hostname.
    r.sim.tenant.hosts.get(b!.device_id)!.hostname = a!.hostname;
    const unknownId = 'f'.repeat(32);
    const res = await resolveTargets(r.client(), [a!.hostname, c!.hostname, 'no-such-host', c!.hostname.toLowerCase(), c!.device_id.toUpperCase(), unknownId]);
    expect(res.map((x) => [x.input, x.kind, x.hosts.length])).toEqual([
      [a!.hostname, 'hostname', 2],
      [c!.hostname, 'hostname', 1],
      ['no-such-host', 'hostname', 0],
      // exact match: another case finds nothing
      [c!.hostname.toLowerCase(), 'hostname', 0],
      [c!.device_id.toUpperCase(), 'deviceId', 1],
      [unknownId, 'deviceId', 0],
    ]);
    const pair = res[0]!.hosts.map((h) => h.deviceId).sort();
    expect(pair).toEqual([a!.device_id, b!.device_id].sort());
    const one = res[1]!.hosts[0]!;
    expect(one).toMatchObject({ deviceId: c!.device_id, hostname: c!.hostname, platform: c!.platform_name, status: 'normal', localIp: c!.local_ip, externalIp: c!.external_ip, lastSeen: c!.last_seen });
    expect(['online', 'offline', 'unknown']).toContain(one.online);
  });

  it('a hostname with a quote is escaped, not an FQL error', async () => {
    const res = await resolveTargets(r.client(), ["o'brien-pc"]);
    expect(res[0]!.hosts).toEqual([]);
  });

  it('sends more than 500 ids in two action calls, all accepted; unknown ids are rejected per id', async () => {
    const ids = hostsIn(r.sim, 'normal').slice(0, 520).map((h) => h.device_id);
    const unknown = '0'.repeat(31) + '1';
    const { caller, calls } = recording(r.client());
    const progress: [number, number][] = [];
    const outcomes = await submitActions(caller, { action: 'contain', deviceIds: [...ids, unknown], onProgress: (s, t) => progress.push([s, t]) });
    const actionCalls = calls.filter((c) => c.path === '/devices/entities/devices-actions/v2');
    expect(actionCalls.map((c) => ((c.body as { json: { ids: string[] } }).json.ids.length))).toEqual([500, 21]);
    expect(actionCalls[0]!.query).toEqual([['action_name', 'contain']]);
    expect(progress).toEqual([[500, 521], [521, 521]]);
    expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(520);
    expect(outcomes.at(-1)).toMatchObject({ deviceId: unknown, kind: 'rejected', code: 404, message: `Device not found: ${unknown}` });
    expect(outcomes[0]!.traceId).toMatch(/^[0-9a-f-]{36}$/);
    for (const id of ids) expect(['containment_pending', 'contained']).toContain(r.sim.tenant.hosts.get(id)!.status);
  });

  it('a read-only client gets a 403 per host naming the scope devices:write', async () => {
    const id = hostsIn(r.sim, 'normal')[0]!.device_id;
    const outcomes = await submitActions(r.client('readOnly'), { action: 'contain', deviceIds: [id] });
    expect(outcomes).toEqual([expect.objectContaining({ deviceId: id, kind: 'forbidden', code: 403 })]);
    expect(outcomes[0]!.message).toContain('lacks the scope devices:write');
    expect(r.sim.tenant.hosts.get(id)!.status).toBe('normal');
  });

  it('a conflicting action is rejected per id (409)', async () => {
    const id = hostsIn(r.sim, 'normal')[0]!.device_id;
    await submitActions(r.client(), { action: 'contain', deviceIds: [id] });
    const outcomes = await submitActions(r.client(), { action: 'lift', deviceIds: [id] });
    expect(outcomes[0]).toMatchObject({ kind: 'rejected', code: 409, message: expect.stringContaining('containment in progress') });
  });

  it('watches until contained, then lifts and watches until normal', async () => {
    const ids = hostsIn(r.sim, 'normal').slice(0, 3).map((h) => h.device_id);
    await submitActions(r.client(), { action: 'contain', deviceIds: ids });
    const updates: WatchUpdate[] = [];
    const watched = await watchStatus(r.client(), { action: 'contain', deviceIds: ids, timeoutMs: 10_000, pollIntervalMs: 50, onPoll: (u) => updates.push(u) });
    expect(watched.timedOut).toBe(false);
    expect(watched.reached.sort()).toEqual([...ids].sort());
    expect(updates.some((u) => Object.values(u.statuses).includes('containment_pending'))).toBe(true);
    await submitActions(r.client(), { action: 'lift', deviceIds: ids });
    expect(r.sim.tenant.hosts.get(ids[0]!)!.status).toBe('lift_containment_pending');
    const lifted = await watchStatus(r.client(), { action: 'lift', deviceIds: ids, timeoutMs: 10_000, pollIntervalMs: 50 });
    expect(lifted).toMatchObject({ timedOut: false, statuses: Object.fromEntries(ids.map((id) => [id, 'normal'])) });
  });

  it('fetches details of unknown ids as unknown, not as a failure', async () => {
    const got = await fetchHosts(r.client(), ['a'.repeat(32)]);
    expect(got).toEqual({ hosts: [], unknown: ['a'.repeat(32)] });
  });

  // The online states are asked for all the ids at once, beside the details: an unknown id among them costs the others nothing.
  it('gives the known hosts their online state when an unknown id is asked for with them', async () => {
    const [a, b] = hostsIn(r.sim, 'normal');
    const got = await fetchHosts(r.client(), [a!.device_id, 'b'.repeat(32), b!.device_id]);
    expect(got.unknown).toEqual(['b'.repeat(32)]);
    expect(got.hosts.map((h) => h.deviceId)).toEqual([a!.device_id, b!.device_id]);
    for (const host of got.hosts) expect(['online', 'offline', 'unknown']).toContain(host.online);
  });
});

describe('the watch, on a virtual clock', () => {
  it('times out at the deadline with the hosts still pending, polling less often as it goes', async () => {
    const clock = virtualClock();
    const r = await rig({ containmentDelayMs: 10 * 60_000, now: clock.now });
    try {
      const id = hostsIn(r.sim, 'normal')[0]!.device_id;
      await submitActions(r.client(), { action: 'contain', deviceIds: [id] });
      let polls = 0;
      const res = await watchStatus(r.client(), { action: 'contain', deviceIds: [id], timeoutMs: 120_000, pollIntervalMs: 1000, clock, onPoll: () => polls++ });
      expect(res).toEqual({ statuses: { [id]: 'containment_pending' }, reached: [], timedOut: true });
      // 1 s growing by half up to 5 s: about 30 polls in two minutes, not 120.
      expect(polls).toBeGreaterThan(20);
      expect(polls).toBeLessThan(35);
    } finally {
      await r.close();
    }
  });

  it('a failed poll (5xx after retries) is reported and polling goes on until the hosts are contained', async () => {
    const clock = virtualClock();
    const r = await rig({ containmentDelayMs: 30_000, now: clock.now, faults: '503=0.5,seed=4,path=/devices/entities/devices/v2' });
    try {
      const ids = hostsIn(r.sim, 'normal').slice(0, 4).map((h) => h.device_id);
      await submitActions(r.client(), { action: 'contain', deviceIds: ids });
      const updates: WatchUpdate[] = [];
      // No retries in the core: every injected 503 reaches the watch.
      const res = await watchStatus(r.client('demo', { maxRetries: 0 }), { action: 'contain', deviceIds: ids, timeoutMs: 120_000, pollIntervalMs: 1000, clock, onPoll: (u) => updates.push(u) });
      expect(res.timedOut).toBe(false);
      expect(res.reached.sort()).toEqual([...ids].sort());
      const failed = updates.filter((u) => u.error);
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]!.error).toMatch(/The Falcon API failed \(503\)/);
      expect(updates.filter((u) => !u.error).length).toBeGreaterThan(0);
    } finally {
      await r.close();
    }
  });

  it('an abort ends the watch at once', async () => {
    const clock = virtualClock();
    const r = await rig({ containmentDelayMs: 10 * 60_000, now: clock.now });
    try {
      const id = hostsIn(r.sim, 'normal')[0]!.device_id;
      const ac = new AbortController();
      const watching = watchStatus(r.client(), { action: 'contain', deviceIds: [id], timeoutMs: 120_000, pollIntervalMs: 1000, clock, signal: ac.signal, onPoll: () => ac.abort() });
      await expect(watching).rejects.toThrow();
    } finally {
      await r.close();
    }
  });
});
