// Fetch all from the shell (progress, then every item in an NDJSON file),
// and a profile marked read-only refusing an action before it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { ProfileStore } from '../../../src/core/config/profileStore.js';
import { SecretStore } from '../../../src/core/config/secretStore.js';
import { talonPaths } from '../../../src/core/config/paths.js';
import { KEY, press, stripAnsi, waitForText, waitUntil } from '../../helpers/ink.js';
import { openHistoryStore } from '../../../src/core/history/historyStore.js';
import { readHistory } from '../../../src/core/history/historyReader.js';
import { CTRL, openShell, sendHostQuery, typeText as type } from '../../helpers/shellRig.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe('fetch all in the shell', () => {
  it('walks every page into an NDJSON file and says where', async () => {
    const rig = await openShell(sim);
    const { app, home } = rig;
    try {
      await sendHostQuery(app, 'limit=120');
      await waitForText(app, 'items 1-120 of 500', 5000);
      await waitForText(app, 'A all');
      await press(app, 'A');
      const frame = stripAnsi(await waitForText(app, 'Fetched 500 items', 5000));
      const file = /into (\S+\.ndjson)/.exec(frame.replace(/\n/g, ''))?.[1];
      expect(file?.startsWith(home)).toBe(true);
      const lines = readFileSync(file as string, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(500);
      expect(new Set(lines).size).toBe(500);
      // Recorded like any send: one history entry with the items it brought.
      const entries = readHistory(openHistoryStore(rig.env)).entries;
      expect(entries.map((e) => [e.path, e.status, e.items])).toEqual([
        ['/devices/queries/devices/v1', 200, 120],
        ['/devices/queries/devices/v1', 200, 500],
      ]);
      // And it can run again.
      await press(app, 'A');
      await waitUntil(() => readHistory(openHistoryStore(rig.env)).entries.length === 3, () => stripAnsi(app.lastFrame() ?? ''), 5000);
      const again = stripAnsi(await waitForText(app, 'Fetched 500 items', 5000));
      expect(/into (\S+\.ndjson)/.exec(again.replace(/\n/g, ''))?.[1]).not.toBe(file);
    } finally {
      await rig.close();
    }
  });
});

describe('a read-only profile', () => {
  it('refuses an action in the shell without sending it', async () => {
    const c = sim.clients.demo;
    const rig = await openShell(sim, {
      targets: (env) => {
        const config = talonPaths(env).config;
        new ProfileStore(config).add({ name: 'careful', baseUrl: sim.url, clientId: c.id, readOnly: true });
        new SecretStore(config).set('careful', c.secret);
        return [{ id: 'p', label: 'careful', flags: { profile: 'careful' } }];
      },
    });
    const { app, backend } = rig;
    try {
      await backend.connect();
      await type(app, '/devices/entities/devices-actions/v2');
      await waitForText(app, 'POST');
      await press(app, KEY.enter);
      await waitForText(app, 'action_name');
      await type(app, 'contain');
      await press(app, CTRL('s'));
      await waitForText(app, "Refused by the read-only profile 'careful': performActionV2 needs devices:write");
      expect(stripAnsi(app.lastFrame() ?? '')).not.toContain('This call changes the tenant');
    } finally {
      await rig.close();
    }
  });
});
