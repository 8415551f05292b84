import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyIndicator } from '../../../../src/core/wizards/hashSearch/indicator.js';
import { fetchProcesses, findDeviceIds, searchIndicator, type HashSearchResult } from '../../../../src/core/wizards/hashSearch/services.js';
import { csvField, resultToCsv, resultToJsonValue } from '../../../../src/core/wizards/hashSearch/export.js';
import { hashEffectKey, initialHashSearchState, nextHashEffect, reduceHashSearch, type HashSearchEvent, type HashSearchState } from '../../../../src/core/wizards/hashSearch/machine.js';
import { runHashEffect } from '../../../../src/core/wizards/hashSearch/effects.js';
import { containmentFromHashSearch } from '../../../../src/core/wizards/hashSearch/handoff.js';
import { nextEffect } from '../../../../src/core/wizards/containment/machine.js';
import { runEffect } from '../../../../src/core/wizards/containment/effects.js';
import type { ContainmentState } from '../../../../src/core/wizards/containment/types.js';
import { reduceContainment } from '../../../../src/core/wizards/containment/machine.js';
import { rig, type Rig } from '../rig.js';

const SHA = 'ab'.repeat(32);

describe('classifying the value', () => {
  it('recognises hashes by length and characters, and addresses and domains', () => {
    expect(classifyIndicator(` ${SHA.toUpperCase()} `)).toEqual({ ok: true, indicator: { type: 'sha256', value: SHA } });
    expect(classifyIndicator('0685B721E4D3EDCCE4DA581739F249C4')).toEqual({ ok: true, indicator: { type: 'md5', value: '0685b721e4d3edcce4da581739f249c4' } });
    expect(classifyIndicator('10.1.2.3')).toEqual({ ok: true, indicator: { type: 'ipv4', value: '10.1.2.3' } });
    expect(classifyIndicator('[2001:DB8::1]')).toEqual({ ok: true, indicator: { type: 'ipv6', value: '2001:db8::1' } });
    expect(classifyIndicator('Update-Check.example-cdn.net.')).toEqual({ ok: true, indicator: { type: 'domain', value: 'update-check.example-cdn.net' } });
  });
  it('anything else gets one clear sentence', () => {
    const sha1 = classifyIndicator('a'.repeat(40));
    expect(sha1).toEqual({ ok: false, message: expect.stringMatching(/^'a{40}' looks like a hash but has 40 hexadecimal characters: a sha256 has 64 and an md5 32/) });
    for (const bad of ['x'.repeat(64), 'hello world', '999.1.1.1', 'localhost', '']) {
      const c = classifyIndicator(bad);
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.message.split('. ').length).toBe(1);
    }
  });
});

describe('hash search services against the simulator', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig();
  });
  afterAll(() => r.close());

  it('finds every host that saw a sample sha256, with details and processes', async () => {
    const value = r.sim.samples.sha256[0]!;
    const expected = new Set(r.sim.tenant.sightings.filter((s) => s.type === 'sha256' && s.value === value).map((s) => s.device_id));
    expect(expected.size).toBeGreaterThan(1);
    const result = await searchIndicator(r.client(), { type: 'sha256', value }, { processes: true });
    expect(new Set(result.hosts.map((h) => h.deviceId))).toEqual(expected);
    expect(result.hosts.map((h) => h.lastSeen)).toEqual(result.hosts.map((h) => h.lastSeen).sort().reverse());
    for (const h of result.hosts) {
      expect(h.hostname).toBe(r.sim.tenant.hosts.get(h.deviceId)!.hostname);
      const rows = result.processes![h.deviceId]!;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]).toMatchObject({ processId: expect.stringContaining(h.deviceId), fileName: expect.any(String), commandLine: expect.any(String) });
    }
  });

  it('seen nowhere is zero hosts, not an error (the lookups answer 404)', async () => {
    expect(await findDeviceIds(r.client(), { type: 'sha256', value: SHA })).toEqual([]);
    expect(await searchIndicator(r.client(), { type: 'sha256', value: SHA })).toEqual({ indicator: { type: 'sha256', value: SHA }, hosts: [], unknownDeviceIds: [] });
    expect(await fetchProcesses(r.client(), { type: 'sha256', value: SHA }, 'a'.repeat(32))).toEqual([]);
  });

  it('searches md5 and domain samples too', async () => {
    const md5 = await searchIndicator(r.client(), { type: 'md5', value: r.sim.samples.md5[0]! });
    expect(md5.hosts.length).toBeGreaterThan(1);
    const domain = await searchIndicator(r.client(), { type: 'domain', value: r.sim.samples.domains[0]! });
    expect(domain.hosts.length).toBeGreaterThan(0);
  });
});

