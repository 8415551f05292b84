import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

describe('scheduled reports and report executions', () => {
  let h: SimHarness;
  let clock = Date.UTC(2026, 4, 1, 8, 0, 0);
  beforeAll(async () => {
    h = await startHarness({ now: () => clock });
  });
  afterAll(() => h.close());

  it('downloads a finished run as the CSV its report describes, with as many rows as result_count', async () => {
    const q = await h.api('GET', '/reports/queries/report-executions/v1', { query: { filter: "status:'DONE'+type:'alerts'", limit: 1 } });
    const id = q.json.resources[0] as string;
    const run = (await h.api('GET', '/reports/entities/report-executions/v1', { query: { ids: id } })).json.resources[0];
    const res = await fetch(`${h.sim.url}/reports/entities/report-executions-download/v1?ids=${id}`, { headers: { Authorization: `Bearer ${await h.token()}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-disposition')).toContain(run.result_metadata.report_file_name);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(run.report_params.columns.join(','));
    expect(lines.length - 1).toBe(run.result_metadata.result_count);
    const want = [...h.sim.tenant.alerts.values()].filter((a) => a.severity >= 70 && a.status === 'new').length;
    expect(run.result_metadata.result_count).toBe(want);
  });

  it("fills a hosts report's policy columns (a host's policies are built on its first read)", async () => {
    const q = await h.api('GET', '/reports/queries/report-executions/v1', { query: { filter: "status:'DONE'+type:'hosts'" } });
    const runs = (await h.api('GET', '/reports/entities/report-executions/v1', { query: { ids: q.json.resources } })).json.resources;
    const run = runs.find((r: { result_metadata: { result_count: number } }) => r.result_metadata.result_count > 0);
    h.sim.changeTenant((t) => {
      const e = t.reportExecutions.get(run.id);
      if (e) e.report_params = { ...e.report_params, columns: ['device_id', 'device_policies.prevention.policy_id', 'policies.policy_type'] };
    });
    const res = await fetch(`${h.sim.url}/reports/entities/report-executions-download/v1?ids=${run.id}`, { headers: { Authorization: `Bearer ${await h.token()}` } });
    const rows = (await res.text()).trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    for (const [, policyId, policyType] of rows) {
      expect(policyId).toMatch(/^[0-9a-f]{32}$/);
      expect(policyType).toBe('prevention');
    }
  });

  it('runs a report now: PENDING, no file yet, then DONE with a file', async () => {
    const report = [...h.sim.tenant.scheduledReports.values()].find((r) => r.type === 'hosts');
    const launched = await h.api('POST', '/reports/entities/scheduled-reports/execution/v1', { body: [{ id: report?.id }] });
    expect(launched.status).toBe(200);
    const run = launched.json.resources[0];
    expect(run).toMatchObject({ status: 'PENDING', scheduled_report_id: report?.id });
    const early = await h.api('GET', '/reports/entities/report-executions-download/v1', { query: { ids: run.id } });
    expect(early.status).toBe(400);
    expect(early.json.errors[0].message).toContain('PENDING');
    clock += 15 * 60_000;
    const later = await h.api('GET', '/reports/entities/report-executions/v1', { query: { ids: run.id } });
    expect(later.json.resources[0].status).toBe('DONE');
    const file = await fetch(`${h.sim.url}/reports/entities/report-executions-download/v1?ids=${run.id}`, { headers: { Authorization: `Bearer ${await h.token()}` } });
    expect(file.status).toBe(200);
  });

  it('retries only failed runs, and finds reports by text', async () => {
    const failed = [...h.sim.tenant.reportExecutions.values()].find((e) => e.status === 'FAILED');
    const done = [...h.sim.tenant.reportExecutions.values()].find((e) => e.status === 'DONE');
    if (failed) {
      const r = await h.api('POST', '/reports/entities/report-executions-retry/v1', { body: [{ id: failed.id }] });
      expect(r.status).toBe(200);
      expect(r.json.resources[0].execution_metadata.retry_report_execution_id).toBe(failed.id);
    }
    const refused = await h.api('POST', '/reports/entities/report-executions-retry/v1', { body: [{ id: done?.id }] });
    expect(refused.status).toBe(400);
    const byText = await h.api('GET', '/reports/queries/scheduled-reports/v1', { query: { q: 'kev' } });
    expect(byText.json.resources.map((id: string) => h.sim.tenant.scheduledReports.get(id)?.name)).toEqual(['CISA KEV exposure']);
  });
});

describe('Spotlight evaluation logic', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("has one record per vulnerability, found by the vulnerability's host, and requires a filter", async () => {
    const v = [...h.sim.tenant.vulnerabilities.values()][0];
    const ids = await h.api('GET', '/spotlight/queries/evaluation-logic/v1', { query: { filter: `aid:'${v?.aid}'` } });
    const want = [...h.sim.tenant.vulnerabilities.values()].filter((x) => x.aid === v?.aid).map((x) => x.id);
    expect([...ids.json.resources].sort()).toEqual([...want].sort());
    const entity = await h.api('GET', '/spotlight/entities/evaluation-logic/v1', { query: { ids: v?.id as string } });
    expect(entity.json.resources[0].simplified_logic[0].data).toEqual([v?.apps[0]?.product_name_version]);
    const noFilter = await h.api('GET', '/spotlight/queries/evaluation-logic/v1');
    expect(noFilter.status).toBe(400);
  });
});
