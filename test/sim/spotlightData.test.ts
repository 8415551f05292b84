// The Spotlight data is rich enough for vulnerability work: exploit statuses
// and KEV flags, remediations with names and links, hosts in groups, and
// vulnerabilities found and closed over time.
import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/sim/tenant/index.js';

const tenant = generateTenant({ seed: 1, hosts: 500, anchor: Date.parse('2026-05-01T09:00:00Z') });
const vulns = [...tenant.vulnerabilities.values()];

describe('simulated Spotlight data', () => {
  it('has every exploit status, KEV flags with due dates, and all severities that matter', () => {
    expect(new Set(vulns.map((v) => v.cve.exploit_status))).toEqual(new Set([0, 30, 60, 90]));
    const kev = vulns.filter((v) => v.cve.cisa_info?.is_cisa_kev);
    expect(new Set(kev.map((v) => v.cve.id)).size).toBeGreaterThan(3);
    for (const v of kev) expect(v.cve.cisa_info?.due_date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(new Set(vulns.map((v) => v.cve.severity))).toEqual(expect.objectContaining(new Set(['CRITICAL', 'HIGH', 'MEDIUM'])));
  });

  it('names a remediation with a title and links for every vulnerability', () => {
    for (const v of vulns) {
      const r = tenant.remediations.get(v.remediation.ids[0]!);
      expect(r?.title).toBeTruthy();
      expect(r?.link).toMatch(/^https:\/\//);
    }
  });

  it('puts hosts in groups and has vulnerabilities open, reopened, closed and expired over months', () => {
    expect(vulns.filter((v) => v.host_info.groups.length > 0).length).toBeGreaterThan(vulns.length / 3);
    expect(new Set(vulns.map((v) => v.status))).toEqual(new Set(['open', 'reopen', 'closed', 'expired']));
    for (const v of vulns.filter((x) => x.status === 'closed')) expect(Date.parse(v.closed_timestamp!)).toBeGreaterThanOrEqual(Date.parse(v.created_timestamp));
    const months = new Set(vulns.map((v) => v.created_timestamp.slice(0, 7)));
    expect(months.size).toBeGreaterThan(6);
  });
});
