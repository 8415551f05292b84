// History and saved requests in the shell: a sent request shows in the
// history pane and loads back; the current request saves under a name, and
// the saved pane loads it after asking for its {{variable}}.
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { ShellBackend } from '../../../src/core/shell/shellBackend.js';
import { endpointSource } from '../../../src/core/shell/catalogAdapter.js';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { collectionDir, loadCollection, saveRequest } from '../../../src/core/saved/collection.js';
import { savedFromRequest } from '../../../src/core/saved/savedRequest.js';
import { App } from '../../../src/ui/app/App.js';
import { KEY, press, renderInk, stripAnsi, unmount, waitForText, waitForFrame } from '../../helpers/ink.js';
import { tempHome } from '../../helpers/tempHome.js';

const CTRL = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 96);
let sim: RunningSimulator;
const source = endpointSource(bundledCatalog());

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

async function type(app: { stdin: { write(s: string): void } }, text: string): Promise<void> {
  for (const ch of text) await press(app, ch);
}

describe('history and saved requests in the shell', () => {
  it('records a sent request, lists it in the history pane, and loads it back', async () => {
    const { env } = tempHome();
    const c = sim.clients.demo;
    const backend = new ShellBackend({ env, http: {}, demo: false, targets: [{ id: 's', label: 'sim', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }] });
    const app = await renderInk(<App backend={backend} env={env} source={source} size={{ columns: 100, rows: 30 }} onQuit={() => undefined} />);
    try {
      await type(app, '/devices/queries/devices/v1');
      await waitForText(app, 'Search for hosts');
      await press(app, KEY.enter);
      await waitForText(app, '› Parameters');
      await press(app, CTRL('n'));
      await type(app, 'limit=7');
      await press(app, CTRL('s'));
      await waitForText(app, 'items 1-7 of 500', 5000);

      await press(app, CTRL('r'));
      const history = stripAnsi(await waitForText(app, 'History'));
      expect(history).toContain('/devices/queries/devices/v1?limit=7');
      expect(history).toMatch(/200\s+GET/);
      await press(app, KEY.enter);
      await waitForFrame(app, (f) => !f.includes('History ') && stripAnsi(f).includes('limit'));

      // Save it; then the saved pane lists and loads it.
      await press(app, CTRL('b'));
      await waitForText(app, 'Save this request');
      await type(app, 'seven-hosts');
      await press(app, KEY.enter);
      await type(app, 'seven hosts');
      await press(app, KEY.enter);
      await waitForText(app, 'Saved as seven-hosts');
      expect(loadCollection(collectionDir(undefined, env)).requests.map((r) => r.name)).toEqual(['seven-hosts']);
    } finally {
      await unmount(app);
      await backend.close();
    }
  });

  it('asks for a {{variable}} when loading a saved request', async () => {
    const { env } = tempHome();
    const dir = collectionDir(undefined, env);
    saveRequest(dir, {
      ...savedFromRequest('host-by-name', { method: 'GET', path: '/devices/queries/devices/v1', query: [['filter', "hostname:'{{hostname}}'"]] }, 'find a host'),
      variables: { hostname: { description: 'the exact hostname' } },
    });
    const c = sim.clients.demo;
    const backend = new ShellBackend({ env, http: {}, demo: false, targets: [{ id: 's', label: 'sim', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }] });
    const app = await renderInk(<App backend={backend} env={env} source={source} size={{ columns: 100, rows: 30 }} onQuit={() => undefined} />);
    try {
      await press(app, CTRL('o'));
      await waitForText(app, 'host-by-name');
      await press(app, KEY.enter);
      await waitForText(app, 'a value for {{hostname}}');
      await type(app, sim.samples.hostnames[0] as string);
      await press(app, KEY.enter);
      await waitForText(app, sim.samples.hostnames[0] as string);
      await press(app, CTRL('s'));
      const frame = stripAnsi(await waitForText(app, 'items 1-1 of 1', 5000));
      expect(frame).toContain('200 OK');
    } finally {
      await unmount(app);
      await backend.close();
    }
  });

  it('imports a pasted curl command into the composer from the palette', async () => {
    const { env } = tempHome();
    const c = sim.clients.demo;
    const backend = new ShellBackend({ env, http: {}, demo: false, targets: [{ id: 's', label: 'sim', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }] });
    const app = await renderInk(<App backend={backend} env={env} source={source} size={{ columns: 100, rows: 30 }} onQuit={() => undefined} />);
    try {
      await press(app, CTRL('k'));
      await type(app, 'curl');
      await press(app, KEY.enter);
      await waitForText(app, 'Import a curl command');
      await press(app, `curl -H 'Authorization: Bearer $FALCON_TOKEN' '${sim.url}/devices/queries/devices/v1?limit=3'`);
      await press(app, KEY.enter);
      await waitForFrame(app, (f) => stripAnsi(f).includes('limit') && !f.includes('Import a curl command'));
      await press(app, CTRL('s'));
      await waitForText(app, 'items 1-3 of 500', 5000);
    } finally {
      await unmount(app);
      await backend.close();
    }
  });

  it('runs commands from the palette', async () => {
    const { env } = tempHome();
    const c = sim.clients.demo;
    const backend = new ShellBackend({ env, http: {}, demo: false, targets: [{ id: 's', label: 'sim', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }] });
    const app = await renderInk(<App backend={backend} env={env} source={source} size={{ columns: 100, rows: 30 }} onQuit={() => undefined} />);
    try {
      await press(app, CTRL('k'));
      await waitForText(app, 'Command:');
      await type(app, 'help');
      await press(app, KEY.enter);
      await waitForText(app, 'talon keys');
    } finally {
      await unmount(app);
      await backend.close();
    }
  });
});
