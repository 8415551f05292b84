// The hosts' timestamps kept as numbers at generation (tenant/generatedInstants.ts)
// answer a sort's first use without reading the records. They must say what the
// records say, be given to the start-up index only, and be dropped once anything
// changes a host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, compileSort, toInstant } from '../../src/sim/fql/index.js';
import { generateTenant, takeGeneratedInstants } from '../../src/sim/tenant/index.js';
import { HOST_FIELDS } from '../../src/sim/routes/hostModel.js';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

const FIELDS = ['first_seen', 'last_seen', 'modified_timestamp'] as const;

describe('generated host instants', () => {
  it('equal each host’s timestamps as its record holds them, in the order hosts are kept; taken once', () => {
    const tenant = generateTenant({ seed: 7, hosts: 2500, anchor: Date.UTC(2026, 10, 1, 12, 34, 56, 789) });
    const instants = takeGeneratedInstants(tenant);
    if (!instants) throw new Error('no instants were kept');
    const hosts = [...tenant.hosts.values()];
    for (const field of FIELDS) {
      expect(instants[field]).toHaveLength(hosts.length);
      const fromRecords = Float64Array.from(hosts, (h) => toInstant(h[field]) ?? NaN);
      expect(instants[field]).toEqual(fromRecords);
    }
    expect(takeGeneratedInstants(tenant)).toBeUndefined();
  });
});

describe('timestamp sorts at start-up', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness({ hosts: 3000 });
  });
  afterAll(() => h.close());

  /** The device ids in `sort`'s order, computed here from the records' own strings. */
  const expected = (sort: string): string[] => [...h.sim.tenant.hosts.values()].sort(compileSort(sort, HOST_FIELDS)).map((x) => x.device_id);

  it.each(['last_seen.desc', 'first_seen.asc', 'modified_timestamp|desc', 'last_seen.asc,hostname.desc'])(
    '%s: the first page and the whole list are the records’ order',
    async (sort) => {
      const first = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort, limit: 30 } })).json;
      const whole = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort, limit: 5000 } })).json;
      const want = expected(sort);
      expect(first.resources).toEqual(want.slice(0, 30));
      expect(whole.resources).toEqual(want);
    },
  );

  // Comparisons read the numbers; text operators, null and negations must still read as the records do.
  const someInstant = () => [...h.sim.tenant.hosts.values()][1234]?.last_seen ?? '';
  it.each([
    () => "last_seen:>'now-7d'",
    () => `first_seen:<='${someInstant()}'+platform_name:'Windows'`,
    () => `last_seen:'${someInstant()}'+modified_timestamp:!null`,
    () => `last_seen:!'${someInstant()}'`,
    () => "last_seen:*'2026-*'",
    () => "first_seen:null",
    () => "(last_seen:<'now-30d',first_seen:>'now-14d')+hostname:*'*1*'",
  ])('filter %#: the devices the records match, first page and whole list', async (filterOf) => {
    const filter = filterOf();
    const hosts = [...h.sim.tenant.hosts.values()];
    const test = compileFilter(filter, HOST_FIELDS, { now: Date.now() });
    const want = hosts.filter((x) => test(x)).sort(compileSort('hostname.asc', HOST_FIELDS)).map((x) => x.device_id);
    for (const limit of [20, 5000]) {
      const got = (await h.api('GET', '/devices/queries/devices/v1', { query: { filter, sort: 'hostname.asc', limit } })).json;
      expect(got.meta.pagination.total).toBe(want.length);
      expect(got.resources).toEqual(want.slice(0, limit));
    }
  });

  it('after a host changes, the sort reads the new value', async () => {
    const before = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort: 'last_seen.desc', limit: 1 } })).json.resources[0];
    const last = [...h.sim.tenant.hosts.values()].at(-1);
    if (!last) throw new Error('no hosts');
    expect(before).not.toBe(last.device_id);
    h.sim.changeTenant(() => {
      last.last_seen = '2099-01-01T00:00:00Z';
    });
    for (const limit of [1, 3000]) {
      const after = (await h.api('GET', '/devices/queries/devices/v1', { query: { sort: 'last_seen.desc', limit } })).json.resources;
      expect(after[0]).toBe(last.device_id);
    }
  });
});
