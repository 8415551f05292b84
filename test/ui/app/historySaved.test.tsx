// History and saved requests in the shell: a sent request shows in the
// history pane and loads back; the current request saves under a name, and
// the saved pane loads it after asking for its {{variable}}.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { collectionDir, loadCollection, saveRequest } from '../../../src/core/saved/collection.js';
import { savedFromRequest } from '../../../src/core/saved/savedRequest.js';
import { KEY, paste, press, stripAnsi, waitForText, waitForFrame } from '../../helpers/ink.js';
import { CTRL, openShell, sendHostQuery, typeText as type } from '../../helpers/shellRig.js';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

/** The palette's "import a curl command" dialog, open. */
async function openCurlImport(app: Parameters<typeof type>[0] & Parameters<typeof waitForText>[0]): Promise<void> {
  await press(app, CTRL('k'));
  await type(app, 'curl');
  await press(app, KEY.enter);
  await waitForText(app, 'Import a curl command');
}

describe('history and saved requests in the shell', () => {
  it('records a sent request, lists it in the history pane, and loads it back', async () => {
    const rig = await openShell(sim);
    const { app, env } = rig;
    try {
      await sendHostQuery(app, 'limit=7');
      await waitForText(app, 'items 1-7 of 500', 5000);

      await press(app, CTRL('r'));
      const history = stripAnsi(await waitForText(app, 'History'));
      expect(history).toContain('/devices/queries/devices/v1?limit=7');
      expect(history).toMatch(/200\s+GET/);
      await press(app, KEY.enter);
      await waitForFrame(app, (f) => !f.includes('History ') && stripAnsi(f).includes('limit'));

      // Save it; then the saved pane lists and loads it.
      await press(app, CTRL('b'));
      await waitForText(app, 'Save this request');
      await type(app, 'seven-hosts');
      await press(app, KEY.enter);
      await type(app, 'seven hosts');
      await press(app, KEY.enter);
      await waitForText(app, 'Saved as seven-hosts');
      expect(loadCollection(collectionDir(undefined, env)).requests.map((r) => r.name)).toEqual(['seven-hosts']);
    } finally {
      await rig.close();
    }
  });

  it('asks for a {{variable}} when loading a saved request', async () => {
    const rig = await openShell(sim);
    const { app, env } = rig;
    // Saved by hand before the pane opens: the pane reads the collection when it opens.
    saveRequest(collectionDir(undefined, env), {
      ...savedFromRequest('host-by-name', { method: 'GET', path: '/devices/queries/devices/v1', query: [['filter', "hostname:'{{hostname}}'"]] }, 'find a host'),
      variables: { hostname: { description: 'the exact hostname' } },
    });
    try {
      await press(app, CTRL('o'));
      await waitForText(app, 'host-by-name');
      await press(app, KEY.enter);
      await waitForText(app, 'a value for {{hostname}}');
      await type(app, sim.samples.hostnames[0] as string);
      await press(app, KEY.enter);
      await waitForText(app, sim.samples.hostnames[0] as string);
      await press(app, CTRL('s'));
      const frame = stripAnsi(await waitForText(app, 'items 1-1 of 1', 5000));
      expect(frame).toContain('200 OK');
    } finally {
      await rig.close();
    }
  });

  it('imports a pasted curl command into the composer from the palette', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await openCurlImport(app);
      await press(app, `curl -H 'Authorization: Bearer $FALCON_TOKEN' '${sim.url}/devices/queries/devices/v1?limit=3'`);
      await press(app, KEY.enter);
      await waitForFrame(app, (f) => stripAnsi(f).includes('limit') && !f.includes('Import a curl command'));
      await press(app, CTRL('s'));
      await waitForText(app, 'items 1-3 of 500', 5000);
    } finally {
      await rig.close();
    }
  });

  it('imports a multi-line curl (as talon history export --curl prints it) and refuses to send a {{variable}} left in', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await openCurlImport(app);
      const multiLine = `curl -X GET \\\n  -H 'Accept: application/json' \\\n  "${sim.url}/devices/entities/devices/v2?ids=$AID"`;
      app.stdin.write(paste(multiLine) + KEY.enter);
      await waitForFrame(app, (f) => !f.includes('Import a curl command') && stripAnsi(f).includes('{{AID}}'));
      await press(app, CTRL('s'));
      await waitForText(app, 'Not sent: {{AID}} has no value', 5000);
      expect(rig.backend.status().lastStatus).toBeUndefined();
    } finally {
      await rig.close();
    }
  });

  it('runs commands from the palette', async () => {
    const rig = await openShell(sim);
    const { app } = rig;
    try {
      await press(app, CTRL('k'));
      await waitForText(app, 'Command:');
      await type(app, 'help');
      await press(app, KEY.enter);
      await waitForText(app, 'talon keys');
    } finally {
      await rig.close();
    }
  });
});
