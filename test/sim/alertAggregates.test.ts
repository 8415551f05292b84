import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import type { Alert } from '../../src/sim/tenant/records/detections.js';

interface Bucket { label: string | number; count: number; key_as_string?: string; sub_aggregates: { name: string; buckets: Bucket[] }[] }

describe('alert aggregates (msa.AggregateQueryRequest)', () => {
  let h: SimHarness;
  let alerts: Alert[];
  beforeAll(async () => {
    h = await startHarness();
    alerts = [...h.sim.tenant.alerts.values()];
  });
  afterAll(() => h.close());
  const agg = (body: unknown) => h.api('POST', '/alerts/aggregates/alerts/v2', { body });

  it('terms with sub_aggregates: every bucket carries sub_aggregates whose counts add up to the bucket', async () => {
    const r = await agg([{ name: 'sev', type: 'terms', field: 'severity_name', size: 10, sub_aggregates: [{ name: 'status', type: 'terms', field: 'status', size: 10 }] }]);
    expect(r.status).toBe(200);
    const res = r.json.resources[0] as { name: string; buckets: Bucket[]; sum_other_doc_count: number };
    expect(res.name).toBe('sev');
    expect(res.buckets.reduce((n, b) => n + b.count, 0)).toBe(alerts.length);
    for (const b of res.buckets) {
      expect(b.sub_aggregates[0]!.buckets.reduce((n, s) => n + s.count, 0)).toBe(b.count);
      expect(b.count).toBe(alerts.filter((a) => a.severity_name === b.label).length);
    }
  });

  it('date_histogram by day: ordered day buckets that add up to every alert', async () => {
    const r = await agg([{ name: 'days', type: 'date_histogram', field: 'created_timestamp', interval: 'day' }]);
    const buckets = r.json.resources[0].buckets as Bucket[];
    expect(buckets.length).toBeGreaterThanOrEqual(20);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(alerts.length);
    const keys = buckets.map((b) => Date.parse(b.key_as_string!));
    for (let i = 1; i < keys.length; i++) expect((keys[i]! - keys[i - 1]!) % 86_400_000).toBe(0);
    expect(buckets[0]!.key_as_string).toMatch(/^\d{4}-\d\d-\d\dT00:00:00(\.000)?Z$/);
  });

  it('range over severity and date_range relative to now', async () => {
    const r = await agg([
      { name: 'sev', type: 'range', field: 'severity', ranges: [{ from: 0, to: 50 }, { from: 50, to: 101 }] },
      { name: 'age', type: 'date_range', field: 'created_timestamp', date_ranges: [{ from: 'now-7d' }, { to: 'now-7d' }] },
    ]);
    const [sev, age] = r.json.resources as { buckets: Bucket[] }[];
    expect(sev!.buckets.map((b) => b.count)).toEqual([alerts.filter((a) => a.severity < 50).length, alerts.filter((a) => a.severity >= 50).length]);
    expect(age!.buckets[0]!.count + age!.buckets[1]!.count).toBe(alerts.length);
    expect(age!.buckets[0]!.count).toBeGreaterThan(0);
  });

  it('a filter narrows the records, and mistakes are 400s naming the request', async () => {
    const r = await agg([{ type: 'terms', field: 'status', filter: "severity_name:'Critical'" }]);
    expect((r.json.resources[0].buckets as Bucket[]).reduce((n, b) => n + b.count, 0)).toBe(alerts.filter((a) => a.severity_name === 'Critical').length);
    const bad = await agg([{ type: 'date_histogram', field: 'status' }]);
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].message).toMatch(/date_histogram aggregation needs a timestamp field/);
  });
});
