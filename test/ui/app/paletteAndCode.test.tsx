// Every action by name: the palette lists each keymap command and runs it as
// its key would; Ctrl+G writes the composed request as code to a private file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { BINDINGS } from '../../../src/ui/keys/keymap.js';
import { PALETTE } from '../../../src/ui/app/Overlays.js';
import { KEY, press, settle, stripAnsi, waitForText } from '../../helpers/ink.js';
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
  it('previews each format and writes the chosen one to a new 0600 file', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await settle();
      await typeText(app, '/devices/queries/devices/v1');
      await waitForText(app, 'Search for hosts');
      await press(app, KEY.enter);
      await waitForText(app, '› Parameters');
      await press(app, CTRL('n'));
      await typeText(app, 'limit=5');
      await press(app, CTRL('w'));
      await waitForText(app, 'The request as code');
      await waitForText(app, '"Authorization: Bearer $FALCON_TOKEN"');
      await press(app, KEY.down);
      await waitForText(app, 'falcon.command("QueryDevicesByFilter"');
      await press(app, KEY.down);
      await waitForText(app, 'client.hosts.queryDevicesByFilter(');
      await press(app, KEY.enter);
      const frame = await waitForText(app, 'Wrote the request as typescript to ');
      const file = /to (\S+\.ts)\./.exec(stripAnsi(frame).replace(/\n/g, ''))?.[1] as string;
      expect(modeOf(statSync(file).mode)).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain('await client.hosts.queryDevicesByFilter(undefined /* offset */, 5);');
    } finally {
      await rig.close();
    }
  });
});
