// The built-in reports: fleet, alerts and vulnerabilities. They are specs
// like any user's file, so `talon report FILE` can start from a copy of one.
import type { ReportSpec } from './spec.js';

const fleet: ReportSpec = {
  title: 'Fleet',
  description: 'Every host the tenant knows, whenever it was last seen.',
  sections: [
    { title: 'Hosts by platform', source: 'hosts', windowed: false, aggregate: { type: 'terms', field: 'platform_name', size: 10 }, chart: 'bar' },
    { title: 'Hosts by operating system', source: 'hosts', windowed: false, aggregate: { type: 'terms', field: 'os_version', size: 12 }, chart: 'bar' },
    { title: 'Hosts by sensor version', source: 'hosts', windowed: false, aggregate: { type: 'terms', field: 'agent_version', size: 12 }, chart: 'bar' },
    {
      title: 'Hosts by last seen',
      source: 'hosts',
      windowed: false,
      aggregate: {
        type: 'date_range',
        field: 'last_seen',
        date_ranges: [
          { from: 'now-1d', label: 'within a day' },
          { from: 'now-7d', to: 'now-1d', label: '1 to 7 days ago' },
          { from: 'now-30d', to: 'now-7d', label: '7 to 30 days ago' },
          { to: 'now-30d', label: 'over 30 days ago' },
        ],
      },
      chart: 'bar',
    },
    { title: 'Hosts by containment status', source: 'hosts', windowed: false, aggregate: { type: 'terms', field: 'status', size: 10 }, chart: 'table' },
  ],
};

const alerts: ReportSpec = {
  title: 'Alerts',
  description: 'Alerts created in the period, by how bad, which tactic and where they stand.',
  sections: [
    { title: 'Alerts by severity', source: 'alerts', aggregate: { type: 'terms', field: 'severity_name', size: 10 }, chart: 'bar' },
    { title: 'Alerts by tactic', source: 'alerts', aggregate: { type: 'terms', field: 'tactic', size: 12 }, chart: 'bar' },
    { title: 'Alerts by status', source: 'alerts', aggregate: { type: 'terms', field: 'status', size: 10 }, chart: 'table' },
    { title: 'Alerts per day', source: 'alerts', aggregate: { type: 'date_histogram', field: 'created_timestamp', interval: 'day' }, chart: 'timeseries' },
  ],
};

const vulns: ReportSpec = {
  title: 'Vulnerabilities',
  description: 'Open vulnerabilities (Spotlight), whenever they were found.',
  sections: [
    { title: 'Open vulnerabilities by severity', source: 'vulnerabilities', windowed: false, aggregate: { type: 'terms', field: 'cve.severity', size: 10 }, chart: 'bar' },
    {
      title: 'Open vulnerabilities by exploit status',
      source: 'vulnerabilities',
      windowed: false,
      aggregate: { type: 'terms', field: 'cve.exploit_status', size: 10 },
      labels: { '0': 'Unproven', '30': 'Available', '60': 'Easily accessible', '90': 'Actively used' },
      chart: 'bar',
    },
    {
      title: 'Open vulnerabilities by age',
      source: 'vulnerabilities',
      windowed: false,
      aggregate: {
        type: 'date_range',
        field: 'created_timestamp',
        date_ranges: [
          { from: 'now-7d', label: 'under a week' },
          { from: 'now-30d', to: 'now-7d', label: '1 to 4 weeks' },
          { from: 'now-90d', to: 'now-30d', label: '1 to 3 months' },
          { to: 'now-90d', label: 'over 3 months' },
        ],
      },
      chart: 'bar',
    },
    { title: 'Top CVEs', source: 'vulnerabilities', windowed: false, aggregate: { type: 'terms', field: 'cve.id', size: 10 }, chart: 'table' },
    { title: 'Top hosts', source: 'vulnerabilities', windowed: false, aggregate: { type: 'terms', field: 'host_info.hostname', size: 10 }, chart: 'table' },
  ],
};

export const BUILTIN_REPORTS: Readonly<Record<string, ReportSpec>> = { fleet, alerts, vulns };

export function builtinReport(name: string): ReportSpec | undefined {
  return Object.hasOwn(BUILTIN_REPORTS, name) ? BUILTIN_REPORTS[name] : undefined;
}
