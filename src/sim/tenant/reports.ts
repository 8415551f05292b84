// Scheduled reports and their executions (`scheduled-report:read`): a few
// recurring reports over the tenant's own families (hosts, alerts, Spotlight,
// incidents), each with a history of runs. A run's file is built from the
// tenant when it is downloaded, with the report's filter, sort and columns.
import type { Random } from '../random.js';
import type { ReportExecution, ScheduledReport } from './records/reports.js';
import { ANALYSTS } from './names.js';
import { DAY, HOUR, MINUTE, hex, iso } from './util.js';

interface Definition {
  name: string;
  description: string;
  type: ScheduledReport['type'];
  filter: string;
  sort: string;
  columns: string[];
  format: 'csv' | 'json';
  interval: 'daily' | 'weekly';
}

const DEFINITIONS: Definition[] = [
  { name: 'Contained hosts', description: 'Hosts in network containment, for the morning stand-up', type: 'hosts', filter: "status:'contained'", sort: 'hostname.asc', columns: ['hostname', 'device_id', 'platform_name', 'last_seen', 'site_name'], format: 'csv', interval: 'daily' },
  { name: 'Stale sensors', description: 'Hosts that have not checked in for 30 days', type: 'hosts', filter: "last_seen:<'now-30d'", sort: 'last_seen.asc', columns: ['hostname', 'device_id', 'agent_version', 'last_seen'], format: 'csv', interval: 'weekly' },
  { name: 'High and critical alerts', description: 'New alerts of severity 70 and above', type: 'alerts', filter: "severity:>=70+status:'new'", sort: 'created_timestamp|desc', columns: ['composite_id', 'device.hostname', 'severity_name', 'tactic', 'technique', 'created_timestamp'], format: 'csv', interval: 'daily' },
  { name: 'Critical vulnerabilities', description: 'Open critical CVEs across the fleet', type: 'spotlight_vulnerabilities', filter: "status:'open'+cve.severity:'CRITICAL'", sort: 'created_timestamp|desc', columns: ['host_info.hostname', 'cve.id', 'cve.base_score', 'apps.product_name_version', 'created_timestamp'], format: 'csv', interval: 'weekly' },
  { name: 'CISA KEV exposure', description: 'Open vulnerabilities listed in the CISA KEV catalog', type: 'spotlight_vulnerabilities', filter: "status:'open'+cve.is_cisa_kev:true", sort: 'created_timestamp|desc', columns: ['host_info.hostname', 'cve.id', 'cve.severity'], format: 'json', interval: 'weekly' },
  { name: 'Open incidents', description: 'Incidents not yet closed, highest score first', type: 'incidents', filter: "state:'open'", sort: 'fine_score.desc', columns: ['incident_id', 'name', 'fine_score', 'status', 'start'], format: 'csv', interval: 'daily' },
];

export function generateReports(rng: Random, cid: string, anchor: number): { reports: Map<string, ScheduledReport>; executions: Map<string, ReportExecution> } {
  const reports = new Map<string, ScheduledReport>();
  const executions = new Map<string, ReportExecution>();
  for (const d of DEFINITIONS) {
    const owner = rng.pick(ANALYSTS);
    const userUuid = `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-8${hex(rng, 3)}-${hex(rng, 12)}`;
    const created = anchor - rng.int(40, 200) * DAY;
    const step = d.interval === 'daily' ? DAY : 7 * DAY;
    const firstRun = Math.floor(anchor / DAY) * DAY - 6 * step + 6 * HOUR;
    const params = { columns: d.columns, dashboard_id: '', dashboard_visibility: '', filter: d.filter, filter_display: d.filter, filter_ui: d.filter, format: d.format, sort: d.sort };
    const report: ScheduledReport = {
      id: hex(rng, 32),
      name: d.name,
      description: d.description,
      type: d.type,
      status: 'ACTIVE',
      customer_id: cid,
      user_id: owner.uid,
      user_uuid: userUuid,
      api_client_id: '',
      created_on: iso(created),
      last_updated_on: iso(created + rng.int(1, 30) * DAY),
      expiration_on: iso(anchor + 365 * DAY),
      schedule_type: d.interval === 'daily' ? 'DAILY' : 'WEEKLY',
      schedule: { interval: d.interval === 'daily' ? 1 : 7, start_timestamp: iso(firstRun), ignored_by_channelfile: false },
      report_params: params,
      shared_with: [owner.uid],
      notifications: [],
    };
    reports.set(report.id, report);
    for (let run = firstRun; run <= anchor; run += step) {
      // About one run in twelve fails (a timeout); the second run of the second report always does, so there is one to retry.
      const failed = rng.chance(0.08) || (d === DEFINITIONS[1] && run === firstRun + step);
      const e = newExecution(rng, report, run, failed ? 'FAILED' : 'DONE');
      executions.set(e.id, e);
    }
  }
  return { reports, executions };
}

/** A run of `report` started at `startMs`; DONE runs have a file, FAILED ones a reason. */
export function newExecution(rng: Random, report: ScheduledReport, startMs: number, status: ReportExecution['status'], retryOf = ''): ReportExecution {
  const id = hex(rng, 32);
  const finish = startMs + rng.int(20, 600) * 1000;
  const fileName = `${report.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${iso(startMs).slice(0, 10)}.${report.report_params.format}`;
  return {
    id,
    scheduled_report_id: report.id,
    type: report.type,
    customer_id: report.customer_id,
    user_id: report.user_id,
    user_uuid: report.user_uuid,
    created_on: iso(startMs),
    last_updated_on: iso(status === 'PENDING' ? startMs : finish),
    expiration_on: iso(startMs + 30 * DAY),
    status,
    status_display: status === 'DONE' ? 'Completed' : status === 'FAILED' ? 'Failed' : 'In progress',
    status_msg: status === 'FAILED' ? 'The query timed out; the run can be retried.' : '',
    shared_with: report.shared_with,
    report_params: report.report_params,
    can_write: true,
    execution_metadata: {
      auto_retry_count: 0, report_params: report.report_params, retry_allowed: status === 'FAILED', retry_performed: retryOf !== '',
      retry_report_execution_id: retryOf, subtype: '', unscheduled_execution_type: retryOf ? 'retry' : '',
      xdr_data: { detection_id: '' },
      xdr_params: { assign_to: '', assign_to_uuid: '', author: '', comment: '', execution_offset: '', origin: '', rule_id: '', rule_version_id: '', severity: 0, status: '', tactic: '', tags: [], technique: '', template_id: '', trigger_mode: '', type: '' },
    },
    result_metadata: {
      encrypted_report_file_reference: '', execution_delay: 0, execution_duration: Math.round((finish - startMs) / 1000),
      execution_start: iso(startMs), execution_finish: iso(finish), queue_start: iso(startMs - MINUTE), queue_duration: 60,
      report_file_name: status === 'DONE' ? fileName : '', report_finish: iso(finish), result_count: 0, result_id: status === 'DONE' ? id : '',
      search_window_start: iso(startMs - DAY), search_window_end: iso(startMs), use_ingest_time: false,
    },
    _readyAt: status === 'PENDING' ? finish : undefined,
  };
}
