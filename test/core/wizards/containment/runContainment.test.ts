import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initialContainmentState, reduceContainment } from '../../../../src/core/wizards/containment/machine.js';
import { runContainment, type ContainmentIo } from '../../../../src/core/wizards/containment/runContainment.js';
import type { ContainmentDeps } from '../../../../src/core/wizards/containment/effects.js';
import type { ConfirmPrompt, ContainmentState } from '../../../../src/core/wizards/containment/types.js';
import { readAuditLog } from '../../../../src/core/audit/auditLog.js';
import { NetworkError } from '../../../../src/core/http/networkError.js';
import type { ApiCaller } from '../../../../src/core/http/types.js';
import { tempHome, modeOf } from '../../../helpers/tempHome.js';
import { hostsIn, rig, virtualClock, type Rig } from '../rig.js';

let r: Rig;
/** Normal hosts at the start, so that each test takes its own. */
let pool: ReturnType<typeof hostsIn>;
beforeAll(async () => {
  r = await rig({ containmentDelayMs: 100 });
  pool = hostsIn(r.sim, 'normal');
});
afterAll(() => r.close());

function deps(caller: ApiCaller = r.client()): ContainmentDeps & { path: string } {
  const path = join(tempHome().home, 'data', 'audit.jsonl');
  return { caller, path, audit: { path, context: { profile: 'demo', clientId: r.sim.clients.demo.id, baseUrl: r.sim.url } } };
}

/** Answers every question as a person would, and remembers the prompts. */
function person(pick: (ids: string[]) => string[] = (ids) => ids.slice(0, 1)): ContainmentIo & { prompts: ConfirmPrompt[]; reviewed: ContainmentState[] } {
  const prompts: ConfirmPrompt[] = [];
  const reviewed: ContainmentState[] = [];
  return {
    prompts,
    reviewed,
    choose: async (choice) => pick(choice.hosts.map((h) => h.deviceId)),
    review: (state) => (reviewed.push(state), true),
    confirm: async (prompt) => (prompts.push(prompt), prompt.expected),
  };
}

describe('runContainment (the command-line driver)', () => {
  it('resolves, asks to pick among a reused hostname, confirms, contains, watches, and records the run', async () => {
    const [a, b, c] = pool;
    r.sim.tenant.hosts.get(b!.device_id)!.hostname = a!.hostname;
    const d = deps();
    const io = person((ids) => ids.filter((id) => id === b!.device_id));
    const start = initialContainmentState({ text: `${a!.hostname}\n${c!.hostname}\nghost-host`, options: { pollIntervalMs: 50 } });
    const final = await runContainment(start, d, io);
    expect(final.step).toBe('done');
    expect(io.prompts).toEqual([{ expected: '2', hint: 'Type 2 to contain these 2 hosts.', count: 2 }]);
    expect(io.reviewed[0]!.review!.rows.map((row) => row.host.deviceId)).toEqual([b!.device_id, c!.device_id]);
    expect(final.results.map((x) => [x.deviceId, x.outcome])).toEqual([
      [b!.device_id, 'reached'],
      [c!.device_id, 'reached'],
      [undefined, 'not-found'],
    ]);
    expect(r.sim.tenant.hosts.get(a!.device_id)!.status).toBe('normal');
    expect(final.audit).toEqual({ state: 'written', path: d.path });
    const { entries } = readAuditLog(d.path);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ profile: 'demo', action: 'contain', ok: false, clientId: r.sim.clients.demo.id });
    expect(entries[0]!.hosts.map((h) => [h.hostname, h.result])).toEqual([[a!.hostname, 'reached'], [c!.hostname, 'reached'], [null, 'not-found']]);
    expect(entries[0]!.hosts[0]!.traceIds[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(modeOf(statSync(d.path).mode)).toBe(0o600);
    const text = readFileSync(d.path, 'utf8');
    expect(text).not.toContain(r.sim.clients.demo.secret);
  });

  it('a failed step ends the run in error with the state kept; retry carries on from there', async () => {
    const host = pool[10]!;
    let failNext = true;
    const flaky: ApiCaller = {
      request: (req) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new NetworkError('The connection to the API was reset.', 'reset', 'ECONNRESET'));
        }
        return r.client().request(req);
      },
    };
    const d = deps(flaky);
    const failed = await runContainment(initialContainmentState({ text: host.hostname, options: { wait: false } }), d, person());
    expect(failed).toMatchObject({ step: 'error', targets: [host.hostname], failure: { step: 'resolving', exitCode: 4, message: 'The connection to the API was reset.' } });
    const final = await runContainment(reduceContainment(failed, { type: 'retry' }), d, person());
    expect(final.results).toEqual([expect.objectContaining({ deviceId: host.device_id, outcome: 'submitted' })]);
  });

  it('a refusal at the confirmation sends nothing', async () => {
    const host = pool[11]!;
    const io = { ...person(), confirm: async () => 'not it' };
    await expect(runContainment(initialContainmentState({ text: host.hostname }), deps(), io)).rejects.toThrow(/does not match/);
    expect(r.sim.tenant.hosts.get(host.device_id)!.status).toBe('normal');
  });

  it('an abort during the watch stops it; the results say still pending and the run is recorded', async () => {
    const clock = virtualClock();
    const slow = await rig({ containmentDelayMs: 10 * 60_000, now: clock.now });
    try {
      const host = hostsIn(slow.sim, 'normal')[0]!;
      const d = { ...deps(slow.client()), clock };
      const ac = new AbortController();
      const io = { ...person(), onChange: (s: ContainmentState) => void (s.watch?.polls === 2 && ac.abort()) };
      const final = await runContainment(initialContainmentState({ text: host.device_id }), d, io, { signal: ac.signal });
      expect(final.results).toEqual([expect.objectContaining({ outcome: 'stopped', status: 'containment_pending', message: 'still containment_pending when the watch was stopped' })]);
      expect(readAuditLog(d.path).entries[0]!.hosts[0]!.result).toBe('stopped');
    } finally {
      await slow.close();
    }
  });
});
