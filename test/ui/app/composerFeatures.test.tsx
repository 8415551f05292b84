// The composer as a newcomer meets it: the `next:` segment hint taken with Tab
// or →, a deprecated operation named as such with its successor, and the
// method pane saying when a method is not an operation of the path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { KEY, press, settle, waitForText } from '../../helpers/ink.js';
import { openShell, typeText } from '../../helpers/shellRig.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe('the composer', () => {
  it('takes the next path segment with Tab, and with → at the end of the line', async () => {
    const rig = await openShell(sim);
    try {
      await settle();
      await typeText(rig.app, '/devices/qu');
      await waitForText(rig.app, 'next: queries');
      await press(rig.app, KEY.tab);
      await waitForText(rig.app, '› /devices/queries/');
      await typeText(rig.app, 'devices-h');
      await waitForText(rig.app, 'next: devices-hidden');
      await press(rig.app, KEY.right);
      await waitForText(rig.app, '› /devices/queries/devices-hidden/');
    } finally {
      await rig.close();
    }
  });

  it('says a picked operation is deprecated and names its successor', async () => {
    const rig = await openShell(sim);
    try {
      await settle();
      await typeText(rig.app, '/alerts/queries/alerts/v1');
      await waitForText(rig.app, 'Deprecated: please use version v2');
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, 'GET /alerts/queries/alerts/v1 is deprecated: use GET /alerts/queries/alerts/v2 instead.');
    } finally {
      await rig.close();
    }
  });

  it('says when the method is not an operation of the path', async () => {
    const rig = await openShell(sim);
    try {
      await settle();
      await typeText(rig.app, '/devices/queries/devices/v1');
      await waitForText(rig.app, 'Search for hosts');
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, '› Parameters');
      await press(rig.app, KEY.shiftTab);
      await waitForText(rig.app, '› Method');
      await press(rig.app, KEY.right);
      const frame = await waitForText(rig.app, 'POST is not an operation of this path (it has GET)');
      expect(frame).toContain('[POST]');
    } finally {
      await rig.close();
    }
  });
});
