// The whole simulated tenant (every record family, keyed by id) and the
// options that seed it. The records' shapes are in records/.
import type { Alert, Behavior, CrowdScore, Incident } from './records/detections.js';
import type { Host, HostGroup, ProcessRecord } from './records/hosts.js';
import type { Ioc, Sighting } from './records/indicators.js';
import type { ReportExecution, ScheduledReport } from './records/reports.js';
import type { Remediation, Vulnerability } from './records/vulnerabilities.js';

/** The whole simulated tenant. Maps are keyed by each record's id. */
export interface Tenant {
  cid: string;
  /** Timestamps in the data are relative to this instant (epoch ms). */
  anchor: number;
  hosts: Map<string, Host>;
  processes: Map<string, ProcessRecord>;
  sightings: Sighting[];
  iocs: Map<string, Ioc>;
  alerts: Map<string, Alert>; // keyed by composite_id
  incidents: Map<string, Incident>;
  behaviors: Map<string, Behavior>; // keyed by behavior_id
  /** hourly, oldest first */
  crowdScores: CrowdScore[];
  scheduledReports: Map<string, ScheduledReport>;
  reportExecutions: Map<string, ReportExecution>;
  hostGroups: Map<string, HostGroup>;
  vulnerabilities: Map<string, Vulnerability>;
  remediations: Map<string, Remediation>;
  /** Values that appear in the seeded data, for the startup banner and docs. */
  samples: {
    hostnames: string[]; // 3
    /** a hostname several hosts share (a reimaged machine), when the fleet has one */
    reusedHostname?: string;
    sha256: string[]; // 3, each seen on several hosts
    md5: string[]; // 1, seen on several hosts
    domains: string[]; // 2, seen on several hosts
  };
}

export interface TenantOptions {
  seed: number;
  hosts: number;
  /** epoch ms the data is anchored to */
  anchor: number;
  /** the tenant's CID; derived from the seed when absent (MSSP children pass their own) */
  cid?: string;
}
