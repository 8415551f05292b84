// The containment wizard and the door, against the simulator: the wizard's
// typed confirmation answers the door for exactly the hosts it reviewed (and
// nothing else), and a read-only profile's refusal holds even when the
// wizard answers yes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRequest, reviewedActions, submitActions } from '../../../src/core/wizards/containment/services.js';
import { GuardedClient, refuseUnconfirmed, type ConfirmRequest } from '../../../src/core/request/guardedClient.js';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { NotSentError } from '../../../src/core/request/notSent.js';
import { runEffect } from '../../../src/core/wizards/containment/effects.js';
import type { ContainmentEvent } from '../../../src/core/wizards/containment/types.js';
import { hostsIn, rig, type Rig } from './rig.js';

let r: Rig;
beforeAll(async () => {
  r = await rig({ containmentDelayMs: 200 });
});
afterAll(() => r.close());

function door(readOnly: boolean): GuardedClient {
  return new GuardedClient({
    client: r.client(),
    profile: { name: readOnly ? 'careful' : 'open', readOnly },
    catalog: async () => bundledCatalog(),
    baseUrl: async () => r.sim.url,
    confirm: refuseUnconfirmed,
  });
}

const ask = (request: ConfirmRequest['request']): ConfirmRequest => ({ title: '', lines: [], request, effect: { writes: true, because: '' } });

describe('the wizard answers the door for what it reviewed', () => {
  it('yes for the reviewed action on reviewed ids only', async () => {
    const [a, b, c] = hostsIn(r.sim, 'normal').map((h) => h.device_id);
    const reviewed = reviewedActions('contain', [a!, b!]);
    expect(await reviewed(ask(actionRequest('contain', [a!])))).toBe(true);
    expect(await reviewed(ask(actionRequest('contain', [a!.toUpperCase(), b!])))).toBe(true);
    expect(await reviewed(ask(actionRequest('contain', [a!, c!])))).toBe(false);
    expect(await reviewed(ask(actionRequest('lift', [a!])))).toBe(false);
    expect(await reviewed(ask(actionRequest('contain', [])))).toBe(false);
    expect(await reviewed(ask({ ...actionRequest('contain', [a!]), path: '/devices/entities/devices-actions/v1' }))).toBe(false);
    expect(await reviewed(ask({ ...actionRequest('contain', [a!]), query: [['action_name', 'hide_host']] }))).toBe(false);
  });

  it('an open profile: the reviewed batch is sent without the connection being asked', async () => {
    const [host] = hostsIn(r.sim, 'normal');
    const outcomes = await submitActions(door(false), { action: 'contain', deviceIds: [host!.device_id], confirm: reviewedActions('contain', [host!.device_id]) });
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted']);
  });

  it('without the wizard’s answer the door refuses to send it (no one to ask)', async () => {
    const [host] = hostsIn(r.sim, 'normal');
    await expect(submitActions(door(false), { action: 'contain', deviceIds: [host!.device_id] })).rejects.toThrow(/nothing here can ask for a confirmation/);
    expect(r.sim.tenant.hosts.get(host!.device_id)?.status).toBe('normal');
  });

  it('a read-only profile is refused even when the wizard answers yes, and even past the early check', async () => {
    const [host] = hostsIn(r.sim, 'normal');
    const id = host!.device_id;
    const e = await submitActions(door(true), { action: 'contain', deviceIds: [id], confirm: async () => true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotSentError);
    expect((e as NotSentError).reason).toBe('refused');
    // The submit effect, as the wizard runs it after a typed confirmation: a failure, nothing sent.
    const events: ContainmentEvent[] = [];
    await runEffect({ kind: 'submit', run: 1, action: 'contain', deviceIds: [id] }, { caller: door(true) }, (ev) => events.push(ev));
    expect(events.at(-1)).toMatchObject({ type: 'failed', failure: { step: 'submitting', message: expect.stringMatching(/^Refused by the read-only profile 'careful'/) } });
    expect(r.sim.tenant.hosts.get(id)?.status).toBe('normal');
  });

  it('the resolve step asks the policy first: a read-only profile fails there, before any lookup', async () => {
    const events: ContainmentEvent[] = [];
    await runEffect({ kind: 'resolve', run: 1, action: 'lift', targets: ['any-host'] }, { caller: door(true) }, (ev) => events.push(ev));
    expect(events).toMatchObject([{ type: 'failed', failure: { step: 'resolving', exitCode: 2 } }]);
  });
});
