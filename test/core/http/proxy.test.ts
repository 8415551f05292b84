// Proxies: a real local HTTP proxy must see the traffic, from --proxy or from
// the environment, and NO_PROXY must route around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../../src/core/http/httpClient.js';
import { NetworkError } from '../../../src/core/http/networkError.js';
import { startHarness, type SimHarness } from '../../helpers/simClient.js';
import { startLocalProxy, startLocalServer, type LocalProxy, type LocalServer } from './helpers/localServers.js';

let h: SimHarness;
let proxy: LocalProxy;
let auth: Record<string, string>;

beforeAll(async () => {
  h = await startHarness();
  proxy = await startLocalProxy();
  auth = { Authorization: `Bearer ${await h.token()}` };
});
afterAll(async () => {
  await proxy.close();
  await h.close();
});

async function getVia(options: Omit<HttpClientOptions, 'baseUrl'>): Promise<number> {
  const client = new HttpClient({ baseUrl: h.sim.url, ...options });
  try {
    const res = await client.request({ method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '1']], headers: auth });
    return res.status;
  } finally {
    await client.close();
  }
}

describe('HTTP proxy', () => {
  it('sends requests through --proxy', async () => {
    proxy.forwarded.length = 0;
    expect(await getVia({ proxy: proxy.url, env: {} })).toBe(200);
    expect(proxy.forwarded).toEqual([`${h.sim.url}/devices/queries/devices/v1?limit=1`]);
  });

  it('sends requests through HTTP_PROXY from the environment', async () => {
    proxy.forwarded.length = 0;
    expect(await getVia({ env: { HTTP_PROXY: proxy.url } })).toBe(200);
    expect(proxy.forwarded).toHaveLength(1);
    expect(await getVia({ env: { http_proxy: proxy.url } })).toBe(200);
    expect(proxy.forwarded).toHaveLength(2);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    proxy.forwarded.length = 0;
    expect(await getVia({ env: { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } })).toBe(200);
    expect(proxy.forwarded).toEqual([]);
  });

  it('does not use HTTPS_PROXY for a plain-http API', async () => {
    proxy.forwarded.length = 0;
    expect(await getVia({ env: { HTTPS_PROXY: proxy.url } })).toBe(200);
    expect(proxy.forwarded).toEqual([]);
    expect(proxy.tunnels).toEqual([]);
  });

  it('fails with NetworkError when the proxy cannot be reached', async () => {
    const err = await getVia({ proxy: 'http://127.0.0.1:1', env: {}, sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).message).toBe(
      `Cannot reach ${new URL(h.sim.url).host} (connection refused). Check the base URL, your network or proxy settings.`,
    );
  });
});

describe('the node:http stack', () => {
  it('hands a proxied call to undici, so HTTPS_PROXY and --proxy still work for one-shot commands', async () => {
    proxy.forwarded.length = 0;
    expect(await getVia({ stack: 'node', proxy: proxy.url, env: {} })).toBe(200);
    expect(await getVia({ stack: 'node', env: { HTTP_PROXY: proxy.url } })).toBe(200);
    expect(proxy.forwarded).toHaveLength(2);
    expect(await getVia({ stack: 'node', env: {} })).toBe(200);
    expect(proxy.forwarded).toHaveLength(2);
  });
});

describe('HTTPS through a proxy', () => {
  let tls: LocalServer;
  beforeAll(async () => {
    tls = await startLocalServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"ok":true}');
    }, 'https');
  });
  afterAll(async () => {
    await tls.close();
  });

  it('tunnels with CONNECT, and --insecure reaches a self-signed host', async () => {
    proxy.tunnels.length = 0;
    const client = new HttpClient({ baseUrl: tls.url, env: { HTTPS_PROXY: proxy.url }, insecure: true });
    try {
      const res = await client.request({ method: 'GET', path: '/x' });
      expect(res.body).toEqual({ kind: 'json', value: { ok: true } });
    } finally {
      await client.close();
    }
    expect(proxy.tunnels).toEqual([`127.0.0.1:${tls.port}`]);
  });

  it('without --insecure, a self-signed host fails with the certificate sentence', async () => {
    const client = new HttpClient({ baseUrl: tls.url, proxy: proxy.url });
    try {
      const err = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect((err as NetworkError).kind).toBe('tls');
    } finally {
      await client.close();
    }
  });
});
