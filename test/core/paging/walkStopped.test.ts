// Fetch-all never ends short in silence: against a deliberately broken server,
// a page that is not an envelope or that repeats the one before stops the walk
// with a sentence naming how many items were already written.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { HttpClient } from '../../../src/core/http/httpClient.js';
import { Session } from '../../../src/core/auth/session.js';
import { FalconClient } from '../../../src/core/auth/falconClient.js';
import { paginate, WalkStopped } from '../../../src/core/paging/paginate.js';
import { fetchAll } from '../../../src/core/shell/fetchAll.js';
import { startBrokenServer, type BrokenServer, type BrokenServerOptions } from '../../helpers/hostile/brokenServer.js';
import { tempHome } from '../../helpers/tempHome.js';

const servers: BrokenServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function client(opts: BrokenServerOptions): Promise<{ server: BrokenServer; client: FalconClient }> {
  const server = await startBrokenServer(opts);
  servers.push(server);
  const http = new HttpClient({ baseUrl: server.url, retry: { maxRetries: 0, maxRateLimitRetries: 0 }, sleep: async () => undefined });
  const session = new Session({ credentials: { clientId: 'c', clientSecret: 's', baseUrl: server.url, autodiscover: false }, http: () => http });
  return { server, client: new FalconClient(session, () => http) };
}

const query = { method: 'GET' as const, path: '/devices/queries/devices/v1', query: [['limit', '100']] as [string, string][] };

async function walk(c: FalconClient): Promise<{ items: unknown[]; error?: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of paginate(c, query)) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}

describe('a walk that cannot finish says so', () => {
  const broken = [
    ['invalid-json', /page 4 \(HTTP 200\) is not valid JSON, not a Falcon envelope/],
    ['html', /page 4 \(HTTP 200\) is an HTML page \(a proxy or login page\?\), not a Falcon envelope/],
    ['missing-resources', /page 4 \(HTTP 200\) has no resources/],
    ['null-resources', /page 4 \(HTTP 200\) has null resources/],
  ] as const;
  for (const [kind, reason] of broken) {
    it(`a ${kind} page partway through stops the walk after the 300 items already received`, async () => {
      const { client: c } = await client({ total: 1000, brokenPage: { page: 4, kind } });
      const { items, error } = await walk(c);
      expect(items).toHaveLength(300);
      expect(error).toBeInstanceOf(WalkStopped);
      expect((error as WalkStopped).exitCode).toBe(1);
      expect((error as WalkStopped).items).toBe(300);
      expect((error as Error).message).toMatch(/^The walk stopped early after 300 of 1,000 items: /);
      expect((error as Error).message).toMatch(reason);
    });
  }

  it('a server that ignores offset stops at the first repeated page instead of looping forever', async () => {
    const { client: c, server } = await client({ total: 1000, ignoreOffset: true });
    const { items, error } = await walk(c);
    expect(items).toHaveLength(100);
    expect((error as Error).message).toBe('The walk stopped early after 100 of 1,000 items: page 2 repeats page 1 (the server ignored the paging `offset`).');
    expect(server.requests.filter((r) => r.startsWith('GET /devices/'))).toHaveLength(2);
  });

  for (const meaning of ['echo', 'next'] as const) {
    it(`offset in meta.pagination as ${meaning === 'echo' ? 'the echo of the request' : "the next page's start (the real API)"}: every item once, in order`, async () => {
      const { client: c } = await client({ total: 1050, offsetMeaning: meaning });
      const { items, error } = await walk(c);
      expect(error).toBeUndefined();
      expect(items).toEqual(Array.from({ length: 1050 }, (_, i) => `id-${String(i).padStart(4, '0')}`));
    });
  }

  it("the shell's fetch-all names the items already in its 0600 file", async () => {
    const { client: c } = await client({ total: 1000, brokenPage: { page: 3, kind: 'html' } });
    const { home } = tempHome();
    const final = await fetchAll(c, query, { signal: new AbortController().signal, onUpdate: () => {}, directory: home });
    expect(final.done).toBe(true);
    expect(final.items).toBe(200);
    expect(final.error).toMatch(/^The walk stopped early after 200 of 1,000 items: page 3 \(HTTP 200\) is an HTML page/);
    expect(final.error).toContain(`200 items are in ${final.file}.`);
    expect(readFileSync(final.file, 'utf8').trim().split('\n')).toHaveLength(200);
    expect(statSync(final.file).mode & 0o777).toBe(0o600);
  });
});
