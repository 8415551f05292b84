// What the generators know about a host beyond its wire record.
import type { Host } from './records/hosts.js';
import type { Department, ServerRole, Site } from './names.js';
import type { ProcEntry } from './processes.js';

export type HostRole = 'workstation' | 'server' | 'dc';

export interface Person {
  first: string;
  last: string;
  username: string;
}

export interface HostMeta {
  host: Host;
  role: HostRole;
  serverRole?: ServerRole;
  env?: 'prod' | 'staging' | 'dev';
  dept: Department;
  site: Site;
  /** primary user of a workstation */
  user?: Person;
  firstSeenMs: number;
  lastSeenMs: number;
  /** last seen more than 30 days before the anchor */
  stale: boolean;
  /** last seen within the 24 hours before the anchor */
  recent: boolean;
  /** processes on the host, in creation order (filled by ProcessFactory; NO_PROCS, shared, until the first) */
  procs: ProcEntry[];
  /** last process_id_local handed out on the host (0: none yet) */
  lastPid: number;
}

/** The account a process on this host runs as, for paths like C:\Users\<u>. */
export function accountOf(meta: HostMeta): string {
  if (meta.user) return meta.user.username;
  if (meta.host.platform_name === 'Windows') return 'Administrator';
  return meta.site.kind === 'cloud' ? 'ec2-user' : 'svc-deploy';
}

/** The process list of a host without processes yet: one frozen array for all of them. */
export const NO_PROCS: ProcEntry[] = Object.freeze([]) as unknown as ProcEntry[];
