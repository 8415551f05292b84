import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { HttpClient } from '../../../src/core/http/httpClient.js';
import { Session } from '../../../src/core/auth/session.js';
import { FalconClient } from '../../../src/core/auth/falconClient.js';
import { collectReport } from '../../../src/core/report/collect.js';
import { builtinReport } from '../../../src/core/report/builtins.js';
import type { ApiRequest } from '../../../src/core/http/types.js';

// The alerts test reads a fixed "now": the tenant's data is generated relative to the same instant,
// so no alert lies after it whatever day the suite runs.
const NOW = Date.parse('2026-11-28T12:00:00Z');
let sim: RunningSimulator;
let client: FalconClient;
const sent: ApiRequest[] = [];
beforeAll(async () => {
  sim = await startSimulator({ port: 0, anchor: NOW });
  const http = new HttpClient({ baseUrl: sim.url });
  const session = new Session({ credentials: { clientId: sim.clients.demo.id, clientSecret: sim.clients.demo.secret, baseUrl: sim.url, autodiscover: false }, http: () => http });
  const inner = new FalconClient(session, () => http);
  client = Object.assign(Object.create(inner) as FalconClient, { request: (req: ApiRequest) => (sent.push(req), inner.request(req)) });
});
afterAll(() => sim.close());

describe('collectReport', () => {
  it('streams pages once for all sections sharing a query, with the same numbers whatever the page size', async () => {
    const spec = builtinReport('fleet')!;
    const progress: string[] = [];
    sent.length = 0;
    const small = await collectReport(client, spec, { pageSize: 60, onProgress: (m) => progress.push(m) });
    const pages = sent.filter((r) => r.path === '/devices/combined/devices/v1');
    // one walk of ceil(500/60) pages feeds all five sections
    expect(pages).toHaveLength(Math.ceil(sim.tenant.hosts.size / 60));
    expect(progress.at(-1)).toBe(`hosts: ${sim.tenant.hosts.size} of ${sim.tenant.hosts.size} records read`);
    const big = await collectReport(client, spec);
    expect(small.sections.map((s) => s.buckets)).toEqual(big.sections.map((s) => s.buckets));
  });

  it('one aggregate call carries every alerts section; the time range and read time are stated', async () => {
    sent.length = 0;
    const data = await collectReport(client, builtinReport('alerts')!, { since: '7d', now: () => NOW });
    expect(sent.map((r) => `${r.method} ${r.path}`).filter((p) => p.includes('alerts'))).toEqual(['POST /alerts/aggregates/alerts/v2']);
    expect(data.readAt).toBe('2026-11-28T12:00:00Z');
    expect(data.sections[0]!.window).toEqual({ from: '2026-11-21T12:00:00Z', to: '2026-11-28T12:00:00Z' });
    expect(data.sections[0]!.filter).toBe("created_timestamp:>='2026-11-21T12:00:00Z'");
    // the per-day series covers the whole window, empty days included
    expect(data.sections[3]!.buckets.map((b) => b.label)).toEqual(Array.from({ length: 8 }, (_, i) => `2026-11-${21 + i}`));
  });

  it('an API error stops the report with the API message (never a silent empty section)', async () => {
    const spec = { title: 'Bad', sections: [{ title: 'x', source: 'alerts', aggregate: { type: 'terms' as const, field: 'no_such_field' } }] };
    const err = await collectReport(client, spec).then(() => undefined, (e: unknown) => e as Error & { details?: string[] });
    expect(err?.message).toMatch(/rejected the request/);
    expect([err?.message, ...(err?.details ?? [])].join('\n')).toContain("\"no_such_field\" is not one");
  });
});
