// Scheduled reports and report executions (`scheduled-report:read`): queries
// with FQL, `q` text search and integer offsets, entities by ids, running a
// report now (a PENDING execution that completes shortly after, like the
// real queue), retrying a failed run, and downloading a finished run's file
// (CSV or JSON built from the tenant with the report's filter and columns).
import { ok, SimHttpError, type SimResponse } from '../envelope.js';
import type { Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import { readPath, type FieldSchema } from '../fql/index.js';
import type { Tenant } from '../tenant/types.js';
import type { Host } from '../tenant/records/hosts.js';
import type { ReportExecution, ScheduledReport } from '../tenant/records/reports.js';
import { newExecution } from '../tenant/reports.js';
import { bodyObject, entitiesResponse, filterAndSort, lookupIds, publicRecord } from './querying.js';
import { cachedQuery } from './cachedQuery.js';
import { HOST_FIELDS, hostsInView } from './hostModel.js';
import { completeHost } from '../tenant/index.js';
import { ALERT_FIELDS } from './alerts.js';
import { VULNERABILITY_FIELDS } from './spotlight.js';
import { INCIDENT_FIELDS } from './incidents.js';

const POWERED_BY = 'reports';
const SCOPE = 'scheduled-report:read';

const REPORT_FIELDS: FieldSchema = {
  id: 'string', name: 'string', description: 'string', type: 'string', status: 'string', user_id: 'string',
  created_on: 'timestamp', last_updated_on: 'timestamp', schedule_type: 'string',
};
const EXECUTION_FIELDS: FieldSchema = {
  id: 'string', scheduled_report_id: 'string', type: 'string', status: 'string', user_id: 'string',
  created_on: 'timestamp', last_updated_on: 'timestamp',
};

/** Completes runs whose time has come. */
function settle(tenant: Tenant, now: number): void {
  for (const e of tenant.reportExecutions.values()) {
    if (e._readyAt === undefined || e._readyAt > now) continue;
    e.status = 'DONE';
    e.status_display = 'Completed';
    e.last_updated_on = e.result_metadata.execution_finish;
    delete e._readyAt;
  }
}

/** The rows a report reads, from the tenant as it is now. */
function reportRows(ctx: SimContext, report: { type: ScheduledReport['type']; report_params: ScheduledReport['report_params'] }): readonly object[] {
  const { filter, sort } = report.report_params;
  const t = ctx.tenant;
  switch (report.type) {
    case 'hosts': return cachedQuery(ctx, 'hosts', () => hostsInView(t, ctx.now(), false), HOST_FIELDS, { filter, sort }, 'false');
    case 'alerts': return cachedQuery(ctx, 'report-alerts', () => t.alerts.values(), ALERT_FIELDS, { filter, sort });
    case 'spotlight_vulnerabilities': return cachedQuery(ctx, 'vulnerabilities', () => t.vulnerabilities.values(), VULNERABILITY_FIELDS, { filter, sort });
    case 'incidents': return cachedQuery(ctx, 'incidents', () => t.incidents.values(), INCIDENT_FIELDS, { filter, sort });
  }
}

function withCount(ctx: SimContext, e: ReportExecution): object {
  const out = publicRecord(e);
  if (e.status !== 'DONE') return out;
  return { ...out, result_metadata: { ...e.result_metadata, result_count: reportRows(ctx, e).length } };
}

function cell(row: object, column: string): string {
  return readPath(row, column.split('.')).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(';');
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function download(req: SimRequest, ctx: SimContext): SimResponse {
  settle(ctx.tenant, ctx.now());
  const id = req.query.str('ids') as string;
  const e = ctx.tenant.reportExecutions.get(id);
  if (!e) throw new SimHttpError(404, `Report execution not found: ${id}`);
  if (e.status !== 'DONE') throw new SimHttpError(400, `Report execution ${id} has no file: its status is ${e.status}.`);
  const { columns, format } = e.report_params;
  const rows = reportRows(ctx, e);
  // A host's policies are built on its first read: complete the rows when a column names them.
  if (e.type === 'hosts' && columns.some((c) => /^(device_)?policies(\.|$)/.test(c))) for (const r of rows) completeHost(ctx.tenant, r as Host);
  const name = String(e.result_metadata.report_file_name).replace(/[^\w.-]/g, '_');
  const headers = { 'Content-Disposition': `attachment; filename="${name}"` };
  if (format === 'json') {
    const records = rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell(r, c)])));
    return { status: 200, headers, bytes: { contentType: 'application/json', data: Buffer.from(JSON.stringify(records)) } };
  }
  const lines = [columns.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(cell(r, c))).join(','))];
  return { status: 200, headers, bytes: { contentType: 'text/csv', data: Buffer.from(lines.join('\r\n') + '\r\n') } };
}

function textMatch<T extends object>(records: Iterable<T>, q: string | undefined, fields: (r: T) => string[]): T[] {
  const needle = q?.trim().toLowerCase();
  const all = [...records];
  return needle ? all.filter((r) => fields(r).some((f) => f.toLowerCase().includes(needle))) : all;
}

