// Every action by name: the palette lists each keymap command and runs it as
// its key would; Ctrl+W copies the composed request as code (OSC 52, or a
// private file when the terminal cannot take it) or writes it to a file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { BINDINGS } from '../../../src/ui/keys/keymap.js';
import { PALETTE } from '../../../src/ui/app/Overlays.js';
import { KEY, frameWith, press, settle, stripAnsi, waitForText } from '../../helpers/ink.js';
import { CTRL, openShell, typeText } from '../../helpers/shellRig.js';
import { modeOf } from '../../helpers/tempHome.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe('the command palette', () => {
  it('lists every command of the keymap but itself', () => {
    expect(PALETTE.map((e) => e.command).sort()).toEqual(BINDINGS.map((b) => b.command).filter((c) => c !== 'app.palette').sort());
  });

  it('runs a pane command in its pane, and says where a dialog command works', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await settle();
      await typeText(app, '/devices/queries/devices/v1');
      await waitForText(app, 'Search for hosts');
      await press(app, KEY.enter);
      await waitForText(app, '› Parameters');
      // "next HTTP method" from the palette: the method pane takes it.
      await press(app, CTRL('k'));
      await waitForText(app, 'Command:');
      await typeText(app, 'next http method');
      await waitForText(app, '▸ → / Space');
      await press(app, KEY.enter);
      await waitForText(app, '[POST]');
      expect(stripAnsi(app.lastFrame() ?? '')).toContain('› Method');

      await press(app, CTRL('k'));
      await typeText(app, 'retry a failed');
      await waitForText(app, 'Containment wizard');
      await press(app, KEY.enter);
      await waitForText(app, '"retry a failed step" works in containment wizard: r there.');
    } finally {
      await rig.close();
    }
  });
});

describe('the request as code', () => {
  async function composeHostQuery(rig: Awaited<ReturnType<typeof openShell>>): Promise<void> {
    const { app } = rig;
    await settle();
    await typeText(app, '/devices/queries/devices/v1');
    await waitForText(app, 'Search for hosts');
    await press(app, KEY.enter);
    await waitForText(app, '› Parameters');
    await press(app, CTRL('n'));
    await typeText(app, 'limit=5');
    await press(app, CTRL('w'));
    await waitForText(app, 'The request as code');
  }

  it('Enter copies the chosen format to the clipboard as one OSC 52 sequence, the token as $FALCON_TOKEN', async () => {
    const written: string[] = [];
    const rig = await openShell(sim, { clipboard: { write: (d) => void written.push(d), isTTY: true, term: 'xterm-256color' } });
    const { app } = rig;
    try {
      await composeHostQuery(rig);
      await waitForText(app, '"Authorization: Bearer $FALCON_TOKEN"');
      await press(app, KEY.enter);
      await frameWith(app.lastFrame, /Copied the request as curl \(\d+ bytes\) to the clipboard\./);
      expect(written).toHaveLength(1);
      const seq = written[0]!;
      expect(seq.startsWith('\u001b]52;c;') && seq.endsWith('\u0007')).toBe(true);
      const curl = Buffer.from(seq.slice('\u001b]52;c;'.length, -1), 'base64').toString('utf8');
      expect(curl).toContain('"Authorization: Bearer $FALCON_TOKEN"');
      expect(curl).toContain('/devices/queries/devices/v1?limit=5');
      // The live token never leaves: neither in the copy nor on screen.
      const token = (await rig.backend.connection().session.token()).accessToken;
      expect(token.length).toBeGreaterThan(10);
      expect(curl).not.toContain(token);

      // FalconPy, chosen with ↓, copied the same way.
      await press(app, CTRL('w'));
      await waitForText(app, 'The request as code');
      await press(app, KEY.down);
      await waitForText(app, 'falcon.command("QueryDevicesByFilter"');
      await press(app, KEY.enter);
      await frameWith(app.lastFrame, /Copied the request as falconpy/);
      expect(Buffer.from(written[1]!.slice('\u001b]52;c;'.length, -1), 'base64').toString('utf8')).toContain('falcon.command("QueryDevicesByFilter"');
    } finally {
      await rig.close();
    }
  });

  it('falls back to a new 0600 file when the output is not a terminal, saying why; w writes a file', async () => {
    // The rig's default clipboard is Ink's test stdout: not a terminal.
    const rig = await openShell(sim, { size: { columns: 200, rows: 30 } });
    const { app } = rig;
    try {
      await composeHostQuery(rig);
      await press(app, KEY.down);
      await press(app, KEY.down);
      await waitForText(app, 'client.hosts.queryDevicesByFilter(');
      await press(app, KEY.enter);
      const frame = stripAnsi(await waitForText(app, 'the output is not a terminal')).replace(/\n/g, '');
      expect(frame).toMatch(/Wrote the request as typescript \([\d.]+ (bytes|KB)\) to \S+\.ts: the output is not a terminal\./);
      const file = /to (\S+\.ts):/.exec(frame)?.[1] as string;
      expect(modeOf(statSync(file).mode)).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain('await client.hosts.queryDevicesByFilter(undefined /* offset */, 5);');

      await press(app, CTRL('w'));
      await waitForText(app, 'The request as code');
      await press(app, 'w');
      const wrote = stripAnsi(await waitForText(app, 'Wrote the request as curl to ')).replace(/\n/g, '');
      const sh = /to (\S+\.sh)\./.exec(wrote)?.[1] as string;
      expect(modeOf(statSync(sh).mode)).toBe(0o600);
      expect(readFileSync(sh, 'utf8')).toContain('$FALCON_TOKEN');
    } finally {
      await rig.close();
    }
  });
});
