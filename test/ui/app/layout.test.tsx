// The shell at 80x24 and after a resize: nothing wider than the terminal,
// nothing taller; and a pane that throws does not take the shell down.
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Text } from 'ink';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { ShellBackend } from '../../../src/core/shell/shellBackend.js';
import { endpointSource } from '../../../src/core/shell/catalogAdapter.js';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { App } from '../../../src/ui/app/App.js';
import { ErrorBoundary } from '../../../src/ui/app/ErrorBoundary.js';
import { calculateLayout, FIXED_ROWS, FOCUS_ORDER } from '../../../src/ui/app/layout.js';
import { lineWidths, renderInk, rerender, stripAnsi, unmount, waitForText } from '../../helpers/ink.js';
import { tempHome } from '../../helpers/tempHome.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

function backend(): ShellBackend & { env: NodeJS.ProcessEnv } {
  const { env } = tempHome();
  const c = sim.clients.demo;
  const b = new ShellBackend({ env, http: {}, demo: true, targets: [{ id: 'd', label: 'demo', flags: { baseUrl: sim.url, clientId: c.id, clientSecret: c.secret } }] });
  return Object.assign(b, { env });
}

describe('layout', () => {
  it('never gives out more rows than the terminal has, at any focus', () => {
    for (const rows of [24, 30, 50]) {
      for (const focus of FOCUS_ORDER) {
        for (const listOpen of [false, true]) {
          for (const columns of [80, 160]) {
            const l = calculateLayout(rows, focus, listOpen, columns);
            const composer = l.sideBySide ? l.params : l.params + l.body;
            expect(l.list + composer + l.response + FIXED_ROWS).toBeLessThanOrEqual(rows);
            expect(l.response).toBeGreaterThanOrEqual(3);
          }
        }
      }
    }
  });

  it('fits 80x24, then follows a resize to 120x40', async () => {
    const b = backend();
    const source = endpointSource(bundledCatalog());
    const app = await renderInk(<App backend={b} env={b.env} source={source} size={{ columns: 80, rows: 24 }} onQuit={() => undefined} />);
    try {
      const frame = await waitForText(app, 'Method');
      expect(Math.max(...lineWidths(frame))).toBeLessThanOrEqual(80);
      expect(stripAnsi(frame).split('\n').length).toBeLessThanOrEqual(24);
      await rerender(app, <App backend={b} env={b.env} source={source} size={{ columns: 120, rows: 40 }} onQuit={() => undefined} />);
      const wide = await waitForText(app, 'Method');
      expect(stripAnsi(wide).split('\n').length).toBeLessThanOrEqual(40);
      expect(Math.max(...lineWidths(wide))).toBeGreaterThan(80);
    } finally {
      await unmount(app);
      await b.close();
    }
  });

  it('shows parameters and body side by side on a wide terminal', async () => {
    const b = backend();
    const source = endpointSource(bundledCatalog());
    const app = await renderInk(<App backend={b} env={b.env} source={source} size={{ columns: 160, rows: 40 }} onQuit={() => undefined} />);
    try {
      await waitForText(app, 'Method');
      for (const ch of '/devices/entities/devices-actions/v2') app.stdin.write(ch);
      await waitForText(app, 'Take various actions');
      app.stdin.write('\r');
      const frame = stripAnsi(await waitForText(app, '› Parameters'));
      // One line holds the parameters' title and the body's.
      expect(frame.split('\n').some((line) => line.includes('Parameters') && line.includes('Body'))).toBe(true);
      expect(Math.max(...lineWidths(frame))).toBeLessThanOrEqual(160);
    } finally {
      await unmount(app);
      await b.close();
    }
  });
});

describe('error boundary', () => {
  function Boom(): React.JSX.Element {
    throw new Error('kaboom');
  }

  it('shows the failing pane’s error and keeps its siblings', async () => {
    const app = await renderInk(
      <>
        <ErrorBoundary name="response">
          <Boom />
        </ErrorBoundary>
        <Text>still here</Text>
      </>,
    );
    const frame = stripAnsi(app.lastFrame() ?? '');
    expect(frame).toContain('The response pane failed: kaboom');
    expect(frame).toContain('still here');
    await unmount(app);
  });
});
