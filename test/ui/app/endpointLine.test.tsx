// The endpoint line is the request, however fast it is typed: Ctrl+S sends
// what the line shows (edited without Enter too), a typed ?query lands in the
// parameter rows, and keys written in one burst all arrive. History records
// exactly the path typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { openHistoryStore } from '../../../src/core/history/historyStore.js';
import { readHistory } from '../../../src/core/history/historyReader.js';
import { KEY, paste, press, settle, stripAnsi, waitForFrame, waitForText, waitUntil } from '../../helpers/ink.js';
import { CTRL, openShell, typeText, type ShellRig } from '../../helpers/shellRig.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const HOSTS = '/devices/queries/devices/v1';

/** Waits for the n-th history entry and returns it. */
async function historyEntry(rig: ShellRig, n: number) {
  const read = () => readHistory(openHistoryStore(rig.env)).entries;
  await waitUntil(() => read().length >= n, () => JSON.stringify(read()), 5000);
  return read()[n - 1]!;
}

describe('the endpoint line', () => {
  it('sends a path and query typed in one burst with Ctrl+S, exactly as typed', async () => {
    const rig = await openShell(sim);
    try {
      await settle();
      rig.app.stdin.write(`${HOSTS}?limit=2${CTRL('s')}`);
      await waitForText(rig.app, 'items 1-2 of 500', 5000);
      const entry = await historyEntry(rig, 1);
      expect([entry.path, entry.query]).toEqual([HOSTS, [['limit', '2']]]);
    } finally {
      await rig.close();
    }
  });

  it('keeps every key typed one per write with no pause', async () => {
    const rig = await openShell(sim);
    try {
      await settle();
      for (const ch of `${HOSTS}?limit=4`) rig.app.stdin.write(ch);
      rig.app.stdin.write(CTRL('s'));
      await waitForText(rig.app, 'items 1-4 of 500', 5000);
      const entry = await historyEntry(rig, 1);
      expect([entry.path, entry.query]).toEqual([HOSTS, [['limit', '4']]]);
    } finally {
      await rig.close();
    }
  });

  it('sends the edited path with Ctrl+S after editing without Enter, not the previous one', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await typeText(app, '/devices/queries/devices-scroll/v1');
      await press(app, KEY.enter);
      await press(app, CTRL('s'));
      await historyEntry(rig, 1);
      // Back to the line, clear it, type another path, and send without Enter.
      await press(app, CTRL('l'), CTRL('u'));
      await typeText(app, `${HOSTS}?limit=3`);
      await press(app, CTRL('s'));
      await waitForText(app, 'items 1-3 of 500', 5000);
      const entry = await historyEntry(rig, 2);
      expect([entry.path, entry.query]).toEqual([HOSTS, [['limit', '3']]]);
      // The response says which request and profile it answers.
      expect(stripAnsi(app.lastFrame() ?? '')).toContain(`200 OK GET ${HOSTS} · sim`);
    } finally {
      await rig.close();
    }
  });

  it('puts a typed ?query into parameter rows on Enter, and drops rows of the previous operation', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await typeText(app, `${HOSTS}?limit=2&sort=hostname.asc`);
      await press(app, KEY.enter);
      const frame = stripAnsi(await waitForText(app, '2 query'));
      expect(frame).toMatch(/limit\s+=\s+2/);
      expect(frame).toMatch(/sort\s+=\s+hostname\.asc/);
      // Another path typed by hand: the old rows do not ride along.
      await press(app, CTRL('l'), CTRL('u'));
      await typeText(app, '/devices/queries/devices-scroll/v1?limit=1');
      await press(app, CTRL('s'));
      const entry = await historyEntry(rig, 1);
      expect([entry.path, entry.query]).toEqual(['/devices/queries/devices-scroll/v1', [['limit', '1']]]);
    } finally {
      await rig.close();
    }
  });

  it('warns when the path sent is not in the catalog', async () => {
    const rig = await openShell(sim);
    try {
      await typeText(rig.app, '/no/such/path/v9');
      await press(rig.app, KEY.escape, CTRL('s'));
      await waitForText(rig.app, 'is not in the catalog', 5000);
      const entry = await historyEntry(rig, 1);
      expect(entry.path).toBe('/no/such/path/v9');
    } finally {
      await rig.close();
    }
  });

  it('keeps a paste and the Enter right after it', async () => {
    const rig = await openShell(sim);
    try {
      await settle();
      rig.app.stdin.write(paste(`${HOSTS}?limit=6`) + KEY.enter);
      await waitForText(rig.app, '1 query');
      await press(rig.app, CTRL('s'));
      await waitForText(rig.app, 'items 1-6 of 500', 5000);
    } finally {
      await rig.close();
    }
  });
});

describe('other fields under bursts', () => {
  it('keeps containment targets typed in one burst and one key per write', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await press(app, CTRL('t'));
      await waitForText(app, 'Contain hosts');
      app.stdin.write('HOST-A1, web-');
      for (const ch of 'db-0927') app.stdin.write(ch);
      await waitForText(app, 'HOST-A1, web-db-0927');
      app.stdin.write(KEY.backspace.repeat(8));
      await waitForFrame(app, (f) => stripAnsi(f).includes('HOST-A1, web ') || /HOST-A1, web\s*$/m.test(stripAnsi(f)));
      expect(stripAnsi(app.lastFrame() ?? '')).not.toContain('web-');
    } finally {
      await rig.close();
    }
  });

  it('keeps a pasted variable value and the Enter after it', async () => {
    const rig = await openShell(sim);
    const { app, env } = rig;
    const { saveRequest, collectionDir } = await import('../../../src/core/saved/collection.js');
    const { savedFromRequest } = await import('../../../src/core/saved/savedRequest.js');
    saveRequest(collectionDir(undefined, env), {
      ...savedFromRequest('by-name', { method: 'GET', path: HOSTS, query: [['filter', "hostname:'{{hostname}}'"]] }, 'find a host'),
      variables: { hostname: {} },
    });
    try {
      await press(app, CTRL('o'));
      await waitForText(app, 'by-name');
      await press(app, KEY.enter);
      await waitForText(app, 'a value for {{hostname}}');
      app.stdin.write(paste(sim.samples.hostnames[0] as string) + KEY.enter);
      await waitForText(app, `hostname:'${sim.samples.hostnames[0]}'`);
      await press(app, CTRL('s'));
      await waitForText(app, 'items 1-1 of 1', 5000);
    } finally {
      await rig.close();
    }
  });
});
