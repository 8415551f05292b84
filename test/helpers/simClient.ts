// Test helper: a simulator on 127.0.0.1:0 and a tiny HTTP client for it,
// talking real HTTP with fetch (no mocks).
import { startSimulator, type RunningSimulator } from '../../src/sim/server.js';
import type { SimulatorOptions } from '../../src/sim/options.js';
import { apiHome } from './tempHome.js';

export interface ApiResult {
  status: number;
  headers: Headers;
  /** parsed JSON body (every simulator answer is JSON) */
  json: any;
}

export interface SimHarness {
  sim: RunningSimulator;
  /** a bearer token for the demo client (or the read-only one) */
  token(kind?: 'demo' | 'readOnly', memberCid?: string): Promise<string>;
  /** calls the API; `token: null` sends no Authorization header */
  api(
    method: string,
    path: string,
    opts?: { query?: Record<string, string | number | boolean | (string | number)[]>; body?: unknown; token?: string | null; headers?: Record<string, string> },
  ): Promise<ApiResult>;
  /** a fresh TALON_HOME and the variables that point talon at this simulator as the demo (or read-only) client */
  home(kind?: 'demo' | 'readOnly', extra?: NodeJS.ProcessEnv): { home: string; env: NodeJS.ProcessEnv };
  close(): Promise<void>;
}

export async function startHarness(options: SimulatorOptions = {}): Promise<SimHarness> {
  const sim = await startSimulator({ port: 0, host: '127.0.0.1', ...options });
  const cache = new Map<string, string>();

  async function token(kind: 'demo' | 'readOnly' = 'demo', memberCid?: string): Promise<string> {
    const key = `${kind}:${memberCid ?? ''}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const c = sim.clients[kind];
    const form = new URLSearchParams({ client_id: c.id, client_secret: c.secret });
    if (memberCid) form.set('member_cid', memberCid);
    const res = await fetch(`${sim.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    if (res.status !== 201) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
    const t = ((await res.json()) as { access_token: string }).access_token;
    cache.set(key, t);
    return t;
  }

  async function api(
    method: string,
    path: string,
    opts: { query?: Record<string, string | number | boolean | (string | number)[]>; body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<ApiResult> {
    const url = new URL(path, sim.url);
    for (const [k, v] of Object.entries(opts.query ?? {})) {
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
    const bearer = opts.token === undefined ? await token() : opts.token;
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  }

  const home = (kind: 'demo' | 'readOnly' = 'demo', extra: NodeJS.ProcessEnv = {}) => apiHome(sim.url, sim.clients[kind], extra);
  return { sim, token, api, home, close: () => sim.close() };
}
