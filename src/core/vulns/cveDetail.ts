// `talon vulns show CVE-…`: one CVE as Spotlight knows it from the hosts it
// is on (every status), and its remediations from the remediation call.
import type { ApiCaller } from '../http/types.js';
import { buildFilter } from './presets.js';
import { walkVulnerabilities } from './walk.js';
import { fetchRemediations, type Remediation } from './remediations.js';
import type { VulnRecord } from './records.js';

export interface CveDetail {
  cveId: string;
  /** false when no host in the tenant has (or had) it */
  found: boolean;
  facts?: Pick<VulnRecord, 'severity' | 'baseScore' | 'exploitStatus' | 'exprtRating' | 'kev' | 'kevDueDate' | 'description' | 'publishedDate' | 'vector' | 'references'>;
  /** records per status: open, reopen, closed, expired */
  byStatus: Record<string, number>;
  /** hosts with it open or reopened */
  openHosts: number;
  products: string[];
  remediations: Remediation[];
  /** remediation ids the remediation call did not know */
  unknownRemediationIds: string[];
}

export async function fetchCveDetail(caller: ApiCaller, cveId: string, signal?: AbortSignal): Promise<CveDetail> {
  const filter = buildFilter({ presets: [{ kind: 'cve', id: cveId }], statuses: [], now: Date.now() });
  const byStatus: Record<string, number> = {};
  const openHosts = new Set<string>();
  const products = new Set<string>();
  const remediationIds = new Set<string>();
  let facts: CveDetail['facts'];
  for await (const page of walkVulnerabilities(caller, { filter, signal })) {
    for (const v of page) {
      const { severity, baseScore, exploitStatus, exprtRating, kev, kevDueDate, description, publishedDate, vector, references } = v;
      facts ??= { severity, baseScore, exploitStatus, exprtRating, kev, kevDueDate, description, publishedDate, vector, references };
      byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
      if (v.status === 'open' || v.status === 'reopen') openHosts.add(v.aid);
      for (const p of v.products) products.add(p);
      for (const id of v.remediationIds) remediationIds.add(id);
    }
  }
  const rems = remediationIds.size ? await fetchRemediations(caller, [...remediationIds], signal) : new Map<string, Remediation>();
  return {
    cveId,
    found: facts !== undefined,
    facts,
    byStatus,
    openHosts: openHosts.size,
    products: [...products].sort(),
    remediations: [...remediationIds].flatMap((id) => rems.get(id) ?? []),
    unknownRemediationIds: [...remediationIds].filter((id) => !rems.has(id)),
  };
}
