// The whole shell against the simulator, as a user drives it: type part of a
// path, pick a completion, fill a parameter, send, read the JSON, page
// forward, meet an API error, and confirm a containment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { KEY, press, stripAnsi, waitForText, waitForFrame } from '../../helpers/ink.js';
import { CTRL, openShell, sendHostQuery, typeText } from '../../helpers/shellRig.js';

const CTRL_S = CTRL('s');
const CTRL_N = CTRL('n');

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, containmentDelayMs: 100 });
});
afterAll(() => sim.close());

describe('the shell', () => {
  it('completes a path, picks it, sends with Ctrl+S, shows JSON and pages forward', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await typeText(app, '/devices/queries/dev');
      const listed = await waitForText(app, 'Search for hosts');
      expect(stripAnsi(listed)).toContain('/devices/queries/devices/v1');
      // Path-segment completion: what can follow /devices/queries/dev…
      expect(stripAnsi(listed)).toMatch(/next: .*devices-scroll \(\d+\)/);
      await press(app, KEY.enter);
      await waitForText(app, '› Parameters');
      // The operation's optional parameters are named, from the catalog.
      expect(stripAnsi(app.lastFrame() ?? '')).toMatch(/optional: (?=.*filter)(?=.*limit)/);
      // Fill a parameter: Ctrl+N adds a row, type name=value.
      await press(app, CTRL_N);
      await typeText(app, 'limit=50');
      await waitForFrame(app, (f) => stripAnsi(f).includes('limit') && stripAnsi(f).includes('50'));
      await press(app, CTRL_S);
      await waitForText(app, 'items 1-50 of 500', 5000);
      // The response takes the focus and the room: the host ids show.
      const frame = stripAnsi(await waitForText(app, '"resources"', 5000));
      expect(frame).toContain('200 OK');
      await press(app, ']');
      await waitForText(app, 'items 51-100 of 500', 5000);
      await waitForText(app, '[ prev');
      await press(app, '[');
      await waitForText(app, 'items 1-50 of 500', 5000);
    } finally {
      await rig.close();
    }
  });

  it('shows an API error inline with its message and trace id', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await sendHostQuery(app, "filter=hostname:'oops");
      const frame = stripAnsi(await waitForText(app, 'Failed to parse filter expression', 5000));
      expect(frame).toContain('400');
      expect(frame).toMatch(/trace/);
    } finally {
      await rig.close();
    }
  });

  it('names the missing scope on a 403', async () => {
    const rig = await openShell(sim, { kind: 'readOnly' });
    const { app } = rig;
    try {
      await typeText(app, '/devices/entities/devices-actions/v2');
      await waitForText(app, 'POST');
      await press(app, KEY.enter);
      await waitForText(app, 'action_name');
      await typeText(app, 'contain');
      await press(app, CTRL_S);
      await waitForText(app, 'This call changes the tenant', 5000);
      await press(app, 'y');
      // A read-only client is refused by the API; the pane names the scope from the catalog.
      const frame = stripAnsi(await waitForText(app, '403', 5000));
      await waitForText(app, 'devices:write', 5000);
      expect(frame).toContain('403');
    } finally {
      await rig.close();
    }
  });

  it('asks before a containment and sends it on y', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    const host = [...sim.tenant.hosts.values()].find((h) => h.status === 'normal' && h.hostname === sim.samples.hostnames[1]);
    expect(host).toBeDefined();
    try {
      await typeText(app, 'contain');
      await waitForText(app, '/devices/entities/devices-actions/v2');
      await press(app, KEY.enter);
      await waitForText(app, 'action_name');
      // Fill action_name with "contain" and the body's ids.
      await typeText(app, 'contain');
      await press(app, KEY.tab);
      await waitForText(app, '› Body');
      const frame = stripAnsi(app.lastFrame() ?? '');
      expect(frame).toContain('"ids"');
      await press(app, CTRL_S);
      const ask = stripAnsi(await waitForFrame(app, (f) => stripAnsi(f).includes('This call changes the tenant') || stripAnsi(f).includes('Not sent'), 5000));
      expect(ask).toContain('This call changes the tenant');
      expect(ask).toContain('POST');
      expect(ask).toContain('action_name = contain');
      // F1 shows help over the question; Esc closes help and the question is still there.
      await press(app, KEY.f1);
      await waitForText(app, 'talon keys');
      await press(app, 'y'); // help takes every key: this does not answer the question
      await press(app, KEY.escape);
      const still = stripAnsi(await waitForText(app, 'This call changes the tenant'));
      expect(still).not.toContain('talon keys');
      expect(rig.backend.status().rateLimitRemaining).toBeUndefined();
      await press(app, 'n');
      await waitForText(app, 'Cancelled: nothing was sent.');
      const before = rig.backend.status().rateLimitRemaining;
      expect(before).toBeUndefined(); // nothing was sent yet
      await press(app, CTRL_S);
      await waitForText(app, 'This call changes the tenant', 5000);
      await press(app, 'y');
      // Sent: the API's answer (the skeleton's placeholder id is unknown) shows in the response pane.
      const answered = stripAnsi(await waitForText(app, 'Device not found', 5000));
      expect(answered).toMatch(/\b404\b/);
    } finally {
      await rig.close();
    }
  });

  it('opens the help overlay with ? outside text fields and closes it with Esc', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await press(app, KEY.tab, KEY.tab, KEY.tab, KEY.tab);
      await press(app, '?');
      const help = stripAnsi(await waitForText(app, 'talon keys'));
      expect(help).toContain('Ctrl+S');
      expect(help).toContain('send the request');
      await press(app, KEY.escape);
      await waitForFrame(app, (f) => !f.includes('talon keys'));
    } finally {
      await rig.close();
    }
  });
});

describe('the shell without a network', () => {
  it('says why it is not connected, and keeps going', async () => {
    const rig = await openShell(sim, { targets: () => [{ id: 'x', label: 'nowhere', flags: { baseUrl: 'http://127.0.0.1:9', clientId: 'a', clientSecret: 'b' } }] });
    try {
      await rig.backend.connect();
      const frame = stripAnsi(await waitForText(rig.app, 'Not connected: Cannot reach 127.0.0.1:9'));
      expect(frame).toContain('not connected');
      await typeText(rig.app, '/devices/queries/devices/v1');
      await waitForText(rig.app, 'Search for hosts');
    } finally {
      await rig.close();
    }
  });
});

describe('the response pane under overlays', () => {
  it('keeps its scroll position across the help overlay, and ? in the search prompt is text', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await sendHostQuery(app, 'limit=100');
      await waitForText(app, 'items 1-100 of 500', 5000);
      await waitForText(app, '"resources"');
      await press(app, 'G');
      const bottom = stripAnsi(await waitForText(app, '"errors"'));
      expect(bottom).not.toContain('"query_time"');
      await press(app, '?');
      await waitForText(app, 'talon keys');
      await press(app, KEY.escape);
      const back = stripAnsi(await waitForFrame(app, (f) => !f.includes('talon keys')));
      expect(back).toContain('"errors"');
      expect(back).not.toContain('"query_time"');
      await press(app, '/');
      await press(app, '?');
      const frame = stripAnsi(app.lastFrame() ?? '');
      expect(frame).not.toContain('talon keys');
      expect(frame).toContain('/?');
    } finally {
      await rig.close();
    }
  });
});
