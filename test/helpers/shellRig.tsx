// Test helper: the whole shell (App) on a simulator, the way a user meets
// it, with a fresh TALON_HOME; plus typing and Ctrl keys.
import React from 'react';
import type { RunningSimulator } from '../../src/sim/server.js';
import { ShellBackend, type ShellTarget } from '../../src/core/shell/shellBackend.js';
import { endpointSource } from '../../src/core/shell/catalogAdapter.js';
import { bundledCatalog } from '../../src/core/catalog/loadCatalog.js';
import { App } from '../../src/ui/app/App.js';
import type { ClipboardTerminal } from '../../src/core/clipboard/copyText.js';
import { press, renderInk, unmount, waitForText, type InkApp } from './ink.js';
import { tempHome } from './tempHome.js';

export const shellSource = endpointSource(bundledCatalog());

/** The byte a terminal sends for Ctrl+letter. */
export const CTRL = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) - 96);

export interface ShellRig {
  app: InkApp;
  backend: ShellBackend;
  env: NodeJS.ProcessEnv;
  home: string;
  close(): Promise<void>;
}

export interface ShellRigOptions {
  kind?: 'demo' | 'readOnly';
  size?: { columns: number; rows: number };
  /** where fetch-all and `w` write (default: the temp home) */
  directory?: string;
  /** targets instead of the simulator's client (e.g. a profile) */
  targets?: (env: NodeJS.ProcessEnv) => ShellTarget[];
  /** where copies go as OSC 52 (default: Ink's test stdout, not a terminal, so copies go to files) */
  clipboard?: ClipboardTerminal;
}

export async function openShell(sim: RunningSimulator, opts: ShellRigOptions = {}): Promise<ShellRig> {
  const { env, home } = tempHome();
  const c = sim.clients[opts.kind ?? 'demo'];
  const targets = opts.targets?.(env) ?? [{ id: 's', label: 'sim', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }];
  const backend = new ShellBackend({ env, http: {}, demo: false, targets });
  const app = await renderInk(
    <App backend={backend} env={env} source={shellSource} size={opts.size ?? { columns: 100, rows: 30 }} onQuit={() => undefined} directory={opts.directory ?? home} clipboard={opts.clipboard} />,
  );
  return {
    app,
    backend,
    env,
    home,
    close: async () => {
      await unmount(app);
      await backend.close();
    },
  };
}

/** Types text one key at a time, as a person does. */
export async function typeText(app: InkApp, text: string): Promise<void> {
  for (const ch of text) await press(app, ch);
}

/**
 * Picks the hosts query on the endpoint line, adds one query row `param`
 * (name=value) and sends it with Ctrl+S, as a user would.
 */
export async function sendHostQuery(app: InkApp, param: string): Promise<void> {
  await typeText(app, '/devices/queries/devices/v1');
  await waitForText(app, 'Search for hosts');
  await press(app, '\r');
  await waitForText(app, '› Parameters');
  await press(app, CTRL('n'));
  await typeText(app, param);
  await press(app, CTRL('s'));
}