describe('export', () => {
  const result: HashSearchResult = {
    indicator: { type: 'sha256', value: SHA },
    hosts: [{ deviceId: 'a'.repeat(32), hostname: 'WS-1', platform: 'Windows', osVersion: 'Windows 11', lastSeen: '2026-05-01T08:09:10Z', localIp: '10.0.0.1', externalIp: '203.0.113.1', status: 'normal', online: 'online' }],
    unknownDeviceIds: [],
    processes: { ['a'.repeat(32)]: [{ processId: 'pid:1', processIdLocal: '1', fileName: 'evil, "really".exe', commandLine: 'evil.exe\r\n/x', startTimestamp: '2026-05-01T08:00:00Z', stopTimestamp: '' }] },
  };
  it('quotes CSV fields as RFC 4180 says, with CRLF line ends', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const csv = resultToCsv(result);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('hostname,device_id,platform,os_version,last_seen,containment_status,local_ip,external_ip,online,process_id,process_id_local,file_name,command_line,start_timestamp,stop_timestamp');
    expect(csv).toContain(',"evil, ""really"".exe","evil.exe\r\n/x",2026-05-01T08:00:00Z,\r\n');
    expect(resultToCsv({ ...result, processes: undefined }).split('\r\n')).toHaveLength(3);
  });
  it('JSON has the indicator, the count and the hosts with their processes', () => {
    const json = resultToJsonValue(result);
    expect(json).toMatchObject({ indicator: result.indicator, hostCount: 1, hosts: [{ hostname: 'WS-1', processes: [{ processId: 'pid:1' }] }] });
  });
});

describe('hash search machine', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ containmentDelayMs: 50 });
  });
  afterAll(() => r.close());

  /** Runs effects until none is left, as the shell's effect hook would. */
  async function settle(state: HashSearchState): Promise<HashSearchState> {
    let s = state;
    for (let e = nextHashEffect(s); e; e = nextHashEffect(s)) await runHashEffect(e, r.client(), (ev: HashSearchEvent) => void (s = reduceHashSearch(s, ev)));
    return s;
  }

  it('a malformed value stays in the input with one sentence', () => {
    const s = reduceHashSearch(reduceHashSearch(initialHashSearchState(), { type: 'setText', text: 'nope' }), { type: 'submit' });
    expect(s.step).toBe('input');
    expect(s.inputError).toMatch(/^'nope' is not something the indicator search accepts/);
  });

  it('search, drill down into processes, select, back, and hand the hosts to containment', async () => {
    let s = reduceHashSearch(initialHashSearchState(r.sim.samples.sha256[1]), { type: 'submit' });
    expect(s.step).toBe('searching');
    expect(hashEffectKey(nextHashEffect(s))).toBe(`search:${s.run}:`);
    s = await settle(s);
    expect(s.step).toBe('results');
    const ids = s.result!.hosts.map((h) => h.deviceId);
    expect(ids.length).toBeGreaterThan(1);
    expect(s.selected).toEqual(ids);
    s = reduceHashSearch(s, { type: 'openHost', deviceId: ids[0]! });
    expect(s.processes[ids[0]!]).toMatchObject({ state: 'loading' });
    s = await settle(s);
    expect(s.processes[ids[0]!]).toMatchObject({ state: 'loaded', rows: [expect.objectContaining({ processId: expect.any(String) })] });
    s = reduceHashSearch(s, { type: 'back' });
    expect(s).toMatchObject({ step: 'results', open: undefined });
    s = reduceHashSearch(s, { type: 'toggleHost', deviceId: ids[0]! });
    expect(s.selected).toEqual(ids.slice(1));

    // The hand-off: the containment wizard starts resolving those hosts, with the selection kept.
    let c: ContainmentState = containmentFromHashSearch(s.result!, s.selected, { pollIntervalMs: 20 });
    expect(c).toMatchObject({ step: 'resolving', action: 'contain', targets: ids, preselect: ids.slice(1) });
    for (let e = nextEffect(c); e && c.step === 'resolving'; e = nextEffect(c)) await runEffect(e, { caller: r.client() }, (ev) => void (c = reduceContainment(c, ev)));
    expect(c.step).toBe('review');
    expect(c.review!.rows.map((row) => [row.host.deviceId, row.selected])).toEqual(ids.map((id, i) => [id, i > 0]));

    s = reduceHashSearch(s, { type: 'back' });
    expect(s).toMatchObject({ step: 'input', text: r.sim.samples.sha256[1] });
  });

  it('a failed search keeps the value: retry searches again, back edits it', async () => {
    let s = reduceHashSearch(initialHashSearchState(SHA), { type: 'submit' });
    const failing = { request: () => Promise.reject(new Error('boom')) };
    await runHashEffect(nextHashEffect(s)!, failing, (ev) => void (s = reduceHashSearch(s, ev)));
    expect(s).toMatchObject({ step: 'error', failure: { step: 'searching', message: 'boom' }, indicator: { value: SHA } });
    const retried = reduceHashSearch(s, { type: 'retry' });
    expect(retried.step).toBe('searching');
    const done = await settle(retried);
    expect(done).toMatchObject({ step: 'results', result: { hosts: [] } });
    expect(reduceHashSearch(s, { type: 'back' })).toMatchObject({ step: 'input', text: SHA });
  });
});
