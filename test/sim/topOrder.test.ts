// First pages from a heap of the best records (topOrder, cachedPage) must be
// exactly the pages of the full ranked order: same records, same ties, same
// totals, for every sort, filter and page size, through every hosts query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSort, topOrder, type FieldSchema } from '../../src/sim/fql/index.js';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

describe('topOrder', () => {
  // Ties, missing values, multi-valued fields, timestamps, texts sharing long prefixes.
  const words = ['', 'a', 'A', 'ab', 'DESKTOP-', 'DESKTOP-AB12', 'ws-eng-0001', 'ws-eng-00010', 'Zürich-01', ' space'];
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const r = (i * 2654435761) % 4093;
    return {
      device_id: `d${i}`,
      hostname: r % 17 === 0 ? undefined : `${words[r % words.length]}${(r % 41).toString(36)}`,
      score: r % 19 === 0 ? undefined : r % 2 === 0 ? (r % 97) / 7 : r * 1e9,
      last_seen: r % 13 === 0 ? undefined : new Date(Date.UTC(2020, 0, 1) + (r % 99) * 86_400_000).toISOString().replace('.000Z', 'Z'),
      tags: r % 5 === 0 ? [] : [`t${r % 7}`, `t${r % 3}`],
      keep: r % 3 !== 0,
    };
  });
  const schema: FieldSchema = { device_id: 'string', hostname: 'string', score: 'number', last_seen: 'timestamp', tags: 'string[]' };
  const mask = Uint8Array.from(rows, (row) => (row.keep ? 1 : 0));

  it.each(['hostname.asc', 'hostname.desc', 'score.desc', 'last_seen|asc', 'tags.asc', 'tags.desc', 'hostname.asc,last_seen.desc', 'tags|desc,score|asc'])(
    '%s: the first k of the comparator order, with and without a filter, for any k',
    (sort) => {
      const all = [...rows].sort(compileSort(sort, schema)).map((row) => row.device_id);
      const kept = [...rows].filter((row) => row.keep).sort(compileSort(sort, schema)).map((row) => row.device_id);
      for (const k of [0, 1, 10, 100, 1999, 2000, 5000]) {
        const top = topOrder(rows, sort, schema, k);
        expect([...top.order].map((i) => rows[i]?.device_id)).toEqual(all.slice(0, k));
        expect(top.total).toBe(rows.length);
        const filtered = topOrder(rows, sort, schema, k, mask);
        expect([...filtered.order].map((i) => rows[i]?.device_id)).toEqual(kept.slice(0, k));
        expect(filtered.total).toBe(kept.length);
        // The filter as a function, evaluated in the same pass, its matches marked.
        const marks = new Uint8Array(rows.length);
        const tested = topOrder(rows, sort, schema, k, (row) => (row as { keep: boolean }).keep, marks);
        expect([...tested.order].map((i) => rows[i]?.device_id)).toEqual(kept.slice(0, k));
        expect(tested.total).toBe(kept.length);
        expect(marks).toEqual(mask);
      }
    },
  );
});

describe('hosts queries page the same whether a page comes from the heap or from the ranked order', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness({ hosts: 3000 });
  });
  afterAll(() => h.close());

  const cases: [string, string][] = [
    ['hostname.asc', ''],
    ['last_seen.desc', "platform_name:'Windows'"],
    ['agent_version|desc,hostname|asc', "product_type_desc:'Server'"],
    ['local_ip.asc', "last_seen:>'2020-01-01T00:00:00Z'"],
  ];
  it.each(cases)('devices query sorted by %s, filter %j: a first page of 40 (the heap), pages of 7 (from it, then ranked) equal one page of 5,000', async (sort, filter) => {
    const first = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort, filter, limit: 40 } })).json;
    const ids: string[] = [];
    for (let offset = 0; offset < 49; offset += 7) {
      const page = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort, filter, limit: 7, offset } })).json;
      expect(page.meta.pagination.total).toBe(first.meta.pagination.total);
      ids.push(...page.resources);
    }
    const whole = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort, filter, limit: 5000 } })).json;
    expect(first.meta.pagination.total).toBe(whole.resources.length);
    expect(first.resources).toEqual(whole.resources.slice(0, 40));
    expect(ids).toEqual(whole.resources.slice(0, 49));
  });

  it('combined devices and the scroll query agree with the ranked order on their first pages', async () => {
    const combined = (await h.api('GET', '/devices/combined/devices/v1', { query: { sort: 'hostname.desc', limit: 5, fields: 'device_id' } })).json;
    const byHostname = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort: 'hostname.desc', limit: 5000 } })).json.resources as string[];
    expect(combined.resources.map((r: { device_id: string }) => r.device_id)).toEqual(byHostname.slice(0, 5));
    const scroll = (await h.api('GET', '/devices/queries/devices-scroll/v1', { query: { sort: 'first_seen.asc', limit: 3 } })).json;
    const byFirstSeen = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort: 'first_seen.asc', limit: 5000 } })).json.resources as string[];
    expect(scroll.resources).toEqual(byFirstSeen.slice(0, 3));
    expect(scroll.meta.pagination.total).toBe(byFirstSeen.length);
    expect(byFirstSeen).toHaveLength(3000);
  });

  it('a bad sort field is still the API’s 400 on a first page', async () => {
    const r = await h.api('GET', '/devices/queries/devices/v1', { query: { sort: 'nonsense.asc', limit: 5 } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json.errors)).toContain('nonsense');
  });
});
