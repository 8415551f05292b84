// The shell against a hostile API whose every field carries terminal control
// sequences: no frame holds an ESC, BEL or C1 byte that did not come from
// Ink's own colours, and the attack stays visible in escaped form, in the
// status line, the response pane, the message line, both wizards and the
// history overlay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src/sim/server.js';
import { KEY, press, waitForText, type InkApp } from '../helpers/ink.js';
import { CTRL, openShell, sendHostQuery, typeText, type ShellRig } from '../helpers/shellRig.js';
import { ATTACK, CLIENT, DEVICE_IDS, SHA256, controlBytes, hostile, startControlSequenceServer, type HostileServer } from '../helpers/hostile/controlSequenceServer.js';

let server: HostileServer;
beforeAll(async () => {
  server = await startControlSequenceServer();
});
afterAll(() => server.close());

/** The shell on the hostile API; its profile label is hostile too (a profile file is outside data). */
function open(): Promise<ShellRig> {
  const notASimulator = { clients: { demo: { id: CLIENT.id, secret: CLIENT.secret } } } as unknown as RunningSimulator;
  return openShell(notASimulator, {
    size: { columns: 160, rows: 40 },
    targets: () => [{ id: 'hostile', label: hostile('tenant-'), flags: { baseUrl: server.url, clientId: CLIENT.id, clientSecret: CLIENT.secret } }],
  });
}

/** Every frame Ink wrote so far is free of outside control bytes. */
function expectFramesInert(app: InkApp): void {
  const frames = app.frames;
  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) expect(controlBytes(frame), JSON.stringify(frame.slice(0, 600))).toEqual([]);
}

describe('the shell against a hostile API', () => {
  it('status line, response pane and history overlay show the attack escaped', async () => {
    const rig = await open();
    const { app } = rig;
    try {
      await waitForText(app, 'tenant-\\x1b]0;PWNED-TITLE\\x07');
      await sendHostQuery(app, 'limit=2');
      // JSON strings and keys: C0 as JSON escapes, C1 and bidi overrides too.
      await waitForText(app, '"powered-\\u001b]0;PWNED-TITLE\\u0007', 5000);
      const frame = await waitForText(app, '\\u009b6n');
      expect(frame).toContain('"key-\\u001b]0;PWNED-TITLE');
      expect(frame).toContain('\\u202eevil');
      // The trace id in the response header line.
      expect(frame).toContain('trace trace-\\x1b]0;PWNED-TITLE\\x07');
      await press(app, CTRL('r'));
      await waitForText(app, 'History');
      expectFramesInert(app);
    } finally {
      await rig.close();
    }
  });

  it('containment wizard: review, confirmation and results', async () => {
    const rig = await open();
    const { app } = rig;
    try {
      await press(app, CTRL('t'));
      await waitForText(app, 'Contain hosts');
      await typeText(app, DEVICE_IDS.join(' '));
      await press(app, KEY.enter);
      await waitForText(app, 'selected of 2', 5000);
      await waitForText(app, 'host-0\\x1b]0;PWNED-TITLE\\x07');
      await press(app, KEY.enter);
      await waitForText(app, 'Type 2');
      await typeText(app, '2');
      await press(app, KEY.enter);
      const done = await waitForText(app, 'Enter or Esc closes', 10_000);
      expect(done).toContain('2 hosts: 1 contained, 1 rejected.');
      expectFramesInert(app);
    } finally {
      await rig.close();
    }
  });

  it('hash-search wizard: hosts and the processes of one', async () => {
    const rig = await open();
    const { app } = rig;
    try {
      await press(app, CTRL('f'));
      await waitForText(app, 'Find every host that saw a file');
      await press(app, SHA256);
      await press(app, KEY.enter);
      await waitForText(app, 'Seen on 2 hosts', 5000);
      await waitForText(app, 'host-0\\x1b]0;PWNED-TITLE\\x07');
      await press(app, KEY.enter);
      await waitForText(app, 'evil.exe --steal \\x1b]0;PWNED-TITLE\\x07', 5000);
      expectFramesInert(app);
    } finally {
      await rig.close();
    }
  });

  it('an API error: message and trace id in the response pane stay inert', async () => {
    const rig = await open();
    const { app } = rig;
    try {
      await typeText(app, '/hostile/forbidden');
      await press(app, KEY.enter);
      await press(app, CTRL('s'));
      await waitForText(app, 'API: 403 access denied \\x1b]0;PWNED-TITLE\\x07', 5000);
      expectFramesInert(app);
    } finally {
      await rig.close();
    }
  });
});

it('the frames check can fail: a raw attack is caught even after SGR is stripped', () => {
  expect(controlBytes(`\u001b[31mred\u001b[39m ${ATTACK}`).length).toBeGreaterThan(5);
});
