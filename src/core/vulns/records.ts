// One Spotlight vulnerability record as talon uses it, read from the
// combined call's answer (facets cve, host_info, remediation). Fields the
// API leaves out become empty values; a record without an id or a CVE id
// is not a vulnerability talon can group and is counted as malformed.

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE' | 'UNKNOWN';
export const SEVERITY_ORDER: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NONE', 'UNKNOWN'];

export interface VulnRecord {
  id: string;
  aid: string;
  status: string;
  createdTimestamp: string;
  closedTimestamp: string;
  cveId: string;
  severity: Severity;
  baseScore?: number;
  /** 0 unproven, 30 available, 60 easily accessible, 90 actively used; undefined when unknown */
  exploitStatus?: number;
  exprtRating: string;
  /** undefined when the data does not say (no cisa_info) */
  kev?: boolean;
  kevDueDate: string;
  description: string;
  publishedDate: string;
  vector: string;
  /** NVD and vendor advisory links */
  references: string[];
  hostname: string;
  platform: string;
  groups: { id: string; name: string }[];
  assetCriticality: string;
  /** installed products the vulnerability was found in */
  products: string[];
  remediationIds: string[];
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

function severityOf(v: unknown): Severity {
  const s = text(v).toUpperCase();
  return (SEVERITY_ORDER as readonly string[]).includes(s) ? (s as Severity) : 'UNKNOWN';
}

/** The record, or undefined when it lacks an id or a CVE id. */
export function toVulnRecord(raw: unknown): VulnRecord | undefined {
  const r = obj(raw);
  const cve = obj(r.cve);
  const host = obj(r.host_info);
  const cisa = obj(cve.cisa_info);
  const id = text(r.id);
  const cveId = text(cve.id) || text(r.vulnerability_id);
  if (!id || !cveId) return undefined;
  const remediation = obj(r.remediation);
  const apps = arr(r.apps).map(obj);
  const remediationIds = new Set<string>([
    ...arr(remediation.ids).map(text),
    ...arr(remediation.entities).map((e) => text(obj(e).id)),
    ...apps.flatMap((a) => arr(obj(a.remediation).ids).map(text)),
  ]);
  remediationIds.delete('');
  const kevRaw = cisa.is_cisa_kev ?? cve.is_cisa_kev;
  return {
    id,
    aid: text(r.aid).toLowerCase(),
    status: text(r.status),
    createdTimestamp: text(r.created_timestamp),
    closedTimestamp: text(r.closed_timestamp),
    cveId,
    severity: severityOf(cve.severity),
    baseScore: num(cve.base_score),
    exploitStatus: num(cve.exploit_status),
    exprtRating: text(cve.exprt_rating),
    kev: typeof kevRaw === 'boolean' ? kevRaw : undefined,
    kevDueDate: text(cisa.due_date),
    description: text(cve.description),
    publishedDate: text(cve.published_date),
    vector: text(cve.vector),
    references: [...new Set([...arr(cve.vendor_advisory), ...arr(cve.references)].map(text).filter((l) => /^https?:\/\//i.test(l)))],
    hostname: text(host.hostname),
    platform: text(host.platform_name) || text(host.platform),
    groups: arr(host.groups).map(obj).map((g) => ({ id: text(g.id), name: text(g.name) })).filter((g) => g.id || g.name),
    assetCriticality: text(host.asset_criticality),
    products: [...new Set(apps.map((a) => text(a.product_name_version)).filter(Boolean))],
    remediationIds: [...remediationIds],
  };
}

const EXPLOIT_LABELS: Readonly<Record<number, string>> = { 0: 'unproven', 30: 'available', 60: 'easily accessible', 90: 'actively used' };

/** "actively used (90)", "unknown" */
export function exploitLabel(status: number | undefined): string {
  if (status === undefined) return 'unknown';
  return EXPLOIT_LABELS[status] ?? String(status);
}

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}
