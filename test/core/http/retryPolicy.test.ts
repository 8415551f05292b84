import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_OPTIONS,
  decide,
  isIdempotent,
  rateLimitWaitMs,
  retryDelayMs,
  type AttemptOutcome,
  type RetryCounts,
} from '../../../src/core/http/retryPolicy.js';

const NOW = 1_800_000_000_500;
const none: RetryCounts = { rateLimit: 0, other: 0 };
const response = (status: number, headers: Record<string, string> = {}): AttemptOutcome => ({ kind: 'response', status, headers });
const run = (method: string, outcome: AttemptOutcome, retriesSoFar = none, random = () => 0.5, writes?: boolean) =>
  decide({ method, writes, outcome, retriesSoFar, nowMs: NOW, options: DEFAULT_RETRY_OPTIONS, random });
const afterSend = (retryable = true): AttemptOutcome => ({ kind: 'network', retryable, sent: true });
const beforeSend = (retryable = true): AttemptOutcome => ({ kind: 'network', retryable, sent: false });

describe('isIdempotent', () => {
  it('is true for GET, HEAD and OPTIONS only', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(isIdempotent(m)).toBe(true);
    for (const m of ['POST', 'PATCH', 'PUT', 'DELETE']) expect(isIdempotent(m)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially up to the cap, scaled by the jitter', () => {
    const o = { baseMs: 500, capMs: 8000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, { ...o, random: () => 0.999999 }))).toEqual([499, 999, 1999, 3999, 7999, 7999]);
    expect(retryDelayMs(3, { ...o, random: () => 0.5 })).toBe(1000);
    expect(retryDelayMs(3, { ...o, random: () => 0 })).toBe(0);
  });

  it('stays within [0, ceiling) with the real random source', () => {
    for (let i = 0; i < 100; i++) {
      const d = retryDelayMs(2, { baseMs: 500, capMs: 8000 });
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1000);
    }
  });
});

describe('rateLimitWaitMs', () => {
  it('reads X-Ratelimit-Retryafter as an epoch in seconds, whatever the header case', () => {
    expect(rateLimitWaitMs({ 'x-ratelimit-retryafter': '1800000002' }, NOW)).toBe(1500);
    expect(rateLimitWaitMs({ 'X-Ratelimit-Retryafter': '1800000002' }, NOW)).toBe(1500);
  });

  it('never returns a negative wait', () => {
    expect(rateLimitWaitMs({ 'x-ratelimit-retryafter': '1700000000' }, NOW)).toBe(0);
  });

  it('falls back to Retry-After in seconds or as an HTTP date', () => {
    expect(rateLimitWaitMs({ 'retry-after': '3' }, NOW)).toBe(3000);
    const date = new Date(NOW + 10_000).toUTCString();
    const wait = rateLimitWaitMs({ 'retry-after': date }, NOW) as number;
    expect(wait).toBeGreaterThan(9000);
    expect(wait).toBeLessThanOrEqual(10_000);
  });

  it('is undefined without a usable header', () => {
    expect(rateLimitWaitMs({}, NOW)).toBeUndefined();
    expect(rateLimitWaitMs({ 'retry-after': 'soon' }, NOW)).toBeUndefined();
  });
});

describe('decide', () => {
  it('retries a 429 for any method, waiting as the header says', () => {
    const r429 = response(429, { 'x-ratelimit-retryafter': '1800000002' });
    for (const m of ['GET', 'POST', 'PATCH', 'DELETE']) {
      expect(run(m, r429)).toEqual({ retry: true, reason: 'rate-limit', waitMs: 1500 });
    }
  });

  it('backs off on a 429 whose moment has passed or that names none', () => {
    expect(run('POST', response(429, { 'x-ratelimit-retryafter': '1' }))).toEqual({ retry: true, reason: 'rate-limit', waitMs: 250 });
    expect(run('POST', response(429))).toEqual({ retry: true, reason: 'rate-limit', waitMs: 250 });
  });

  it('returns a 429 that asks for a longer wait than allowed', () => {
    expect(run('GET', response(429, { 'x-ratelimit-retryafter': String(Math.ceil(NOW / 1000) + 61) }))).toEqual({ retry: false });
  });

  it('stops after the 429 bound', () => {
    const r429 = response(429, { 'x-ratelimit-retryafter': '1800000002' });
    expect(run('GET', r429, { rateLimit: 4, other: 0 }).retry).toBe(true);
    expect(run('GET', r429, { rateLimit: 5, other: 0 })).toEqual({ retry: false });
  });

  it('retries 5xx for idempotent methods only, with backoff', () => {
    expect(run('GET', response(503))).toEqual({ retry: true, reason: 'server-error', waitMs: 250 });
    expect(run('GET', response(500), { rateLimit: 0, other: 2 })).toEqual({ retry: true, reason: 'server-error', waitMs: 1000 });
    for (const m of ['POST', 'PATCH', 'PUT', 'DELETE']) expect(run(m, response(500))).toEqual({ retry: false });
  });

  it('does not retry statuses that cannot change, or successes and client errors', () => {
    for (const s of [200, 201, 400, 401, 403, 404, 501, 505]) expect(run('GET', response(s))).toEqual({ retry: false });
  });

  it('stops after the 5xx/network bound', () => {
    expect(run('GET', response(500), { rateLimit: 0, other: 3 }).retry).toBe(true);
    expect(run('GET', response(500), { rateLimit: 0, other: 4 })).toEqual({ retry: false });
    expect(run('GET', afterSend(), { rateLimit: 0, other: 4 })).toEqual({ retry: false });
    expect(run('POST', beforeSend(), { rateLimit: 0, other: 4 })).toEqual({ retry: false });
  });

  it('retries transient network failures after sending for idempotent methods only', () => {
    expect(run('GET', afterSend())).toEqual({ retry: true, reason: 'network', waitMs: 250 });
    expect(run('GET', afterSend(false))).toEqual({ retry: false });
    expect(run('POST', afterSend())).toEqual({ retry: false });
    expect(run('DELETE', afterSend())).toEqual({ retry: false });
  });

  it('retries a connection that was never made (refused, no route) for any method, within the bound', () => {
    for (const m of ['GET', 'POST', 'DELETE']) expect(run(m, beforeSend())).toEqual({ retry: true, reason: 'network', waitMs: 250 });
    expect(run('POST', beforeSend(), none, () => 0.5, true)).toEqual({ retry: true, reason: 'network', waitMs: 250 });
    expect(run('POST', beforeSend(false), none, () => 0.5, true)).toEqual({ retry: false });
  });
});

describe('the send policy decides what may be repeated (ApiRequest.writes)', () => {
  it('a write is never repeated once it may have reached the server, whatever its method', () => {
    for (const m of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(run(m, response(500), none, () => 0.5, true)).toEqual({ retry: false });
      expect(run(m, response(503), none, () => 0.5, true)).toEqual({ retry: false });
      expect(run(m, afterSend(), none, () => 0.5, true)).toEqual({ retry: false });
    }
  });

  it('a write is still retried after a 429: the server did not process it', () => {
    expect(run('POST', response(429, { 'x-ratelimit-retryafter': '1800000002' }), none, () => 0.5, true)).toEqual({ retry: true, reason: 'rate-limit', waitMs: 1500 });
  });

  it('a read POST (a query) is repeated after a 5xx like a GET', () => {
    expect(run('POST', response(500), none, () => 0.5, false)).toEqual({ retry: true, reason: 'server-error', waitMs: 250 });
    expect(run('POST', afterSend(), none, () => 0.5, false)).toEqual({ retry: true, reason: 'network', waitMs: 250 });
  });
});
