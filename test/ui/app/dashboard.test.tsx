// The dashboard in the shell against the simulator, at 80x24 and 160x50:
// panels of block-character charts that fit the terminal, moving between
// panels, refreshing, and opening a panel's query in the composer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { KEY, lineWidths, press, stripAnsi, waitForFrame, waitForText } from '../../helpers/ink.js';
import { CTRL, openShell } from '../../helpers/shellRig.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const read = (f: string): boolean => f.includes('data read at') && !f.includes('reading…');

describe('dashboard', () => {
  it.each([
    [80, 24],
    [160, 50],
  ])('at %ix%i: every panel read and drawn, nothing wider or taller than the terminal', async (columns, rows) => {
    const rig = await openShell(sim, { size: { columns, rows } });
    try {
      await press(rig.app, CTRL('y'));
      const frame = stripAnsi(await waitForFrame(rig.app, read, 15_000));
      expect(Math.max(...lineWidths(frame))).toBeLessThanOrEqual(columns);
      expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
      expect(frame).toContain('▶ Alerts by severity');
      expect(frame).toMatch(/Windows\s+█+/);
      expect(frame).toMatch(/[▁▂▃▄▅▆▇█]{8,}/);
      expect(frame).toContain('Enter open the query');
      if (columns === 160) {
        expect(frame).toContain('Top CVEs');
        expect(frame).toContain('Open vulnerabilities by exploi');
        expect(frame).toContain('Actively us');
      }
    } finally {
      await rig.close();
    }
  }, 30_000);

  it('moves between panels, refreshes on r, and Enter opens the panel\'s query in the composer', async () => {
    const rig = await openShell(sim, { size: { columns: 120, rows: 40 } });
    try {
      await press(rig.app, CTRL('y'));
      await waitForFrame(rig.app, read, 15_000);
      await press(rig.app, 'j', 'j', 'j');
      await waitForText(rig.app, '▶ Hosts by platform');
      await press(rig.app, 'r');
      await waitForText(rig.app, 'reading the tenant', 5000);
      await waitForFrame(rig.app, read, 15_000);
      await press(rig.app, KEY.up, KEY.up);
      await waitForText(rig.app, '▶ Alerts per day');
      await press(rig.app, KEY.enter);
      const composer = stripAnsi(await waitForText(rig.app, '/alerts/aggregates/alerts/v2', 5000));
      expect(composer).toMatch(/POST\s+› \/alerts\/aggregates\/alerts\/v2/);
      expect(composer).not.toContain('▶ Alerts per day');
      // the body carries the panel's aggregate request
      await press(rig.app, KEY.tab);
      expect(stripAnsi(await waitForText(rig.app, 'date_histogram', 5000))).toContain('created_timestamp');
    } finally {
      await rig.close();
    }
  }, 40_000);
});
