// The catalog queries a report section can read: where records are streamed
// from, the API's aggregate call when the family has one, and the timestamp
// `--since` narrows. Only families whose catalog has an `/aggregates/` call
// get one: hosts and Spotlight vulnerabilities have none, so their sections
// are computed by streaming pages.
import type { HttpMethod } from '../http/types.js';

export type SourceName = 'hosts' | 'alerts' | 'vulnerabilities';

export interface ReportSource {
  name: SourceName;
  /** the catalog query that returns full records, walked page by page */
  query: { method: HttpMethod; path: string; pageSize: number; filterIn: 'query' | 'body' };
  /** the API's aggregate call, when the family has one */
  aggregatePath?: string;
  /** the timestamp `--since` bounds */
  timeField: string;
  /** Spotlight's combined call returns a CVE's details and the host only when asked */
  facets?: readonly string[];
  /** Spotlight rejects a query without a filter */
  defaultFilter?: string;
  /** the record field that opens the query in the composer */
  label: string;
}

export const REPORT_SOURCES: Readonly<Record<SourceName, ReportSource>> = {
  hosts: {
    name: 'hosts',
    query: { method: 'GET', path: '/devices/combined/devices/v1', pageSize: 2000, filterIn: 'query' },
    timeField: 'last_seen',
    label: 'hosts',
  },
  alerts: {
    name: 'alerts',
    query: { method: 'POST', path: '/alerts/combined/alerts/v1', pageSize: 1000, filterIn: 'body' },
    aggregatePath: '/alerts/aggregates/alerts/v2',
    timeField: 'created_timestamp',
    label: 'alerts',
  },
  vulnerabilities: {
    name: 'vulnerabilities',
    query: { method: 'GET', path: '/spotlight/combined/vulnerabilities/v1', pageSize: 2000, filterIn: 'query' },
    timeField: 'created_timestamp',
    facets: ['cve', 'host_info'],
    defaultFilter: "status:['open','reopen']",
    label: 'vulnerabilities',
  },
};

export const SOURCE_NAMES = Object.keys(REPORT_SOURCES) as SourceName[];

/** A source by its name or by the path of its query or aggregate call. */
export function findSource(nameOrPath: string): ReportSource | undefined {
  const key = nameOrPath.trim();
  if (Object.hasOwn(REPORT_SOURCES, key)) return REPORT_SOURCES[key as SourceName];
  return Object.values(REPORT_SOURCES).find((s) => s.query.path === key || s.aggregatePath === key);
}
