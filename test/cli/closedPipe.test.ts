// `talon request --all -o ndjson | head -1`: the reader goes away, talon stops quietly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { startTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('a closed pipe', () => {
  it('ends a streaming request with exit 0 and nothing on stderr', async () => {
    const c = h.sim.clients.demo;
    const { env } = tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' });
    const run = await startTalon(['request', '/devices/queries/devices/v1', '--all', '-o', 'ndjson'], 1, { env });
    let stderr = '';
    run.child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(run.lines[0]).toMatch(/^"[0-9a-f]{32}"$/);
    run.child.stdout.destroy();
    expect(await run.exited).toBe(0);
    expect(stderr).toBe('');
  });
});
