// `talon request --jq`: real jq over the simulator's answers, and a filter
// that does not compile refused before anything is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function simEnv(): NodeJS.ProcessEnv {
  const c = h.sim.clients.demo;
  return tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', NO_COLOR: '1' }).env;
}

describe('talon request --jq', () => {
  it('prints each output of the filter as one JSON value a line', async () => {
    const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=3', '--jq', '.resources[]'], { env: simEnv() });
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as string);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(h.sim.tenant.hosts.has(id)).toBe(true);
  });

  it('applies the filter to each item with --all', async () => {
    const r = await runTalon(['request', '/devices/combined/devices/v1', '--max-items', '4', '--jq', '{hostname, id: .device_id}'], { env: simEnv() });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { hostname: string; id: string });
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(h.sim.tenant.hosts.get(row.id)?.hostname).toBe(row.hostname);
  });

  it('exits 2 with one sentence for a filter that does not compile, sending nothing', async () => {
    const before = h.sim.tokensIssued();
    const r = await runTalon(['request', '/devices/queries/devices/v1', '--jq', '.resources['], { env: simEnv() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^talon: The --jq filter does not compile \(syntax error, unexpected end of file.*\): check its quoting and brackets\.$/m);
    expect(h.sim.tokensIssued()).toBe(before);
  });

  it('exits 2 when the filter fails on the answer', async () => {
    const r = await runTalon(['request', '/devices/queries/devices/v1', '--jq', '.meta.nothing[]'], { env: simEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The --jq filter failed on the response: Cannot iterate over null');
  });
});
