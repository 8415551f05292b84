import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('talon history', () => {
  it('lists what talon request sent, newest first, as a table or JSON', async () => {
    const { env } = h.home();
    const empty = await runTalon(['history'], { env });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('the history is empty');
    await runTalon(['request', '/devices/queries/devices/v1', '-q', "filter=hostname:'LAPTOP-2KQWM32'"], { env });
    await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=100', '--all', '-o', 'ndjson'], { env });
    const failed = await runTalon(['request', '/devices/queries/devices/v1', '-q', "filter=hostname:'x"], { env });
    expect(failed.code).toBe(1);

    const table = await runTalon(['history'], { env });
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^#\s+TIME\s+STATUS\s+METHOD\s+REQUEST\s+TOOK\s+ITEMS$/);
    expect(lines[1]).toMatch(/^1 .* 400 +GET +\/devices\/queries\/devices\/v1\?filter=hostname:'x +\d+ ms$/);
    expect(lines[2]).toMatch(/^2 .* 200 +GET +\/devices\/queries\/devices\/v1\?limit=100 +\d+ ms +500$/);
    expect(lines[3]).toMatch(/^3 .* 200 +GET +\/devices\/queries\/devices\/v1\?filter=hostname:'LAPTOP-2KQWM32' .* 1$/);

    const json = await runTalon(['history', '--json', '--limit', '2'], { env });
    const entries = JSON.parse(json.stdout);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ profile: 'env', baseUrl: h.sim.url, method: 'GET', status: 400, query: [['filter', "hostname:'x"]] });
    expect(entries[0].traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries[1]).toMatchObject({ status: 200, items: 500 });
    expect(Object.keys(entries[0])).not.toContain('headers');
  });

  it('exports an entry as curl and as talon request, and both replay the same call', async () => {
    const { env } = h.home();
    const id = [...h.sim.tenant.hosts.keys()][3] as string;
    await runTalon(['request', '/devices/entities/devices/v2', '-X', 'POST', '-d', JSON.stringify({ ids: [id] })], { env });
    const curl = await runTalon(['history', 'export', '1', '--curl'], { env });
    expect(curl.code).toBe(0);
    expect(curl.stdout).toBe(
      `curl -X POST ${h.sim.url}/devices/entities/devices/v2 \\\n  -H "Authorization: Bearer $FALCON_TOKEN" \\\n  -H 'Content-Type: application/json' \\\n  -d '{"ids":["${id}"]}'\n`,
    );
    const talon = await runTalon(['history', 'export', '1', '--talon'], { env });
    expect(talon.stdout).toBe(`talon request /devices/entities/devices/v2 -X POST -d '{"ids":["${id}"]}'\n`);
    // The talon line runs as it reads (words split as a shell would).
    const again = await runTalon(['request', '/devices/entities/devices/v2', '-X', 'POST', '-d', `{"ids":["${id}"]}`], { env });
    expect(JSON.parse(again.stdout).resources[0].device_id).toBe(id);

    const bad = await runTalon(['history', 'export', '1', '--format', 'perl'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('talon: Unknown format "perl": use one of curl, falconpy, typescript, talon.\n');
    const both = await runTalon(['history', 'export', '1', '--curl', '--talon'], { env });
    expect(both.stderr).toBe('talon: Choose one format: curl or talon were both given.\n');
    const missing = await runTalon(['history', 'export', '9', '--curl'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/There is no history entry 9: the history has 2 entries/);
  });

  it('exports an entry as FalconPy and as TypeScript SDK code', async () => {
    const { env } = h.home();
    await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=2'], { env });
    const py = await runTalon(['history', 'export', '1', '--format', 'falconpy'], { env });
    expect(py.code).toBe(0);
    expect(py.stdout).toContain('falcon.command("QueryDevicesByFilter", parameters={\n        "limit": "2",\n    })');
    const ts = await runTalon(['history', 'export', '1', '--format', 'typescript'], { env });
    expect(ts.stdout).toContain('await client.hosts.queryDevicesByFilter(undefined /* offset */, 2);');
    expect(ts.stdout + py.stdout).not.toMatch(/FALCON_CLIENT_SECRET=|secret-/);
  });

  it('skips a corrupt line with one warning', async () => {
    const { env, home } = h.home();
    await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env });
    const file = join(home, 'data', 'history.jsonl');
    appendFileSync(file, '{broken\n');
    await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=2'], { env });
    const r = await runTalon(['history', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    expect(r.stderr).toBe(`talon: skipped 1 unreadable line in ${file}\n`);
  });

  it('is bounded by TALON_HISTORY_LIMIT', async () => {
    const { env, home } = h.home('demo', { TALON_HISTORY_LIMIT: '2' });
    for (const n of ['1', '2', '3', '4']) await runTalon(['request', '/devices/queries/devices/v1', '-q', `limit=${n}`], { env });
    const lines = readFileSync(join(home, 'data', 'history.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(JSON.parse(lines.at(-1) as string).query).toEqual([['limit', '4']]);
  });

  it('a history that cannot be written never fails the request: one warning', async () => {
    const { env, home } = h.home();
    writeFileSync(join(home, 'data'), 'a file where the data directory should be');
    const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).resources).toHaveLength(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^talon: could not record the request in the history \(.*\); the request itself is not affected\.$/m);
    const limit = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env: { ...env, TALON_HISTORY_LIMIT: 'many' } });
    expect(limit.code).toBe(0);
  });
});
