import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome, modeOf } from '../helpers/tempHome.js';
import { parseCsv } from '../helpers/csv.js';
import type { Vulnerability } from '../../src/sim/tenant/records/vulnerabilities.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const isOpen = (v: Vulnerability) => v.status === 'open' || v.status === 'reopen';
const openVulns = () => [...h.sim.tenant.vulnerabilities.values()].filter(isOpen);

/** CVE id → number of hosts, as the simulator holds it. */
function byCve(vs: Vulnerability[]): Map<string, number> {
  const m = new Map<string, Set<string>>();
  for (const v of vs) m.set(v.cve.id, (m.get(v.cve.id) ?? new Set()).add(v.aid));
  return new Map([...m].map(([k, s]) => [k, s.size]));
}

async function groupsOf(args: string[]): Promise<Map<string, number>> {
  const r = await runTalon(['vulns', ...args, '--json'], { env: h.home().env });
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  return new Map(out.groups.map((g: { cveId: string; hostCount: number }) => [g.cveId, g.hostCount]));
}

describe('talon vulns: presets', () => {
  it('critical-exploited: critical or high with a known exploit, open', async () => {
    const want = byCve(openVulns().filter((v) => ['CRITICAL', 'HIGH'].includes(v.cve.severity) && v.cve.exploit_status > 0));
    expect(want.size).toBeGreaterThan(3);
    expect(await groupsOf(['--preset', 'critical-exploited'])).toEqual(want);
  });

  it('cve:ID finds one CVE on every host that has it open', async () => {
    const [cve, hosts] = [...byCve(openVulns())].sort((a, b) => b[1] - a[1])[0]!;
    expect(await groupsOf(['--preset', `cve:${cve.toLowerCase()}`])).toEqual(new Map([[cve, hosts]]));
  });

  it('group:NAME resolves the host group and finds its hosts', async () => {
    const group = [...h.sim.tenant.hostGroups.values()].find((g) => openVulns().some((v) => v.host_info.groups.some((x) => x.id === g.id)))!;
    const want = byCve(openVulns().filter((v) => v.host_info.groups.some((x) => x.id === group.id)));
    expect(await groupsOf(['--preset', `group:${group.name}`])).toEqual(want);
    const unknown = await runTalon(['vulns', '--preset', 'group:No Such Group'], { env: h.home().env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No host group is named 'No Such Group'.");
    expect(unknown.stderr).toContain(group.name);
  });

  it('open-days:N: open since before N days ago', async () => {
    const cutoff = Date.now() - 60 * 86_400_000;
    const want = byCve(openVulns().filter((v) => Date.parse(v.created_timestamp) < cutoff));
    expect(want.size).toBeGreaterThan(0);
    expect(await groupsOf(['--preset', 'open-days:60'])).toEqual(want);
  });

  it('kev: on the CISA KEV list', async () => {
    const want = byCve(openVulns().filter((v) => v.cve.cisa_info?.is_cisa_kev === true));
    expect(want.size).toBeGreaterThan(0);
    expect(await groupsOf(['--preset', 'kev'])).toEqual(want);
  });

  it('presets and FQL combine; --by host lists each host with its highest severity', async () => {
    const linux = openVulns().filter((v) => v.host_info.platform === 'Linux' && v.cve.cisa_info?.is_cisa_kev === true);
    const r = await runTalon(['vulns', "host_info.platform_name:'Linux'", '--preset', 'kev', '--by', 'host', '--json'], { env: h.home().env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.filter).toBe("status:['open','reopen']+cve.is_cisa_kev:true+(host_info.platform_name:'Linux')");
    expect(out.groups.map((g: { aid: string }) => g.aid).sort()).toEqual([...new Set(linux.map((v) => v.aid))].sort());
    for (const g of out.groups) expect(g.vulnCount).toBe(linux.filter((v) => v.aid === g.aid).length);
  });

  it('the table shows severity, exploit status, KEV, hosts and remediation; bad input is one sentence', async () => {
    const r = await runTalon(['vulns', '--preset', 'kev', '--limit', '2'], { env: h.home().env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\d+ vulnerabilities: \d+ CVEs on \d+ hosts \(filter: /);
    expect(lines[1]).toMatch(/^CVE\s+SEVERITY\s+EXPLOIT\s+KEV\s+HOSTS\s+FIRST SEEN\s+REMEDIATION$/);
    expect(lines[2]).toMatch(/^CVE-\d{4}-\d+\s+(CRITICAL|HIGH|MEDIUM|LOW) \d+\.\d\s+actively used\s+yes\s+\d+\s+\d{4}-\d\d-\d\d\s+\S/);
    expect(lines.at(-1)).toMatch(/^… and \d+ more CVEs \(raise --limit to see them\)$/);
    for (const bad of [['--preset', 'nope'], ['--preset', 'open-days:x'], ['--preset', 'cve:1234'], ['--status', 'weird']]) {
      const b = await runTalon(['vulns', ...bad], { env: tempHome().env });
      expect(b.code).toBe(2);
      expect(b.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('vulns show: remediation detail from the remediation call, with the fix name and links', async () => {
    const v = openVulns().find((x) => x.cve.cisa_info?.is_cisa_kev)!;
    const rem = h.sim.tenant.remediations.get(v.remediation.ids[0]!)!;
    const r = await runTalon(['vulns', 'show', v.cve.id], { env: h.home().env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${v.cve.id}  ${v.cve.severity} ${v.cve.base_score.toFixed(1)}  exploit: actively used  CISA KEV: yes`);
    expect(r.stdout).toContain(`Remediation:\n  ${rem.title} (${rem.reference})\n    ${rem.action}\n    ${rem.link}\n`);
    const json = JSON.parse((await runTalon(['vulns', 'show', v.cve.id, '--json'], { env: h.home().env })).stdout);
    expect(json.remediations).toEqual([{ id: rem.id, title: rem.title, action: rem.action, reference: rem.reference, links: [rem.link] }]);
    const none = await runTalon(['vulns', 'show', 'CVE-1999-0001'], { env: h.home().env });
    expect(none).toMatchObject({ code: 0, stdout: 'CVE-1999-0001 is on no host in this tenant: Spotlight knows a CVE only through the hosts it affects.\n' });
  });
});

describe('talon vulns tickets: files', () => {
  it('Jira CSV: one row per CVE that parses back, with wiki markup descriptions; a re-run with --state writes none', async () => {
    const { home, env } = h.home();
    const state = join(home, 'state.json');
    const r = await runTalon(['vulns', 'tickets', '--group-by', 'cve', '--preset', 'kev', '--format', 'jira-csv', '--out', home, '--state', state], { env });
    expect(r.code, r.stderr).toBe(0);
    const file = r.stdout.trim();
    expect(file).toMatch(/talon-tickets-cve-.*\.jira\.csv$/);
    const rows = parseCsv(readFileSync(file, 'utf8'));
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['Summary', 'Issue Type', 'Priority', 'Due Date']);
    expect(header.filter((c) => c === 'Labels').length).toBeGreaterThan(1);
    const want = byCve(openVulns().filter((v) => v.cve.cisa_info?.is_cisa_kev === true));
    expect(rows.length - 1).toBe(want.size);
    const col = (name: string) => header.indexOf(name);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(header.length);
      const cve = row[col('CVE')]!;
      expect(row[col('Summary')]).toMatch(new RegExp(`^${cve} \\(.*CISA KEV\\) on ${want.get(cve)} hosts?$`));
      expect(row[col('Priority')]).toBe('Highest');
      expect(row[col('Description')]).toContain('h3. How to fix');
      expect(row[col('Talon Key')]).toBe(`cve:${cve}`);
      expect(row[col('Talon Action')]).toBe('create');
    }
    expect(r.stderr).toContain(`talon: ${want.size} tickets (one per cve): ${want.size} created, 0 updated, 0 unchanged.`);
    expect(modeOf(statSync(state).mode)).toBe(0o600);
    const again = await runTalon(['vulns', 'tickets', '--group-by', 'cve', '--preset', 'kev', '--format', 'jira-csv', '--out', home, '--state', state], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain(`0 created, 0 updated, ${want.size} unchanged. No file written.`);
    expect(readdirSync(home).filter((f) => f.endsWith('.csv'))).toHaveLength(1);
  });

  it('ServiceNow CSV by host: incident columns, correlation_id to coalesce on, plain-text description', async () => {
    const { home, env } = h.home();
    const r = await runTalon(['vulns', 'tickets', '--group-by', 'host', '--preset', 'critical-exploited', '--format', 'servicenow-csv', '--out', home], { env });
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(r.stdout.trim(), 'utf8'));
    expect(rows[0]).toEqual(['correlation_id', 'short_description', 'description', 'impact', 'urgency', 'category', 'subcategory', 'due_date', 'cmdb_ci', 'u_cve', 'u_talon_action']);
    const hosts = new Set(openVulns().filter((v) => ['CRITICAL', 'HIGH'].includes(v.cve.severity) && v.cve.exploit_status > 0).map((v) => v.aid));
    expect(rows.length - 1).toBe(hosts.size);
    for (const row of rows.slice(1)) {
      expect(hosts.has(row[0]!.replace(/^talon:host:/, ''))).toBe(true);
      expect(row[2]).toContain('HOW TO FIX');
      expect(row[2]).not.toContain('###');
      expect(['1', '2']).toContain(row[3]);
    }
  });

  it('JSON to standard output: title, Markdown body (what, where, how bad, how to fix, console links) and fields', async () => {
    const v = openVulns().find((x) => x.cve.cisa_info?.is_cisa_kev)!;
    const r = await runTalon(['vulns', 'tickets', '--group-by', 'cve', '--preset', `cve:${v.cve.id}`, '--format', 'json'], { env: h.home().env });
    expect(r.code, r.stderr).toBe(0);
    const [t] = JSON.parse(r.stdout).tickets;
    expect(t.key).toBe(`cve:${v.cve.id}`);
    for (const heading of ['### What', '### Where', '### How bad', '### How to fix', '### Falcon console']) expect(t.body).toContain(heading);
    expect(t.body).toContain(`[${v.cve.id} in Spotlight](https://falcon.crowdstrike.com/spotlight-v2/vulnerabilities?filter=cve.id%3A%5B%27${v.cve.id}%27%5D)`);
    expect(t.body).toContain(h.sim.tenant.remediations.get(v.remediation.ids[0]!)!.link);
    expect(t.fields).toMatchObject({ group_by: 'cve', cve: v.cve.id, cisa_kev: true, priority: 'P1', exploit_status: 90 });
  });
});

describe('talon vulns tickets: --dry-run', () => {
  it('shows the plan and the first request body, and sends and writes nothing', async () => {
    const { home, env } = h.home();
    const template = join(home, 't.json');
    writeFileSync(template, '{"fields":{"summary":"{{title}}","labels":"{{labels}}"}}');
    const state = join(home, 'state.json');
    const r = await runTalon(['vulns', 'tickets', '--group-by', 'cve', '--preset', 'kev', '--webhook', 'http://127.0.0.1:9/never', '--template', template, '--state', state, '--dry-run'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ACTION\s+PRIORITY\s+KEY\s+TITLE\n/);
    expect(r.stdout).toMatch(/Dry run: \d+ tickets \(one per cve\): \d+ to create, 0 to update, 0 unchanged\. Nothing was sent or written\./);
    expect(r.stdout).toContain('"labels": [\n      "falcon-spotlight"');
    expect(readdirSync(home)).not.toContain('state.json');
  });
});
