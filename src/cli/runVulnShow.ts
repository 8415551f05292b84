// Runs `talon vulns show CVE-…`: the CVE's facts, where it is, and how to fix it.
import type { ConnectionFlags } from './commonOptions.js';
import { openCliConnection } from './cliConnection.js';
import { UserError } from '../core/errors.js';
import { isCveId } from '../core/vulns/presets.js';
import { fetchCveDetail, type CveDetail } from '../core/vulns/cveDetail.js';
import { exploitLabel } from '../core/vulns/records.js';
import { severityText } from '../core/vulns/view.js';
import { safeJson } from '../core/text/safeJson.js';
import { writeText } from './terminalOutput.js';

export interface VulnShowFlags extends ConnectionFlags {
  json?: boolean;
}

const STATUS_WORDS: readonly [string, string][] = [['open', 'open'], ['reopen', 'reopened'], ['closed', 'closed'], ['expired', 'expired']];

export function cveDetailText(d: CveDetail): string {
  if (!d.found || !d.facts) return `${d.cveId} is on no host in this tenant: Spotlight knows a CVE only through the hosts it affects.\n`;
  const f = d.facts;
  const kev = f.kev === undefined ? 'not stated' : f.kev ? `yes${f.kevDueDate ? `, due ${f.kevDueDate.slice(0, 10)}` : ''}` : 'no';
  let out = `${d.cveId}  ${severityText(f)}  exploit: ${exploitLabel(f.exploitStatus)}  CISA KEV: ${kev}\n`;
  if (f.description) out += `${f.description}\n`;
  const meta = [f.publishedDate && `published ${f.publishedDate.slice(0, 10)}`, f.exprtRating && `ExPRT rating ${f.exprtRating}`, f.vector].filter(Boolean);
  if (meta.length) out += `${meta.join('  ')}\n`;
  const counts = STATUS_WORDS.filter(([k]) => d.byStatus[k]).map(([k, word]) => `${d.byStatus[k]} ${word}`);
  out += `\nHosts: ${d.openHosts} with it open (${counts.join(', ') || 'none'})\n`;
  if (d.products.length) out += `Found in: ${d.products.join('; ')}\n`;
  out += `\nRemediation:\n`;
  if (!d.remediations.length) out += '  The API names no remediation for it.\n';
  for (const r of d.remediations) {
    out += `  ${r.title}${r.reference ? ` (${r.reference})` : ''}\n`;
    if (r.action && r.action !== r.title) out += `    ${r.action}\n`;
    for (const link of r.links) out += `    ${link}\n`;
  }
  if (d.unknownRemediationIds.length) out += `  (${d.unknownRemediationIds.length} remediation id(s) had no detail: ${d.unknownRemediationIds.join(', ')})\n`;
  if (f.references.length) out += `\nReferences:\n${f.references.map((l) => `  ${l}\n`).join('')}`;
  return out;
}

export async function runVulnShow(cve: string, flags: VulnShowFlags): Promise<number> {
  if (!isCveId(cve.trim())) throw new UserError(`'${cve}' is not a CVE id: use the form CVE-2024-3094.`);
  const conn = openCliConnection(flags);
  try {
    const detail = await fetchCveDetail(conn.client, cve.trim().toUpperCase());
    if (flags.json) process.stdout.write(safeJson(detail, process.stdout.isTTY ? 2 : undefined) + '\n');
    else writeText(process.stdout, cveDetailText(detail));
    return 0;
  } finally {
    await conn.close();
  }
}
