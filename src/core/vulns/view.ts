// The search result as a table, JSON or CSV. Cells are made terminal-safe by
// formatTable; JSON goes through safeJson and CSV through csvLine (formula
// guard), as every export of tenant text does.
import { formatTable, shortTime } from '../wizards/textTable.js';
import { csvLine } from '../text/csvCell.js';
import { safeJson } from '../text/safeJson.js';
import { exploitLabel } from './records.js';
import type { CveGroup, HostGroup, VulnGroup } from './grouping.js';
import type { FindResult } from './find.js';
import type { Remediation } from './remediations.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const kevText = (kev: boolean | undefined): string => (kev === undefined ? '-' : kev ? 'yes' : 'no');
const score = (s: number | undefined): string => (s === undefined ? '' : s.toFixed(1));

function fixNames(ids: readonly string[], rems: ReadonlyMap<string, Remediation>): string {
  const names = [...new Set(ids.map((id) => rems.get(id)?.title ?? ''))].filter(Boolean);
  if (!names.length) return ids.length ? '(no detail)' : '-';
  return names.length > 1 ? `${names[0]} (+${names.length - 1})` : (names[0] as string);
}

/** "Severity HIGH, 7.8" */
export function severityText(g: { severity: string; baseScore?: number }): string {
  return g.baseScore === undefined ? g.severity : `${g.severity} ${score(g.baseScore)}`;
}

export function summaryLine(r: FindResult): string {
  if (!r.groups.length) return `No vulnerability matches (filter: ${r.filter}).\n`;
  const hosts = r.by === 'host' ? r.groups.length : new Set(r.groups.flatMap((g) => (g.kind === 'cve' ? g.hosts.map((h) => h.aid) : []))).size;
  const cves = r.by === 'cve' ? r.groups.length : new Set(r.groups.flatMap((g) => (g.kind === 'host' ? g.vulns.map((v) => v.cveId) : []))).size;
  return `${plural(r.records, 'vulnerability', 'vulnerabilities')}: ${plural(cves, 'CVE')} on ${plural(hosts, 'host')} (filter: ${r.filter})\n`;
}

export function groupsTable(r: FindResult, shown: readonly VulnGroup[]): string {
  if (r.by === 'cve') {
    return formatTable<CveGroup>(
      [
        { header: 'CVE', value: (g) => g.cveId },
        { header: 'SEVERITY', value: (g) => severityText(g) },
        { header: 'EXPLOIT', value: (g) => exploitLabel(g.exploitStatus) },
        { header: 'KEV', value: (g) => kevText(g.kev) },
        { header: 'HOSTS', value: (g) => String(g.hosts.length) },
        { header: 'FIRST SEEN', value: (g) => shortTime(g.firstSeen).slice(0, 10) },
        { header: 'REMEDIATION', value: (g) => fixNames(g.remediationIds, r.remediations) },
      ],
      shown as CveGroup[],
    );
  }
  return formatTable<HostGroup>(
    [
      { header: 'HOSTNAME', value: (g) => g.hostname || '-' },
      { header: 'DEVICE ID', value: (g) => g.aid },
      { header: 'PLATFORM', value: (g) => g.platform },
      { header: 'VULNS', value: (g) => String(g.vulns.length) },
      { header: 'HIGHEST', value: (g) => g.highestSeverity },
      { header: 'EXPLOIT', value: (g) => exploitLabel(g.highestExploit) },
      { header: 'KEV', value: (g) => String(g.kevCount) },
      { header: 'TOP CVES', value: (g) => g.vulns.slice(0, 3).map((v) => v.cveId).join(' ') + (g.vulns.length > 3 ? ' …' : '') },
    ],
    shown as HostGroup[],
  );
}

function remediationJson(ids: readonly string[], rems: ReadonlyMap<string, Remediation>): Remediation[] {
  return ids.flatMap((id) => rems.get(id) ?? []);
}

export function groupJsonValue(g: VulnGroup, rems: ReadonlyMap<string, Remediation>): object {
  if (g.kind === 'cve') {
    const { kind: _kind, remediationIds, ...rest } = g;
    return { ...rest, exploit: exploitLabel(g.exploitStatus), hostCount: g.hosts.length, remediations: remediationJson(remediationIds, rems) };
  }
  const { kind: _kind, ...rest } = g;
  return { ...rest, highestExploit: exploitLabel(g.highestExploit), vulnCount: g.vulns.length, vulns: g.vulns.map((v) => ({ ...v, exploit: exploitLabel(v.exploitStatus), remediations: remediationJson(v.remediationIds, rems) })) };
}

export function resultToJson(r: FindResult, shown: readonly VulnGroup[], pretty: boolean): string {
  const value = { filter: r.filter, groupBy: r.by, records: r.records, groupCount: r.groups.length, groups: shown.map((g) => groupJsonValue(g, r.remediations)) };
  return safeJson(value, pretty ? 2 : undefined) + '\n';
}

export function resultToCsv(r: FindResult, shown: readonly VulnGroup[]): string {
  if (r.by === 'cve') {
    let out = csvLine(['cve_id', 'severity', 'base_score', 'exploit_status', 'exploit', 'cisa_kev', 'kev_due_date', 'hosts', 'first_seen', 'remediation', 'remediation_links']);
    for (const g of shown as CveGroup[]) {
      const rems = remediationJson(g.remediationIds, r.remediations);
      out += csvLine([g.cveId, g.severity, score(g.baseScore), g.exploitStatus === undefined ? '' : String(g.exploitStatus), exploitLabel(g.exploitStatus), kevText(g.kev), g.kevDueDate, String(g.hosts.length), g.firstSeen, rems.map((x) => x.title).join('; '), rems.flatMap((x) => x.links).join(' ')]);
    }
    return out;
  }
  let out = csvLine(['hostname', 'device_id', 'platform', 'asset_criticality', 'host_groups', 'vulnerabilities', 'highest_severity', 'highest_exploit_status', 'kev', 'cves']);
  for (const g of shown as HostGroup[]) {
    out += csvLine([g.hostname, g.aid, g.platform, g.assetCriticality, g.groups.join('; '), String(g.vulns.length), g.highestSeverity, g.highestExploit === undefined ? '' : String(g.highestExploit), String(g.kevCount), g.vulns.map((v) => v.cveId).join(' ')]);
  }
  return out;
}
