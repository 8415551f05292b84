// Fetch all from the shell (progress, then every item in an NDJSON file),
// and a profile marked read-only refusing an action before it is sent.
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { ShellBackend } from '../../../src/core/shell/shellBackend.js';
import { endpointSource } from '../../../src/core/shell/catalogAdapter.js';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { ProfileStore } from '../../../src/core/config/profileStore.js';
import { SecretStore } from '../../../src/core/config/secretStore.js';
import { talonPaths } from '../../../src/core/config/paths.js';
import { App } from '../../../src/ui/app/App.js';
import { KEY, press, renderInk, stripAnsi, unmount, waitForText } from '../../helpers/ink.js';
import { tempHome } from '../../helpers/tempHome.js';

const CTRL = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 96);
const source = endpointSource(bundledCatalog());
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

async function type(app: { stdin: { write(s: string): void } }, text: string): Promise<void> {
  for (const ch of text) await press(app, ch);
}

describe('fetch all in the shell', () => {
  it('walks every page into an NDJSON file and says where', async () => {
    const { env, home } = tempHome();
    const c = sim.clients.demo;
    const backend = new ShellBackend({ env, http: {}, demo: false, targets: [{ id: 's', label: 'sim', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }] });
    const app = await renderInk(<App backend={backend} env={env} source={source} size={{ columns: 100, rows: 30 }} onQuit={() => undefined} directory={home} />);
    try {
      await type(app, '/devices/queries/devices/v1');
      await waitForText(app, 'Search for hosts');
      await press(app, KEY.enter);
      await waitForText(app, '› Parameters');
      await press(app, CTRL('n'));
      await type(app, 'limit=120');
      await press(app, CTRL('s'));
      await waitForText(app, 'items 1-120 of 500', 5000);
      await waitForText(app, 'A all');
      await press(app, 'A');
      const frame = stripAnsi(await waitForText(app, 'Fetched 500 items', 5000));
      const file = /into (\S+\.ndjson)/.exec(frame.replace(/\n/g, ''))?.[1];
      expect(file?.startsWith(home)).toBe(true);
      const lines = readFileSync(file as string, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(500);
      expect(new Set(lines).size).toBe(500);
    } finally {
      await unmount(app);
      await backend.close();
    }
  });
});

describe('a read-only profile', () => {
  it('refuses an action in the shell without sending it', async () => {
    const { env } = tempHome();
    const c = sim.clients.demo;
    const config = talonPaths(env).config;
    new ProfileStore(config).add({ name: 'careful', baseUrl: sim.url, clientId: c.id, readOnly: true });
    new SecretStore(config).set('careful', c.secret);
    const backend = new ShellBackend({ env, http: {}, demo: false, targets: [{ id: 'p', label: 'careful', flags: { profile: 'careful' } }] });
    const app = await renderInk(<App backend={backend} env={env} source={source} size={{ columns: 100, rows: 30 }} onQuit={() => undefined} />);
    try {
      await backend.connect();
      await type(app, '/devices/entities/devices-actions/v2');
      await waitForText(app, 'POST');
      await press(app, KEY.enter);
      await waitForText(app, 'action_name');
      await type(app, 'contain');
      await press(app, CTRL('s'));
      await waitForText(app, "Refused: the profile 'careful' is read-only");
      expect(stripAnsi(app.lastFrame() ?? '')).not.toContain('This call changes the tenant');
    } finally {
      await unmount(app);
      await backend.close();
    }
  });
});
