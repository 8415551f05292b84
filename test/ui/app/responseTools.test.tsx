// The response tools in the whole shell on the simulator: from a hosts
// query to its entities with one key (through the backend's door), the
// table of those hosts, and a copy that reaches the terminal as OSC 52.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { openShell, sendHostQuery, type ShellRig } from '../../helpers/shellRig.js';
import { frameWith, press } from '../../helpers/ink.js';

let sim: RunningSimulator;
let rig: ShellRig | undefined;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, log: () => undefined });
});
afterAll(() => sim.close());
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('response tools in the shell', () => {
  it('e turns a hosts query into its entities, t shows them as a table, y copies through the terminal', async () => {
    const written: string[] = [];
    rig = await openShell(sim, { size: { columns: 140, rows: 30 }, clipboard: { write: (d) => void written.push(d), isTTY: true, term: 'xterm-256color' } });
    const { app } = rig;
    await sendHostQuery(app, 'limit=7');
    await frameWith(app.lastFrame, /200 OK GET \/devices\/queries\/devices\/v1/);
    await press(app, 'e');
    const f = await frameWith(app.lastFrame, /POST \/devices\/entities\/devices\/v2: 7 ids in 1 call of up to 5000/, 5000);
    expect(f).toMatch(/200 OK POST \/devices\/entities\/devices\/v2/);
    const hosts = [...sim.tenant.hosts.values()];
    const shown = hosts.filter((h) => f.includes(h.device_id));
    expect(shown.length).toBeGreaterThan(0);
    await press(app, 't');
    const table = await frameWith(app.lastFrame, '7 rows of hosts');
    expect(table).toMatch(/hostname\s+device_id\s+platform_name\s+os_version\s+status\s+last_seen/);
    const row = table.split('\n').find((l) => hosts.some((h) => l.startsWith(h.hostname)))!;
    const host = hosts.find((h) => row.startsWith(h.hostname))!;
    expect(row).toContain(host.device_id);
    // y on a row copies that host's record.
    await press(app, 'y');
    await frameWith(app.lastFrame, /Copied the row \([\d.]+ (KB|bytes)\) to the clipboard/);
    const payload = written.at(-1)!.slice('\u001b]52;c;'.length, -1);
    expect(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')).device_id).toBe(host.device_id);
  });

  it('H shows the headers the simulator sent, rate limit and trace id first', async () => {
    rig = await openShell(sim);
    const { app } = rig;
    await sendHostQuery(app, 'limit=2');
    await frameWith(app.lastFrame, /200 OK GET/);
    await press(app, 'H');
    const f = await frameWith(app.lastFrame, 'Status and headers');
    const lines = f.split('\n');
    const at = (name: string) => lines.findIndex((l) => l.startsWith(`${name}: `));
    expect(at('x-ratelimit-limit')).toBeGreaterThan(0);
    expect(at('x-ratelimit-remaining')).toBeGreaterThan(at('x-ratelimit-limit'));
    expect(at('x-cs-traceid')).toBeGreaterThan(at('x-ratelimit-remaining'));
    expect(at('content-type')).toBeGreaterThan(at('x-cs-traceid'));
  });

  it('t on a list of ids says there is no table there', async () => {
    rig = await openShell(sim);
    const { app } = rig;
    await sendHostQuery(app, 'limit=2');
    await frameWith(app.lastFrame, /200 OK GET/);
    await press(app, 't');
    await frameWith(app.lastFrame, 'No table here: the value is not an array of objects');
  });
});
