// Retries against the simulator's fault injection. Waits go through an
// injected sleep that records them and returns at once.
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, type HttpClientOptions, type RetryInfo } from '../../../src/core/http/httpClient.js';
import { NetworkError } from '../../../src/core/http/networkError.js';
import type { ApiRequest } from '../../../src/core/http/types.js';
import { startHarness, type SimHarness } from '../../helpers/simClient.js';

let h: SimHarness | undefined;
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await h?.close();
  client = undefined;
  h = undefined;
});

interface Recorder {
  waits: number[];
  retries: RetryInfo[];
}

async function setup(simOptions: Parameters<typeof startHarness>[0], extra: Partial<HttpClientOptions> = {}) {
  h = await startHarness(simOptions);
  const rec: Recorder = { waits: [], retries: [] };
  client = new HttpClient({
    baseUrl: h.sim.url,
    env: {},
    sleep: async (ms) => {
      rec.waits.push(ms);
    },
    onRetry: (info) => rec.retries.push(info),
    ...extra,
  });
  const auth = { Authorization: `Bearer ${await h.token()}` };
  const c = client;
  const call = (req: Omit<ApiRequest, 'headers'>) => c.request({ ...req, headers: auth });
  return { rec, call, sim: h.sim };
}

const query = { method: 'GET', path: '/devices/queries/devices/v1' } as const;
const postDetails = (ids: string[]) => ({ method: 'POST', path: '/devices/entities/devices/v2', body: { json: { ids } } }) as const;

describe('retries on 5xx', () => {
  it('GETs end 200 after retrying injected 5xx', async () => {
    const { rec, call } = await setup({ faults: '5xx=0.5,seed=3' });
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await call(query));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.some((r) => r.attempts > 1)).toBe(true);
    const retried = results.reduce((n, r) => n + r.attempts - 1, 0);
    expect(rec.retries).toHaveLength(retried);
    expect(rec.retries.every((r) => r.reason === 'server-error' && (r.status ?? 0) >= 500)).toBe(true);
    expect(rec.waits).toEqual(rec.retries.map((r) => r.waitMs));
  });

  it('gives up after the bound and returns the last 5xx', async () => {
    const { rec, call } = await setup({ faults: { errorRate: 1, errorStatuses: [503] } }, { random: () => 0.999 });
    const res = await call(query);
    expect(res.status).toBe(503);
    expect(res.attempts).toBe(5);
    expect(rec.retries.map((r) => r.attempt)).toEqual([2, 3, 4, 5]);
    // Exponential backoff with full jitter (random pinned near 1): 500, 1000, 2000, 4000 ms ceilings.
    expect(rec.waits).toEqual([499, 999, 1998, 3996]);
  });

  it('never repeats a POST that got a 5xx', async () => {
    const { rec, call, sim } = await setup({ faults: { errorRate: 1 } });
    const res = await call(postDetails([...sim.tenant.hosts.keys()].slice(0, 1)));
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.attempts).toBe(1);
    expect(rec.retries).toEqual([]);
  });
});

describe('retries on 429', () => {
  // A fixed clock on both sides, so the wait named by the epoch header is exact.
  const T = 1_800_000_000_500;

  it('retries a POST after the wait X-Ratelimit-Retryafter names, then succeeds', async () => {
    const { rec, call, sim } = await setup({ now: () => T, faults: { rateLimitRate: 0.5, rateLimitBurst: 2, seed: 5 } }, { now: () => T });
    const ids = [...sim.tenant.hosts.keys()].slice(0, 2);
    let res = await call(postDetails(ids));
    // The seed decides where bursts fall; keep calling until one was retried.
    for (let i = 0; i < 10 && res.attempts === 1; i++) res = await call(postDetails(ids));
    expect(res.status).toBe(200);
    expect(res.attempts).toBeGreaterThan(1);
    expect(rec.retries.length).toBeGreaterThan(0);
    expect(rec.retries.every((r) => r.reason === 'rate-limit' && r.status === 429)).toBe(true);
    // The simulator sends ceil(T / 1000) + 1 as the epoch: 1_800_000_002 s, 1500 ms after T.
    expect(new Set(rec.waits)).toEqual(new Set([1500]));
  });

  it('gives up after the 429 bound and returns the 429', async () => {
    const { rec, call } = await setup({ now: () => T, faults: { rateLimitRate: 1, rateLimitBurst: 2 } }, { now: () => T });
    const res = await call(query);
    expect(res.status).toBe(429);
    expect(res.attempts).toBe(6);
    expect(rec.waits).toEqual([1500, 1500, 1500, 1500, 1500]);
    expect(res.headers['x-ratelimit-retryafter']).toBe('1800000002');
  });

  it('returns a 429 at once when it asks for a longer wait than allowed', async () => {
    // Our clock is two minutes behind the server's, so the named moment is 121.5 s away.
    const { rec, call } = await setup({ now: () => T, faults: { rateLimitRate: 1 } }, { now: () => T - 120_000 });
    const res = await call(query);
    expect(res.status).toBe(429);
    expect(res.attempts).toBe(1);
    expect(rec.waits).toEqual([]);
  });
});

describe('retries on dropped connections', () => {
  it('a dropped POST throws NetworkError without a retry', async () => {
    const { rec, call, sim } = await setup({ faults: { dropRate: 1 } });
    const err = await call(postDetails([...sim.tenant.hosts.keys()].slice(0, 1))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).kind).toBe('reset');
    expect((err as NetworkError).exitCode).toBe(4);
    expect((err as NetworkError).details).toEqual([]);
    expect(rec.retries).toEqual([]);
  });

  it('GETs survive dropped connections by retrying', async () => {
    const { rec, call } = await setup({ faults: { dropRate: 0.4, seed: 11 } });
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await call(query));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(rec.retries.length).toBeGreaterThan(0);
    expect(rec.retries.every((r) => r.reason === 'network' && r.cause?.includes('connection reset'))).toBe(true);
  });

  it('a GET that keeps being dropped throws NetworkError after the bound', async () => {
    const { rec, call } = await setup({ faults: { dropRate: 1 } });
    const err = await call(query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).details).toEqual(['Gave up after 5 attempts.']);
    expect(rec.retries).toHaveLength(4);
  });
});
