// A read-only profile in the shell, holding the simulator's full-access
// client (so only talon can stop a write): every way the shell sends refuses
// the write with one line naming the operation and its scope, and the tenant
// is unchanged: the composer, a history resend, a saved request, the
// containment wizard (Ctrl+T), the hash-search hand-off (Ctrl+F, then c) and
// fetch-all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { openHistoryStore } from '../../../src/core/history/historyStore.js';
import { makeEntry } from '../../../src/core/history/historyEntry.js';
import { collectionDir, saveRequest } from '../../../src/core/saved/collection.js';
import { savedFromRequest } from '../../../src/core/saved/savedRequest.js';
import { fetchAll } from '../../../src/core/shell/fetchAll.js';
import type { ApiRequest } from '../../../src/core/http/types.js';
import { KEY, press, stripAnsi, waitForText } from '../../helpers/ink.js';
import { CTRL, openShell, typeText as type, type ShellRig } from '../../helpers/shellRig.js';
import { addProfile } from '../../core/request/profiles.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, containmentDelayMs: 150 });
});
afterAll(() => sim.close());

const REFUSED = "Refused by the read-only profile 'careful': performActionV2 needs devices:write";

function careful(before?: (env: NodeJS.ProcessEnv) => void): Promise<ShellRig> {
  const c = sim.clients.demo;
  return openShell(sim, {
    size: { columns: 140, rows: 34 },
    targets: (env) => {
      addProfile(env, { name: 'careful', baseUrl: sim.url, clientId: c.id, clientSecret: c.secret, readOnly: true });
      before?.(env);
      return [{ id: 'p', label: 'careful', flags: { profile: 'careful' } }];
    },
  });
}

const normalHosts = () => [...sim.tenant.hosts.values()].filter((x) => x.status === 'normal');
const containRequest = (id: string): ApiRequest => ({ method: 'POST', path: '/devices/entities/devices-actions/v2', query: [['action_name', 'contain']], body: { json: { ids: [id] } } });

describe('a read-only profile in the shell', () => {
  it('refuses a history resend (Ctrl+S in the history pane)', async () => {
    const host = normalHosts()[10]!;
    const rig = await careful((env) =>
      openHistoryStore(env).append(makeEntry(containRequest(host.device_id), { status: 202, durationMs: 9 }, { profile: 'careful', baseUrl: sim.url })),
    );
    try {
      await press(rig.app, CTRL('r'));
      await waitForText(rig.app, '/devices/entities/devices-actions/v2');
      await press(rig.app, CTRL('s'));
      await waitForText(rig.app, REFUSED, 5000);
      expect(stripAnsi(rig.app.lastFrame() ?? '')).not.toContain('This call changes the tenant');
      expect(sim.tenant.hosts.get(host.device_id)?.status).toBe('normal');
    } finally {
      await rig.close();
    }
  });

  it('refuses a saved request loaded and sent', async () => {
    const host = normalHosts()[11]!;
    const rig = await careful((env) => saveRequest(collectionDir(undefined, env), savedFromRequest('contain-one', containRequest(host.device_id), 'contain one host')));
    try {
      await press(rig.app, CTRL('o'));
      await waitForText(rig.app, 'contain-one');
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, 'action_name');
      await press(rig.app, CTRL('s'));
      await waitForText(rig.app, REFUSED, 5000);
      expect(sim.tenant.hosts.get(host.device_id)?.status).toBe('normal');
    } finally {
      await rig.close();
    }
  });

  it('refuses containment in the wizard (Ctrl+T) before the review', async () => {
    const host = normalHosts()[12]!;
    const rig = await careful();
    try {
      await press(rig.app, CTRL('t'));
      await waitForText(rig.app, 'Contain hosts');
      await type(rig.app, host.hostname);
      await press(rig.app, KEY.enter);
      const frame = stripAnsi(await waitForText(rig.app, REFUSED, 5000));
      expect(frame).not.toContain('selected of');
      expect(sim.tenant.hosts.get(host.device_id)?.status).toBe('normal');
    } finally {
      await rig.close();
    }
  });

  it('refuses the hash-search hand-off (Ctrl+F, then c) before the review', async () => {
    const sha = sim.samples.sha256[0] as string;
    const seen = [...new Set(sim.tenant.sightings.filter((s) => s.value === sha).map((s) => s.device_id))];
    const before = seen.map((id) => sim.tenant.hosts.get(id)?.status);
    const rig = await careful();
    const { app } = rig;
    try {
      await press(app, CTRL('f'));
      await waitForText(app, 'Find every host that saw a file');
      await press(app, sha);
      await press(app, KEY.enter);
      await waitForText(app, `Seen on ${seen.length} host`, 5000);
      await press(app, KEY.enter);
      await press(app, 'c');
      // The hand-off resolves the hosts again, and the door's answer comes first.
      const frame = stripAnsi(await waitForText(app, REFUSED, 5000));
      expect(frame).toContain('Contain hosts');
      expect(frame).not.toContain('selected of');
      expect(seen.map((id) => sim.tenant.hosts.get(id)?.status)).toEqual(before);
    } finally {
      await rig.close();
    }
  });

  it("refuses the shell's fetch-all of a write (its walk goes through the same door)", async () => {
    const host = normalHosts()[13]!;
    const rig = await careful();
    try {
      const updates: { error?: string }[] = [];
      const final = await fetchAll(rig.backend.connection().client, containRequest(host.device_id), {
        signal: new AbortController().signal,
        onUpdate: (u) => updates.push(u),
        directory: rig.home,
      });
      expect(final.error).toMatch(new RegExp(`^${REFUSED.replace(/[()]/g, '\\$&')}`));
      expect(final.items).toBe(0);
      expect(sim.tenant.hosts.get(host.device_id)?.status).toBe('normal');
    } finally {
      await rig.close();
    }
  });
});
