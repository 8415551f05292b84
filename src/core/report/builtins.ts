// The built-in reports: fleet, alerts and vulnerabilities. They are specs
// like any user's file, so `talon report FILE` can start from a copy of one.
import type { AggregateSpec, ReportSpec, SectionSpec as Section } from './spec.js';

type DateRanges = NonNullable<AggregateSpec['date_ranges']>;

/** A section counting a field's values over the whole tenant (not the report's period). */
function counted(title: string, source: Section['source'], field: string, size: number, chart: Section['chart'] = 'bar'): Section {
  return { title, source, windowed: false, aggregate: { type: 'terms', field, size }, chart };
}

/** A bar chart of how long ago a timestamp field lies, in the given bands. */
function aged(title: string, source: Section['source'], field: string, date_ranges: DateRanges): Section {
  return { title, source, windowed: false, aggregate: { type: 'date_range', field, date_ranges }, chart: 'bar' };
}

const fleet: ReportSpec = {
  title: 'Fleet',
  description: 'Every host the tenant knows, whenever it was last seen.',
  sections: [
    counted('Hosts by platform', 'hosts', 'platform_name', 10),
    counted('Hosts by operating system', 'hosts', 'os_version', 12),
    counted('Hosts by sensor version', 'hosts', 'agent_version', 12),
    aged('Hosts by last seen', 'hosts', 'last_seen', [
      { from: 'now-1d', label: 'within a day' },
      { from: 'now-7d', to: 'now-1d', label: '1 to 7 days ago' },
      { from: 'now-30d', to: 'now-7d', label: '7 to 30 days ago' },
      { to: 'now-30d', label: 'over 30 days ago' },
    ]),
    counted('Hosts by containment status', 'hosts', 'status', 10, 'table'),
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
    counted('Open vulnerabilities by severity', 'vulnerabilities', 'cve.severity', 10),
    {
      ...counted('Open vulnerabilities by exploit status', 'vulnerabilities', 'cve.exploit_status', 10),
      labels: { '0': 'Unproven', '30': 'Available', '60': 'Easily accessible', '90': 'Actively used' },
    },
    aged('Open vulnerabilities by age', 'vulnerabilities', 'created_timestamp', [
      { from: 'now-7d', label: 'under a week' },
      { from: 'now-30d', to: 'now-7d', label: '1 to 4 weeks' },
      { from: 'now-90d', to: 'now-30d', label: '1 to 3 months' },
      { to: 'now-90d', label: 'over 3 months' },
    ]),
    counted('Top CVEs', 'vulnerabilities', 'cve.id', 10, 'table'),
    counted('Top hosts', 'vulnerabilities', 'host_info.hostname', 10, 'table'),
  ],
};

export const BUILTIN_REPORTS: Readonly<Record<string, ReportSpec>> = { fleet, alerts, vulns };

export function builtinReport(name: string): ReportSpec | undefined {
  return Object.hasOwn(BUILTIN_REPORTS, name) ? BUILTIN_REPORTS[name] : undefined;
}
