// The retry policy reads the send policy's classification: a write answered
// 500, cut off after sending, or walked with fetch-all is sent exactly once
// (counted on a local server); a read POST is retried; a 429 and a
// connection that was never made are retried for a write too.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { HttpClient, type RetryInfo } from '../../../src/core/http/httpClient.js';
import { Session } from '../../../src/core/auth/session.js';
import { FalconClient } from '../../../src/core/auth/falconClient.js';
import { GuardedClient } from '../../../src/core/request/guardedClient.js';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { paginate } from '../../../src/core/paging/paginate.js';
import { NetworkError } from '../../../src/core/http/networkError.js';
import type { ApiRequest } from '../../../src/core/http/types.js';
import { closedPort, startLocalServer, type LocalServer, type SeenRequest } from '../http/helpers/localServers.js';

const ADMIN_COMMAND: ApiRequest = {
  method: 'POST',
  path: '/real-time-response/combined/batch-admin-command/v1',
  body: { json: { base_command: 'runscript', batch_id: 'b1', command_string: 'runscript -Raw=```Remove-Item C:\\x```' } },
};
const ALERTS_QUERY: ApiRequest = { method: 'POST', path: '/alerts/combined/alerts/v1', body: { json: { filter: "severity:>50" } } };

let server: LocalServer | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.close();
  server = undefined;
});

/** A server that hands out tokens and answers everything else with `answer`. */
async function serve(answer: (req: SeenRequest, res: ServerResponse) => void): Promise<LocalServer> {
  server = await startLocalServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url.startsWith('/oauth2/token')) {
      res.statusCode = 201;
      res.end(JSON.stringify({ access_token: 'token-1', expires_in: 1799 }));
      return;
    }
    answer(req, res);
  });
  return server;
}

/** The door over a real HTTP client; `apiUrl` (default: the token server) is where API calls go. */
function door(baseUrl: string, retries: RetryInfo[] = [], apiUrl = baseUrl): GuardedClient {
  // Retries wait for nothing here.
  const client = (url: string): HttpClient => {
    const http = new HttpClient({ baseUrl: url, env: {}, sleep: async () => undefined, onRetry: (r) => retries.push(r) });
    closers.push(() => http.close());
    return http;
  };
  const tokens = client(baseUrl);
  const api = apiUrl === baseUrl ? tokens : client(apiUrl);
  const session = new Session({ credentials: { clientId: 'c', clientSecret: 's', baseUrl, autodiscover: false }, http: () => tokens });
  return new GuardedClient({
    client: new FalconClient(session, () => api),
    profile: { name: 'open', readOnly: false },
    catalog: async () => bundledCatalog(),
    baseUrl: async () => apiUrl,
    confirm: async () => true,
  });
}

const calls = (s: LocalServer, path: string): number => s.requests.filter((r) => r.url.split('?')[0] === path).length;

function fail(status: number) {
  return (_req: SeenRequest, res: ServerResponse): void => {
    res.statusCode = status;
    res.end(JSON.stringify({ meta: { trace_id: 't-1' }, resources: [], errors: [{ code: status, message: 'boom' }] }));
  };
}

describe('a write is never sent again once it may have reached the server', () => {
  it('a batch-admin-command POST answered 500 is sent exactly once', async () => {
    const s = await serve(fail(500));
    const retries: RetryInfo[] = [];
    const res = await door(s.url, retries).request(ADMIN_COMMAND);
    expect(res.status).toBe(500);
    expect(calls(s, ADMIN_COMMAND.path)).toBe(1);
    expect(retries).toEqual([]);
  });

  it('with fetch-all (--all) too: one request, then the 500 as an error', async () => {
    const s = await serve(fail(500));
    const walk = paginate(door(s.url), ADMIN_COMMAND);
    await expect(walk.next()).rejects.toThrow(/500/);
    expect(calls(s, ADMIN_COMMAND.path)).toBe(1);
  });

  it('a write cut off after it was sent is not repeated, and the error says it may have taken effect', async () => {
    const s = await serve((_req, res) => res.socket?.destroy());
    const e = await door(s.url).request(ADMIN_COMMAND).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect((e as NetworkError).details.join(' ')).toContain('may have reached the server');
    expect(calls(s, ADMIN_COMMAND.path)).toBe(1);
  });

  it('a read POST (a query) answered 500 is retried like a GET', async () => {
    const s = await serve(fail(500));
    const res = await door(s.url).request(ALERTS_QUERY);
    expect(res.status).toBe(500);
    expect(calls(s, ALERTS_QUERY.path)).toBe(5);
  });

  it('a write answered 429 is retried: the server did not process it', async () => {
    let n = 0;
    const s = await serve((_req, res) => {
      if (n++ === 0) {
        res.statusCode = 429;
        res.setHeader('x-ratelimit-retryafter', String(Math.floor(Date.now() / 1000)));
        res.end('{"errors":[{"code":429,"message":"rate limited"}]}');
        return;
      }
      res.end('{"resources":[]}');
    });
    const res = await door(s.url).request(ADMIN_COMMAND);
    expect(res.status).toBe(200);
    expect(calls(s, ADMIN_COMMAND.path)).toBe(2);
  });

  it('a write whose connection was refused before sending is retried', async () => {
    const s = await serve(fail(500));
    const port = await closedPort();
    const retries: RetryInfo[] = [];
    const e = await door(s.url, retries, `http://127.0.0.1:${port}`).request(ADMIN_COMMAND).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect((e as NetworkError).kind).toBe('refused');
    expect(retries.map((r) => r.reason)).toEqual(['network', 'network', 'network', 'network']);
    expect((e as NetworkError).details).toContain('Gave up after 5 attempts.');
  });
});
