// Groups vulnerability records by CVE (the hosts each one is on) or by host
// (the CVEs on each one). Pure and incremental: records are added page by
// page, so the shell's vulnerabilities view and the command share it.
import { severityRank, type Severity, type VulnRecord } from './records.js';

export type GroupBy = 'cve' | 'host';
export const GROUP_BYS: readonly GroupBy[] = ['cve', 'host'];

export interface AffectedHost {
  aid: string;
  hostname: string;
  platform: string;
  status: string;
  createdTimestamp: string;
  groups: string[];
  products: string[];
}

/** What a CVE group says of the CVE itself: the record's own fields. */
type CveFacts = Pick<VulnRecord, 'cveId' | 'severity' | 'baseScore' | 'exploitStatus' | 'exprtRating' | 'kev' | 'kevDueDate' | 'description'>;

export interface CveGroup extends CveFacts {
  kind: 'cve';
  /** stable across runs: "cve:CVE-2024-3094" */
  key: string;
  remediationIds: string[];
  /** sorted by hostname, then aid */
  hosts: AffectedHost[];
  /** earliest created timestamp among the hosts */
  firstSeen: string;
}

export interface HostVuln {
  cveId: string;
  severity: Severity;
  baseScore?: number;
  exploitStatus?: number;
  kev?: boolean;
  status: string;
  createdTimestamp: string;
  products: string[];
  remediationIds: string[];
  description: string;
}

export interface HostGroup {
  kind: 'host';
  /** stable across runs: "host:<aid>" */
  key: string;
  aid: string;
  hostname: string;
  platform: string;
  assetCriticality: string;
  groups: string[];
  /** most severe first */
  vulns: HostVuln[];
  highestSeverity: Severity;
  highestExploit?: number;
  kevCount: number;
}

export type VulnGroup = CveGroup | HostGroup;

const maxOf = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const groupNames = (v: VulnRecord): string[] => v.groups.map((g) => g.name || g.id);

function hostVulnOrder(a: HostVuln, b: HostVuln): number {
  return severityRank(a.severity) - severityRank(b.severity) || (b.exploitStatus ?? -1) - (a.exploitStatus ?? -1) || a.cveId.localeCompare(b.cveId);
}

/** Most urgent first: severity, exploit status, KEV, hosts affected. */
export function cveGroupOrder(a: CveGroup, b: CveGroup): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (b.exploitStatus ?? -1) - (a.exploitStatus ?? -1) ||
    Number(b.kev === true) - Number(a.kev === true) ||
    b.hosts.length - a.hosts.length ||
    a.cveId.localeCompare(b.cveId)
  );
}

export function hostGroupOrder(a: HostGroup, b: HostGroup): number {
  return (
    severityRank(a.highestSeverity) - severityRank(b.highestSeverity) ||
    (b.highestExploit ?? -1) - (a.highestExploit ?? -1) ||
    b.vulns.length - a.vulns.length ||
    a.hostname.localeCompare(b.hostname) ||
    a.aid.localeCompare(b.aid)
  );
}

export class VulnGrouper {
  private readonly cves = new Map<string, CveGroup>();
  private readonly hosts = new Map<string, HostGroup>();
  records = 0;

  constructor(readonly by: GroupBy) {}

  add(records: Iterable<VulnRecord>): void {
    for (const v of records) {
      this.records++;
      if (this.by === 'cve') this.addToCve(v);
      else this.addToHost(v);
    }
  }

  private addToCve(v: VulnRecord): void {
    let g = this.cves.get(v.cveId);
    if (!g) {
      g = {
        kind: 'cve',
        key: `cve:${v.cveId}`,
        cveId: v.cveId,
        severity: v.severity,
        baseScore: v.baseScore,
        exploitStatus: v.exploitStatus,
        exprtRating: v.exprtRating,
        kev: v.kev,
        kevDueDate: v.kevDueDate,
        description: v.description,
        remediationIds: [],
        hosts: [],
        firstSeen: v.createdTimestamp,
      };
      this.cves.set(v.cveId, g);
    }
    // The CVE facts are the same on every record; keep the strongest if they differ.
    g.exploitStatus = maxOf(g.exploitStatus, v.exploitStatus);
    if (v.kev !== undefined) g.kev = g.kev === true || v.kev;
    if (!g.kevDueDate) g.kevDueDate = v.kevDueDate;
    for (const id of v.remediationIds) if (!g.remediationIds.includes(id)) g.remediationIds.push(id);
    if (v.createdTimestamp && (!g.firstSeen || v.createdTimestamp < g.firstSeen)) g.firstSeen = v.createdTimestamp;
    g.hosts.push({ aid: v.aid, hostname: v.hostname, platform: v.platform, status: v.status, createdTimestamp: v.createdTimestamp, groups: groupNames(v), products: v.products });
  }

  private addToHost(v: VulnRecord): void {
    let g = this.hosts.get(v.aid);
    if (!g) {
      g = { kind: 'host', key: `host:${v.aid}`, aid: v.aid, hostname: v.hostname, platform: v.platform, assetCriticality: v.assetCriticality, groups: groupNames(v), vulns: [], highestSeverity: v.severity, kevCount: 0 };
      this.hosts.set(v.aid, g);
    }
    g.vulns.push({
      cveId: v.cveId,
      severity: v.severity,
      baseScore: v.baseScore,
      exploitStatus: v.exploitStatus,
      kev: v.kev,
      status: v.status,
      createdTimestamp: v.createdTimestamp,
      products: v.products,
      remediationIds: v.remediationIds,
      description: v.description,
    });
    if (severityRank(v.severity) < severityRank(g.highestSeverity)) g.highestSeverity = v.severity;
    g.highestExploit = maxOf(g.highestExploit, v.exploitStatus);
    if (v.kev) g.kevCount++;
  }

  /** The groups, most urgent first, each with its members in a stable order. */
  groups(): VulnGroup[] {
    if (this.by === 'cve') {
      const out = [...this.cves.values()];
      for (const g of out) g.hosts.sort((a, b) => a.hostname.localeCompare(b.hostname) || a.aid.localeCompare(b.aid));
      return out.sort(cveGroupOrder);
    }
    const out = [...this.hosts.values()];
    for (const g of out) g.vulns.sort(hostVulnOrder);
    return out.sort(hostGroupOrder);
  }

  /** Every remediation id the groups refer to. */
  remediationIds(): string[] {
    const ids = new Set<string>();
    for (const g of this.cves.values()) for (const id of g.remediationIds) ids.add(id);
    for (const g of this.hosts.values()) for (const v of g.vulns) for (const id of v.remediationIds) ids.add(id);
    return [...ids];
  }
}
