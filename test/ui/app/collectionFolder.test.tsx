// `talon --collection DIR`: the shell lists and saves requests in that folder.
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { ShellBackend } from '../../../src/core/shell/shellBackend.js';
import { App } from '../../../src/ui/app/App.js';
import { renderInk, unmount, waitForText, press } from '../../helpers/ink.js';
import { CTRL, shellSource } from '../../helpers/shellRig.js';
import { tempHome } from '../../helpers/tempHome.js';
import { runTalon } from '../../helpers/talonBinary.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe('the shell on a collection folder', () => {
  it('lists the saved requests of examples/collection', async () => {
    const { env } = tempHome();
    const c = sim.clients.demo;
    const backend = new ShellBackend({ env, http: {}, demo: false, targets: [{ id: 's', label: 'sim', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }] });
    const app = await renderInk(
      <App backend={backend} env={env} source={shellSource} size={{ columns: 100, rows: 30 }} onQuit={() => undefined} collection={resolve('examples/collection')} />,
    );
    try {
      await waitForText(app, 'Method');
      await press(app, CTRL('o'));
      const frame = await waitForText(app, 'find-host-by-hostname');
      expect(frame).toContain('contain-host');
    } finally {
      await unmount(app);
      await backend.close();
    }
  });

  it('refuses a folder that is not there, in one sentence', async () => {
    const { env } = tempHome();
    const res = await runTalon(['--collection', '/no/such/folder'], { env });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/There is no collection at \/no\/such\/folder/);
  });
});
