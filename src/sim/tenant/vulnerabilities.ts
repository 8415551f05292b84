// Spotlight: a CVE catalogue with one remediation per product, and 2-4
// vulnerabilities on most hosts, with host_info copied from the host.
import type { Random } from '../random.js';
import type { HostGroup } from './records/hosts.js';
import type { Remediation, Vulnerability } from './records/vulnerabilities.js';
import type { HostMeta } from './meta.js';
import { CVE_CATALOGUE, PRODUCTS, cvssBaseScore, cvssSeverity, kindOf } from './cves.js';
import type { Product } from './cves.js';
import { DAY, Picker, between, hex, iso, sampleOf } from './util.js';

interface CatalogueCve {
  product: Product;
  remediationId: string;
  publishedMs: number;
  cve: Vulnerability['cve'];
  /** second half of record ids: "<aid>_<idHash>" (a host has each CVE once) */
  idHash: string;
  /** shared, read-only parts of the records, by installed version and sub status */
  remediation: Vulnerability['remediation'];
  apps: Map<string, Vulnerability['apps']>;
}

function exprtRating(exploit: number, severity: string): Vulnerability['cve']['exprt_rating'] {
  if (exploit === 90) return 'CRITICAL';
  if (exploit === 60) return severity === 'CRITICAL' ? 'CRITICAL' : 'HIGH';
  if (exploit === 30) return severity === 'CRITICAL' || severity === 'HIGH' ? 'HIGH' : 'MEDIUM';
  return severity === 'CRITICAL' || severity === 'HIGH' ? 'MEDIUM' : 'LOW';
}

function assetCriticality(m: HostMeta): string {
  if (m.role === 'dc') return 'Critical';
  if (m.role === 'server') return m.env === 'prod' ? 'High' : 'Medium';
  if (m.dept.code === 'EXEC' || m.dept.code === 'FIN') return 'High';
  return m.dept.code === 'ENG' ? 'Medium' : 'Unassigned';
}

/** One remediation per product; `byProduct` maps product keys to their ids. */
export function generateRemediations(rng: Random): { remediations: Map<string, Remediation>; byProduct: Map<string, string> } {
  const remediations = new Map<string, Remediation>();
  const byProduct = new Map<string, string>();
  for (const p of PRODUCTS) {
    const id = hex(rng, 32);
    remediations.set(id, { id, ...p.remediation });
    byProduct.set(p.key, id);
  }
  return { remediations, byProduct };
}

function catalogue(rng: Random, anchor: number, remediationOf: Map<string, string>): CatalogueCve[] {
  const ids = new Set<string>();
  const out: CatalogueCve[] = [];
  for (const [productKey, kindKey, exploit] of CVE_CATALOGUE) {
    const product = PRODUCTS.find((p) => p.key === productKey);
    if (!product) throw new Error(`unknown product ${productKey}`);
    const kind = kindOf(kindKey);
    const publishedMs = Math.floor((anchor - between(rng, 30 * DAY, 700 * DAY)) / 60_000) * 60_000;
    const year = new Date(publishedMs).getUTCFullYear();
    let id = '';
    do id = `CVE-${year}-${rng.int(20_000, 52_999)}`;
    while (ids.has(id));
    ids.add(id);
    const base_score = cvssBaseScore(kind.vector);
    const severity = cvssSeverity(base_score);
    const cve: Vulnerability['cve'] = {
      id,
      base_score,
      severity,
      exploit_status: exploit,
      exprt_rating: exprtRating(exploit, severity),
      description: `${kind.text} in ${product.name} before ${product.fixed} ${kind.impact}.`,
      published_date: iso(publishedMs),
      vector: kind.vector,
      vendor_advisory: [product.remediation.vendor_url],
      references: [`https://nvd.nist.gov/vuln/detail/${id}`],
    };
    if (exploit === 90) cve.cisa_info = { is_cisa_kev: true, due_date: iso(publishedMs + 21 * DAY) };
    const remediationId = remediationOf.get(productKey) ?? '';
    out.push({ product, remediationId, publishedMs, cve, idHash: hex(rng, 32), remediation: { ids: [remediationId] }, apps: new Map() });
  }
  return out;
}

