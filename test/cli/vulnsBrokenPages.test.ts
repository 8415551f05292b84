// A Spotlight API whose pages do not add up: talon must say so and exit 1,
// never print a partial result as the answer.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { ATTACK, VISIBLE } from '../helpers/hostile/controlSequenceServer.js';

type Page = { status?: number; body: unknown };
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const record = (n: number) => ({ id: `aid${n}_x`, aid: `aid${n}`, status: 'open', created_timestamp: '2026-01-01T00:00:00Z', cve: { id: 'CVE-2026-1000', severity: 'HIGH', exploit_status: 30 }, host_info: { hostname: `h${n}` } });
const envelope = (resources: unknown, pagination: Record<string, unknown>) => ({ meta: { query_time: 0.01, trace_id: 'trace-1', pagination }, resources, errors: [] });

/** Serves the token call, then `pages` in order for the combined Spotlight call (by the `after` sent). */
async function spotlight(pages: (after: string | null) => Page): Promise<NodeJS.ProcessEnv> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'X-Cs-Traceid': 'trace-1' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    req.resume();
    req.on('end', () => {
      if (url.pathname === '/oauth2/token') return send(201, { access_token: 'tok', token_type: 'bearer', expires_in: 1799 });
      if (url.pathname === '/spotlight/combined/vulnerabilities/v1') {
        const p = pages(url.searchParams.get('after'));
        return send(p.status ?? 200, p.body);
      }
      if (url.pathname === '/spotlight/entities/remediations/v2') return send(200, envelope([], {}));
      send(404, envelope(null, {}));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server!.address() as AddressInfo).port;
  return tempHome({ FALCON_BASE_URL: `http://127.0.0.1:${port}`, FALCON_CLIENT_ID: 'id', FALCON_CLIENT_SECRET: 'secret', HTTP_PROXY: '', http_proxy: '' }).env;
}

describe('talon vulns: every page exactly once', () => {
  it('a page that comes back twice (the same records again) stops with exit 1', async () => {
    const env = await spotlight((after) => ({ body: envelope([record(1), record(2)], { limit: 2, total: 4, after: after === null ? 'a1' : 'a2' }) }));
    const r = await runTalon(['vulns'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('talon: The API repeated vulnerability aid1_x on page 2 of the Spotlight search (after 2 records)');
    expect(r.stderr).toContain('trace id: trace-1');
  });

  it('the same after token twice stops with exit 1', async () => {
    let n = 0;
    const env = await spotlight(() => ({ body: envelope([record(++n)], { limit: 1, total: 10, after: 'same' }) }));
    const r = await runTalon(['vulns', '--json'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('returned an `after` token it had already given');
  });

  it('a walk that ends before its announced total stops with exit 1', async () => {
    const env = await spotlight((after) => (after === null ? { body: envelope([record(1), record(2)], { limit: 2, total: 5, after: 'a1' }) } : { body: envelope([record(3)], { limit: 2, total: 5 }) }));
    const r = await runTalon(['vulns', '--csv'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The Spotlight search ended early: the API announced 5 records but its last page came after 3');
  });

  it('a page that is not an envelope stops with exit 1', async () => {
    const env = await spotlight((after) => (after === null ? { body: envelope([record(1)], { limit: 1, total: 2, after: 'a1' }) } : { body: '<html>gateway</html>' }));
    const r = await runTalon(['vulns', 'tickets', '--group-by', 'cve'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("The API's answer to page 2 of the Spotlight search (after 1 records) is not a Falcon envelope");
  });

  it('a sound walk over several pages counts each record once', async () => {
    const env = await spotlight((after) => {
      const i = after === null ? 0 : Number(after);
      const next = i + 2 < 5 ? { after: String(i + 2) } : {};
      return { body: envelope([record(i + 1), ...(i + 2 <= 5 ? [record(i + 2)] : [])].slice(0, 5 - i), { limit: 2, total: 5, ...next }) };
    });
    const r = await runTalon(['vulns', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 5, groups: [{ cveId: 'CVE-2026-1000', hostCount: 5 }] });
  });

  it('tenant text with terminal control sequences is shown as text in the table, JSON and ticket output', async () => {
    const hostile = { ...record(1), host_info: { hostname: `evil${ATTACK}` }, cve: { ...record(1).cve, description: `desc${ATTACK}` } };
    const env = await spotlight(() => ({ body: envelope([hostile], { limit: 1, total: 1 }) }));
    for (const args of [['vulns', '--by', 'host'], ['vulns', '--json'], ['vulns', 'tickets', '--group-by', 'cve']]) {
      const r = await runTalon(args, { env });
      expect(r.code, r.stderr).toBe(0);
      // eslint-disable-next-line no-control-regex
      expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b\u009d\u202e]/);
    }
    const table = await runTalon(['vulns', '--by', 'host'], { env });
    for (const marker of VISIBLE) expect(table.stdout).toContain(marker);
  });
});
