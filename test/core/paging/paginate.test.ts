import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import type { SimulatorOptions } from '../../../src/sim/options.js';
import { HttpClient } from '../../../src/core/http/httpClient.js';
import type { ApiRequest } from '../../../src/core/http/types.js';
import { Session } from '../../../src/core/auth/session.js';
import { FalconClient } from '../../../src/core/auth/falconClient.js';
import { paginate, type PageInfo } from '../../../src/core/paging/paginate.js';

interface Rig {
  sim: RunningSimulator;
  client: FalconClient;
  http: HttpClient;
}

async function rig(options: SimulatorOptions = {}): Promise<Rig> {
  const sim = await startSimulator({ port: 0, ...options });
  // Retries wait for nothing here, so fault-heavy walks stay fast.
  const http = new HttpClient({ baseUrl: sim.url, retry: { maxRetries: 8, maxRateLimitRetries: 8 }, sleep: async () => undefined });
  const session = new Session({
    credentials: { clientId: sim.clients.demo.id, clientSecret: sim.clients.demo.secret, baseUrl: sim.url, autodiscover: false },
    http: () => http,
  });
  return { sim, http, client: new FalconClient(session, () => http) };
}

async function collect(r: Rig, req: ApiRequest, opts: Parameters<typeof paginate>[2] = {}): Promise<{ items: unknown[]; pages: PageInfo[] }> {
  const pages: PageInfo[] = [];
  const items: unknown[] = [];
  for await (const item of paginate(r.client, req, { ...opts, onPage: (p) => pages.push(p) })) items.push(item);
  return { items, pages };
}

const key = (item: unknown): string => (typeof item === 'string' ? item : JSON.stringify(item));

const STYLES: { name: string; style: PageInfo['style']; req: (sim: RunningSimulator) => ApiRequest }[] = [
  { name: 'integer offset (hosts)', style: 'offset', req: () => ({ method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '37'], ['filter', "platform_name:'Windows'"]] }) },
  { name: 'string offset token (hosts scroll)', style: 'offset-token', req: () => ({ method: 'GET', path: '/devices/queries/devices-scroll/v1', query: [['limit', '41']] }) },
  { name: 'next token (hosts combined)', style: 'next-token', req: () => ({ method: 'GET', path: '/devices/combined/devices/v1', query: [['limit', '53'], ['fields', 'hostname']] }) },
  { name: 'after in the query (Spotlight)', style: 'after', req: () => ({ method: 'GET', path: '/spotlight/queries/vulnerabilities/v1', query: [['limit', '77'], ['filter', "status:'open'"]] }) },
  { name: 'after in a POST body (alerts combined)', style: 'after', req: () => ({ method: 'POST', path: '/alerts/combined/alerts/v1', body: { json: { limit: 23, sort: 'created_timestamp|desc' } } }) },
  { name: 'next_page (legacy indicator lookup)', style: 'next-page', req: (sim) => ({ method: 'GET', path: '/indicators/queries/devices/v1', query: [['type', 'sha256'], ['value', sim.samples.sha256[0] as string], ['limit', '2']] }) },
  { name: 'offset and after together (IOC management: after wins)', style: 'after', req: () => ({ method: 'GET', path: '/iocs/queries/indicators/v1', query: [['limit', '7']] }) },
];

describe('paginate', () => {
  let clean: Rig;
  let faulty: Rig;
  beforeAll(async () => {
    clean = await rig();
    faulty = await rig({ faults: '5xx=0.25,429=0.05x2,drop=0.05,seed=5' });
  });
  afterAll(async () => {
    for (const r of [clean, faulty]) {
      await r.http.close();
      await r.sim.close();
    }
  });

  for (const s of STYLES) {
    it(`walks ${s.name}: every item once, in order, with and without faults`, async () => {
      const a = await collect(clean, s.req(clean.sim));
      expect(a.pages.length).toBeGreaterThan(1);
      expect(a.pages[0]?.style).toBe(s.style);
      const total = a.pages[0]?.total;
      expect(a.items).toHaveLength(total as number);
      expect(new Set(a.items.map(key)).size).toBe(a.items.length);

      const b = await collect(faulty, s.req(faulty.sim));
      expect(b.items.map(key)).toEqual(a.items.map(key));
    });
  }

  it('really retried pages under faults', async () => {
    const b = await collect(faulty, { method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '10']] });
    expect(b.items).toHaveLength(500);
    expect(b.pages.some((p) => p.response.attempts > 1)).toBe(true);
  });

  it('stops early at maxItems', async () => {
    const r = await collect(clean, { method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '100']] }, { maxItems: 150 });
    expect(r.items).toHaveLength(150);
    expect(r.pages).toHaveLength(2);
  });

  it('turns an API error into an ApiError with the message and trace id', async () => {
    await expect(collect(clean, { method: 'GET', path: '/devices/queries/devices/v1', query: [['filter', "hostname:'x"]] })).rejects.toMatchObject({
      exitCode: 1,
      details: expect.arrayContaining([expect.stringContaining('Failed to parse filter expression'), expect.stringMatching(/^trace id: /)]),
    });
  });
});

describe('the 10,000 offset cap on host queries', () => {
  let big: Rig;
  beforeAll(async () => {
    big = await rig({ hosts: 10_050 });
  });
  afterAll(async () => {
    await big.http.close();
    await big.sim.close();
  });

  it('fetches all hosts past 10,000 by moving to the scroll endpoint, and says so', async () => {
    const notices: string[] = [];
    const r = await collect(big, { method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '5000']] }, { onNotice: (m) => notices.push(m) });
    expect(r.items).toHaveLength(10_050);
    expect(new Set(r.items).size).toBe(10_050);
    expect(r.pages[0]?.style).toBe('offset-token');
    expect(notices[0]).toContain('/devices/queries/devices-scroll/v1');
  });

  it('stays on the offset endpoint when maxItems fits under the cap', async () => {
    const r = await collect(big, { method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '5000']] }, { maxItems: 6000 });
    expect(r.items).toHaveLength(6000);
    expect(r.pages[0]?.style).toBe('offset');
  });
});