interface VulnContext {
  rng: Random;
  cid: string;
  anchor: number;
  cves: CatalogueCve[];
  groupNames: Map<string, string>;
  applicable: Map<string, CatalogueCve[]>;
  dataProviders: Vulnerability['data_providers'];
  vulns: Map<string, Vulnerability>;
}

const STALE_STATUS = new Picker(['open', 'expired'] as const, [40, 60]);
const STATUS = new Picker(['open', 'closed', 'reopen', 'expired'] as const, [76, 12, 8, 4]);

export function generateVulnerabilities(
  rng: Random,
  metas: HostMeta[],
  groups: HostGroup[],
  remediationOf: Map<string, string>,
  cid: string,
  anchor: number,
): Map<string, Vulnerability> {
  const ctx: VulnContext = {
    rng,
    cid,
    anchor,
    cves: catalogue(rng, anchor, remediationOf),
    groupNames: new Map(groups.map((g) => [g.id, g.name])),
    applicable: new Map(),
    dataProviders: [{ provider: 'Falcon sensor' }],
    vulns: new Map(),
  };
  for (const m of metas) if (rng.chance(0.55)) hostVulns(ctx, m);
  return ctx.vulns;
}

/** 2-4 vulnerabilities of one host. */
function hostVulns(ctx: VulnContext, m: HostMeta): void {
  const { rng, anchor } = ctx;
  const h = m.host;
  const classKey = `${h.platform_name}|${m.role}|${m.serverRole?.key ?? ''}|${h.os_version}|${h.kernel_version ?? ''}`;
  let pool = ctx.applicable.get(classKey);
  if (!pool) {
    pool = ctx.cves.filter((c) => c.product.applies(m));
    ctx.applicable.set(classKey, pool);
  }
  const host_info: Vulnerability['host_info'] = {
    hostname: h.hostname,
    local_ip: h.local_ip,
    machine_domain: h.machine_domain,
    os_version: h.os_version,
    ou: h.ou[0] ?? '',
    site_name: h.site_name,
    system_manufacturer: h.system_manufacturer,
    platform: h.platform_name,
    product_type_desc: h.product_type_desc,
    tags: [...h.tags],
    groups: h.groups.map((id) => ({ id, name: ctx.groupNames.get(id) ?? '' })),
    asset_criticality: assetCriticality(m),
  };
  for (const c of sampleOf(rng, pool, rng.int(2, 4))) {
    const status = (m.stale ? STALE_STATUS : STATUS).pick(rng);
    let lo = Math.max(m.firstSeenMs, c.publishedMs);
    if (lo >= m.lastSeenMs) lo = m.firstSeenMs;
    const created = between(rng, lo, m.lastSeenMs + 1);
    const updated = between(rng, created, Math.min(anchor, m.lastSeenMs + 2 * DAY) + 1);
    const installed = typeof c.product.installed === 'function' ? c.product.installed(m) : rng.pick(c.product.installed);
    const subStatus = status === 'closed' ? 'closed' : 'open';
    const appsKey = `${subStatus}|${installed}`;
    let apps = c.apps.get(appsKey);
    if (!apps) {
      apps = [{ product_name_version: installed, sub_status: subStatus, remediation: c.remediation }];
      c.apps.set(appsKey, apps);
    }
    const updatedIso = iso(updated);
    const v: Vulnerability = {
      id: [h.device_id, '_', c.idHash].join(''),
      aid: h.device_id,
      cid: ctx.cid,
      status,
      created_timestamp: iso(created),
      updated_timestamp: updatedIso,
      vulnerability_id: c.cve.id,
      // data_providers, cve, host_info, remediation and apps are shared
      // between records (per tenant, CVE or host): Spotlight is read-only.
      data_providers: ctx.dataProviders,
      cve: c.cve,
      host_info,
      remediation: c.remediation,
      apps,
    };
    if (status === 'closed') v.closed_timestamp = updatedIso;
    ctx.vulns.set(v.id, v);
  }
}