function query<T extends object>(records: (ctx: SimContext) => Iterable<T>, fields: FieldSchema, text: (r: T) => string[], defaultSort: string) {
  return (req: SimRequest, ctx: SimContext): SimResponse => {
    settle(ctx.tenant, ctx.now());
    const offset = req.query.int('offset') ?? 0;
    const limit = req.query.int('limit') ?? 100;
    // Runs are added by calls with a read scope (execute, retry), so these small lists are not cached.
    const all = filterAndSort(textMatch(records(ctx), req.query.str('q'), text), fields, {
      filter: req.query.str('filter'), sort: req.query.str('sort'), defaultSort, now: ctx.now(),
    });
    return ok(all.slice(offset, offset + limit).map((r) => (r as { id: string }).id), { pagination: { offset, limit, total: all.length } });
  };
}

/** `[{id}, …]` bodies of execute and retry. */
function bodyIdList(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0) throw new SimHttpError(400, 'The request body must be a non-empty array of {"id": "…"} objects.');
  return body.map((item: unknown, i: number) => {
    const id = bodyObject(item, ['id'], `Item ${i}`).id;
    if (typeof id !== 'string' || id === '') throw new SimHttpError(400, `Item ${i} needs 'id', a non-empty string.`);
    return id;
  });
}

function launch(ctx: SimContext, report: ScheduledReport, retryOf = ''): ReportExecution {
  const e = newExecution(ctx.rng, report, ctx.now(), 'PENDING', retryOf);
  ctx.tenant.reportExecutions.set(e.id, e);
  return e;
}

const queryParams = {
  sort: { type: 'string' }, filter: { type: 'string' }, q: { type: 'string' },
  offset: { type: 'int', min: 0 }, limit: { type: 'int', min: 1, max: 5000 },
} as const;
const ids = { ids: { type: 'list', required: true, maxItems: 100 } } as const;
const read = { scope: SCOPE, poweredBy: POWERED_BY } as const;

export const reportRoutes: Route[] = [
  {
    ...read, method: 'GET', path: '/reports/queries/scheduled-reports/v1', query: queryParams,
    handler: query((ctx) => ctx.tenant.scheduledReports.values(), REPORT_FIELDS, (r: ScheduledReport) => [r.name, r.description], 'created_on.desc'),
  },
  {
    ...read, method: 'GET', path: '/reports/entities/scheduled-reports/v1', query: ids,
    handler: (req, ctx) => {
      const { found, errors } = lookupIds((id) => ctx.tenant.scheduledReports.get(id), req.query.list('ids'), 'Scheduled report');
      return entitiesResponse(found.map(publicRecord), errors);
    },
  },
  {
    ...read, method: 'POST', path: '/reports/entities/scheduled-reports/execution/v1', query: {}, bodyRequired: true,
    handler: (req, ctx) => {
      const { found, errors } = lookupIds((id) => ctx.tenant.scheduledReports.get(id), bodyIdList(req.body), 'Scheduled report');
      const runs = found.map((r) => publicRecord(launch(ctx, r)));
      return { ...entitiesResponse(runs, errors, { writes: { resources_affected: runs.length } }) };
    },
  },
  {
    ...read, method: 'GET', path: '/reports/queries/report-executions/v1', query: queryParams,
    handler: query((ctx) => ctx.tenant.reportExecutions.values(), EXECUTION_FIELDS, (e: ReportExecution) => [String(e.result_metadata.report_file_name), e.status_msg], 'created_on.desc'),
  },
  {
    ...read, method: 'GET', path: '/reports/entities/report-executions/v1', query: ids,
    handler: (req, ctx) => {
      settle(ctx.tenant, ctx.now());
      const { found, errors } = lookupIds((id) => ctx.tenant.reportExecutions.get(id), req.query.list('ids'), 'Report execution');
      return entitiesResponse(found.map((e) => withCount(ctx, e)), errors);
    },
  },
  {
    ...read, method: 'POST', path: '/reports/entities/report-executions-retry/v1', query: {}, bodyRequired: true,
    handler: (req, ctx) => {
      settle(ctx.tenant, ctx.now());
      const { found, errors } = lookupIds((id) => ctx.tenant.reportExecutions.get(id), bodyIdList(req.body), 'Report execution');
      const runs = [];
      for (const e of found) {
        const report = ctx.tenant.scheduledReports.get(e.scheduled_report_id);
        if (e.status !== 'FAILED' || !report) errors.push({ code: 400, message: `Report execution ${e.id} did not fail (status ${e.status}); only failed runs can be retried.`, id: e.id });
        else runs.push(publicRecord(launch(ctx, report, e.id)));
      }
      return { status: runs.length ? 200 : 400, resources: runs, errors, meta: { writes: { resources_affected: runs.length } } };
    },
  },
  {
    ...read, method: 'GET', path: '/reports/entities/report-executions-download/v1',
    query: { ids: { type: 'string', required: true } }, handler: download,
  },
];
