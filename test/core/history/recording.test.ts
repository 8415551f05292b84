// Recording from the shell's backend and from a multi-page call, against the
// simulator; and a recorder that cannot write never fails the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../../helpers/simClient.js';
import { tempHome } from '../../helpers/tempHome.js';
import { ShellBackend } from '../../../src/core/shell/shellBackend.js';
import { HistoryRecorder } from '../../../src/core/history/historyRecorder.js';
import { HistoryStore, openHistoryStore } from '../../../src/core/history/historyStore.js';
import { recentHistory } from '../../../src/core/history/historyReader.js';
import { filterHistory, historyTable, pathWithQuery } from '../../../src/core/history/historyView.js';
import { paginate } from '../../../src/core/paging/paginate.js';
import { openConnection } from '../../../src/core/connection.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function backend(env: NodeJS.ProcessEnv): ShellBackend {
  const c = h.sim.clients.demo;
  return new ShellBackend({
    env,
    http: {},
    demo: true,
    targets: [{ id: 'demo', label: 'demo', flags: { clientId: c.id, clientSecret: c.secret, baseUrl: h.sim.url } }],
  });
}

describe('recording requests', () => {
  it('ShellBackend.send records each request with its status, items and trace id', async () => {
    const { env } = tempHome();
    const b = backend(env);
    try {
      const res = await b.send({ method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '3']] });
      await b.send({ method: 'GET', path: '/devices/queries/devices/v1', query: [['filter', "hostname:'x"]] });
      const [bad, good] = recentHistory(openHistoryStore(env));
      expect(good).toMatchObject({ profile: 'demo', baseUrl: h.sim.url, method: 'GET', status: 200, items: 3, traceId: res.traceId });
      expect(bad).toMatchObject({ status: 400, query: [['filter', "hostname:'x"]] });
      expect(bad?.items).toBeUndefined();
    } finally {
      await b.close();
    }
  });

  it('one entry for every page of a call, with the items written', async () => {
    const { env } = tempHome();
    const c = h.sim.clients.demo;
    const conn = openConnection({ clientId: c.id, clientSecret: c.secret, baseUrl: h.sim.url }, {}, env);
    try {
      const req = { method: 'GET' as const, path: '/devices/queries/devices/v1', query: [['limit', '100']] as const };
      const call = HistoryRecorder.forEnv(env, () => undefined).begin(req, { profile: 'cli' });
      let n = 0;
      for await (const _ of paginate(call.wrap(conn.client), req, { maxItems: 250 })) n++;
      call.finish(n);
      call.finish(n); // a second finish is a no-op
      const entries = recentHistory(openHistoryStore(env));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ status: 200, items: 250, query: [['limit', '100']] });
    } finally {
      await conn.close();
    }
  });

  it('a request whose answer never came is recorded with status 0 and the reason', async () => {
    const { env } = tempHome();
    const call = HistoryRecorder.forEnv(env, () => undefined).begin({ method: 'GET', path: '/x' }, { profile: 'p' });
    const failing = call.wrap({ request: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')) });
    await expect(failing.request({ method: 'GET', path: '/x' })).rejects.toThrow();
    call.finish();
    expect(recentHistory(openHistoryStore(env))[0]).toMatchObject({ status: 0, error: 'connect ECONNREFUSED 127.0.0.1:9' });
  });

  it('a history that cannot be written warns once and never fails the request', async () => {
    const { env, home } = tempHome();
    // The data directory is a file: every append fails.
    writeFileSync(join(home, 'data'), 'not a directory');
    const b = backend(env);
    try {
      const res = await b.send({ method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '1']] });
      await b.send({ method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '1']] });
      expect(res.status).toBe(200);
      expect(b.historyWarning).toMatch(/^could not record the request in the history/);
    } finally {
      await b.close();
    }
    const warnings: string[] = [];
    const r = new HistoryRecorder(() => new HistoryStore(join(home, 'data', 'h.jsonl')), (m) => warnings.push(m));
    for (let i = 0; i < 3; i++) r.record({ method: 'GET', path: '/x' }, { status: 200, durationMs: 1 }, { profile: 'p' });
    expect(warnings).toHaveLength(1);
  });
});

describe('history views', () => {
  const entries = [
    { time: '2026-01-01T00:00:00.000Z', profile: 'prod', method: 'GET' as const, path: '/devices/queries/devices/v1', query: [['filter', "hostname:'WS-01'"]] as [string, string][], status: 200, durationMs: 40, items: 1 },
    { time: '2026-01-01T00:00:01.000Z', profile: 'demo', method: 'POST' as const, path: '/alerts/combined/alerts/v1', query: [], body: { filter: 'severity:>=70' }, status: 403, durationMs: 1500 },
  ];

  it('filters by every typed word, in any case, over method, path, query, status, profile and body', () => {
    expect(filterHistory(entries, 'ws-01').map((e) => e.profile)).toEqual(['prod']);
    expect(filterHistory(entries, 'post severity').map((e) => e.profile)).toEqual(['demo']);
    expect(filterHistory(entries, '403 DEMO')).toHaveLength(1);
    expect(filterHistory(entries, '')).toHaveLength(2);
    expect(filterHistory(entries, 'nothing-like-this')).toEqual([]);
  });

  it('prints a numbered table, cutting the request column to the width', () => {
    expect(pathWithQuery(entries[0] as never)).toBe("/devices/queries/devices/v1?filter=hostname:'WS-01'");
    const table = historyTable(entries, 70);
    expect(table[0]).toMatch(/^#\s+TIME\s+STATUS\s+METHOD\s+REQUEST\s+TOOK\s+ITEMS$/);
    expect(table[1]).toMatch(/^1 .* 200 +GET +\/devices\/quer.*… +40 ms +1$/);
    expect(table[2]).toMatch(/^2 .* 403 +POST +\/alerts\/comb.* +1\.5 s$/);
    expect(historyTable(entries).at(-1)).toContain("/alerts/combined/alerts/v1 ");
    for (const line of table) expect(line.length).toBeLessThanOrEqual(70);
  });
});
