import { describe, expect, it } from 'vitest';
import { completeHost, generateTenant } from '../../src/sim/tenant/index.js';
import type { Host, Tenant } from '../../src/sim/tenant/index.js';
import { iso, isoFlat } from '../../src/sim/tenant/util.js';

const anchor = Date.UTC(2026, 4, 1, 8, 9, 10);
const DAY = 86_400_000;
const tenant = generateTenant({ seed: 1, hosts: 500, anchor });
const hosts = [...tenant.hosts.values()];

const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** device ids on which a value was sighted */
function sightedOn(t: Tenant, value: string): Set<string> {
  return new Set(t.sightings.filter((s) => s.value === value).map((s) => s.device_id));
}

/** every RFC 3339 string in a record tree, with its key path */
function timestamps(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) out.push([path, value]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => timestamps(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) timestamps(v, `${path}.${k}`, out);
  }
}

describe('generateTenant', () => {
  it('is deterministic for the same options and varies with the seed', () => {
    expect(generateTenant({ seed: 1, hosts: 500, anchor })).toEqual(tenant);
    const other = generateTenant({ seed: 2, hosts: 500, anchor });
    expect(other.cid).not.toBe(tenant.cid);
    expect(other.samples.sha256).not.toEqual(tenant.samples.sha256);
    const names = new Set(hosts.map((h) => h.hostname));
    const overlap = [...other.hosts.values()].filter((h) => names.has(h.hostname)).length;
    expect(overlap).toBeLessThan(100);
  });

  it('uses a given cid', () => {
    const t = generateTenant({ seed: 5, hosts: 20, anchor, cid: 'ABCDEF0123456789ABCDEF0123456789' });
    expect(t.cid).toBe('abcdef0123456789abcdef0123456789');
    for (const h of t.hosts.values()) expect(h.cid).toBe(t.cid);
  });

  it('has the expected counts and platform mix', () => {
    expect(tenant.cid).toMatch(HEX32);
    expect(tenant.anchor).toBe(anchor);
    expect(tenant.hosts.size).toBe(500);
    const share = (p: Host['platform_name']) => hosts.filter((h) => h.platform_name === p).length / hosts.length;
    expect(share('Windows')).toBeCloseTo(0.65, 1);
    expect(share('Mac')).toBeCloseTo(0.2, 1);
    expect(share('Linux')).toBeCloseTo(0.15, 1);
    expect(tenant.hostGroups.size).toBeGreaterThanOrEqual(8);
    expect(tenant.hostGroups.size).toBeLessThanOrEqual(12);
    expect(tenant.iocs.size).toBeGreaterThanOrEqual(25);
    expect(tenant.iocs.size).toBeLessThanOrEqual(35);
    expect(tenant.alerts.size).toBeGreaterThanOrEqual(150);
    expect(tenant.vulnerabilities.size).toBeGreaterThanOrEqual(600);
    expect(tenant.remediations.size).toBeGreaterThanOrEqual(15);
    const perHost = tenant.processes.size / hosts.length;
    expect(perHost).toBeGreaterThanOrEqual(3);
    expect(perHost).toBeLessThanOrEqual(7);
  });

  it('gives hosts unique, well-formed identities, but for one reused hostname', () => {
    const reused = tenant.samples.reusedHostname;
    expect(reused).toBeTruthy();
    const sharing = hosts.filter((h) => h.hostname === reused);
    expect(sharing.length).toBe(3);
    // A reimaged machine: one current record, older ones with other device ids.
    expect(sharing.filter((h) => h.last_seen > new Date(anchor - 86_400_000).toISOString()).length).toBe(1);
    expect(tenant.samples.hostnames).not.toContain(reused);
    expect(new Set(hosts.map((h) => h.hostname)).size).toBe(500 - sharing.length + 1);
    expect(new Set(hosts.map((h) => h.device_id)).size).toBe(500);
    expect(new Set(hosts.map((h) => h.mac_address)).size).toBe(500);
    for (const h of hosts) {
      expect(tenant.hosts.get(h.device_id)).toBe(h);
      expect(h.device_id).toMatch(HEX32);
      expect(h.cid).toBe(tenant.cid);
      expect(h.mac_address).toMatch(/^00-50-56(-[0-9a-f]{2}){3}$/);
      expect(h.local_ip).toMatch(/^(10\.\d+|172\.(1[6-9]|2\d|3[01])|192\.168)\.\d+\.\d+$/);
      expect(h.external_ip).toMatch(/^(203\.0\.113|198\.51\.100|192\.0\.2)\.\d+$/);
      expect(h.agent_version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(h.platform_id).toBe({ Windows: '0', Mac: '1', Linux: '3' }[h.platform_name]);
      expect(h.host_hidden_status).toBe('visible');
      for (const tag of h.tags) expect(tag).toMatch(/^FalconGroupingTags\/\S+$/);
      const { device_policies, policies } = completeHost(tenant, h);
      for (const type of ['prevention', 'sensor_update', 'device_control', 'firewall', 'remote_response']) {
        expect(device_policies?.[type]?.policy_id).toMatch(HEX32);
      }
      expect(policies?.map((p) => p.policy_type)).toEqual(['prevention']);
      if (h.hostname.startsWith('ip-')) expect(h.hostname).toBe(`ip-${h.local_ip.replace(/\./g, '-')}`);
    }
    expect(hosts.some((h) => h.tags.length === 0)).toBe(true);
  });

  it('has stale, online and already-contained hosts', () => {
    const stale = hosts.filter((h) => Date.parse(h.last_seen) < anchor - 30 * DAY);
    expect(stale.length / hosts.length).toBeGreaterThan(0.05);
    expect(stale.length / hosts.length).toBeLessThan(0.15);
    for (const h of stale) expect(h._online).not.toBe('online');
    expect(hosts.filter((h) => h._online === 'online').length).toBeGreaterThan(300);
    const contained = hosts.filter((h) => h.status === 'contained');
    expect(contained.length).toBeGreaterThan(0);
    expect(contained.length / hosts.length).toBeLessThan(0.05);
    for (const h of contained) expect(h.filesystem_containment_status).toBe('contained');
    for (const h of hosts) expect(Date.parse(h.first_seen)).toBeLessThan(Date.parse(h.last_seen));
  });

  it('keeps host groups and host.groups consistent', () => {
    for (const h of hosts) {
      expect(h.groups.length).toBeLessThanOrEqual(2);
      for (const id of h.groups) expect(tenant.hostGroups.has(id)).toBe(true);
    }
    const byName = new Map([...tenant.hostGroups.values()].map((g) => [g.name, g]));
    const dcs = byName.get('Domain Controllers');
    expect(dcs?.group_type).toBe('dynamic');
    const dcHosts = hosts.filter((h) => h.product_type_desc === 'Domain Controller');
    expect(dcHosts.length).toBeGreaterThan(0);
    for (const h of hosts) expect(h.groups.includes(dcs?.id ?? '')).toBe(h.product_type_desc === 'Domain Controller');
    const linux = byName.get('Linux Servers');
    for (const h of hosts) {
      const isLinuxServer = h.platform_name === 'Linux' && h.product_type_desc === 'Server';
      expect(h.groups.includes(linux?.id ?? '')).toBe(isLinuxServer);
    }
    for (const g of tenant.hostGroups.values()) expect(g.id).toMatch(HEX32);
  });

  it('puts the sample values in the data, each on several hosts', () => {
    const { samples } = tenant;
    expect(samples.hostnames).toHaveLength(3);
    const sampleHosts = samples.hostnames.map((name) => hosts.find((h) => h.hostname === name));
    for (const h of sampleHosts) expect(h?.status).toBe('normal');
    expect(new Set(sampleHosts.map((h) => h?.platform_name)).size).toBe(3);
    expect(samples.sha256).toHaveLength(3);
    expect(samples.md5).toHaveLength(1);
    expect(samples.domains).toHaveLength(2);
    for (const v of samples.sha256) expect(v).toMatch(HEX64);
    expect(samples.md5[0]).toMatch(HEX32);
    for (const value of [...samples.sha256, ...samples.md5, ...samples.domains]) {
      const on = sightedOn(tenant, value);
      expect(on.size, value).toBeGreaterThanOrEqual(3);
      expect(on.size, value).toBeLessThanOrEqual(25);
    }
    for (const v of samples.sha256) expect([...tenant.processes.values()].some((p) => p._sha256 === v)).toBe(true);
    // some other hashes are seen on exactly one host
    const hostsByHash = new Map<string, Set<string>>();
    for (const s of tenant.sightings) {
      if (s.type !== 'sha256') continue;
      hostsByHash.set(s.value, (hostsByHash.get(s.value) ?? new Set()).add(s.device_id));
    }
    expect([...hostsByHash.values()].filter((set) => set.size === 1).length).toBeGreaterThan(0);
  });

  it('keeps sightings consistent with processes', () => {
    const keys = new Set<string>();
    for (const s of tenant.sightings) {
      const key = `${s.type}|${s.value}|${s.device_id}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
      expect(tenant.hosts.has(s.device_id)).toBe(true);
      expect(s.process_ids.length).toBeGreaterThan(0);
      for (const pid of s.process_ids) {
        const p = tenant.processes.get(pid);
        expect(p?.device_id).toBe(s.device_id);
        if (s.type === 'sha256') expect(p?._sha256).toBe(s.value);
        if (s.type === 'md5') expect(p?._md5).toBe(s.value);
      }
      expect(Date.parse(s.first_seen)).toBeLessThanOrEqual(Date.parse(s.last_seen));
    }
    for (const p of tenant.processes.values()) {
      expect(p.process_id).toBe(`pid:${p.device_id}:${p.process_id_local}`);
      expect(p.process_id_local).toMatch(/^\d{6,}$/);
      expect(p._sha256).toMatch(HEX64);
      expect(p._md5).toMatch(HEX32);
      expect(p.start_timestamp_raw).toMatch(/^\d{18}$/);
      expect(keys.has(`sha256|${p._sha256}|${p.device_id}`)).toBe(true);
      expect(keys.has(`md5|${p._md5}|${p.device_id}`)).toBe(true);
    }
    expect(tenant.sightings.some((s) => s.type === 'domain')).toBe(true);
  });

  it('makes alerts about existing hosts and their processes', () => {
    const alerts = [...tenant.alerts.values()];
    const sighted = new Set(tenant.sightings.map((s) => `${s.value}|${s.device_id}`));
    for (const a of alerts) {
      const h = tenant.hosts.get(a.agent_id);
      expect(h).toBeDefined();
      expect(tenant.alerts.get(a.composite_id)).toBe(a);
      expect(a.composite_id).toBe(`${tenant.cid}:${a.id}`);
      expect(a.id).toMatch(new RegExp(`^ind:${a.agent_id}:\\d+-\\d+-\\d+$`));
      expect(a.device).toMatchObject({ device_id: h?.device_id, hostname: h?.hostname, platform_name: h?.platform_name });
      expect(a.severity).toBeGreaterThanOrEqual(1);
      expect(a.severity).toBeLessThanOrEqual(100);
      const expected = a.severity < 20 ? 'Informational' : a.severity < 40 ? 'Low' : a.severity < 60 ? 'Medium' : a.severity < 80 ? 'High' : 'Critical';
      expect(a.severity_name).toBe(expected);
      expect(a.product).toBe('epp');
      expect(a.technique_id).toMatch(/^(T\d{4}(\.\d{3})?|CST\d{4})$/);
      expect(sighted.has(`${a.sha256}|${a.agent_id}`)).toBe(true);
      expect(Date.parse(a.created_timestamp)).toBeGreaterThanOrEqual(anchor - 31 * DAY);
    }
    const statuses = alerts.map((a) => a.status);
    expect(statuses.filter((s) => s === 'new').length).toBeGreaterThan(alerts.length / 2);
    expect(statuses).toContain('in_progress');
    expect(statuses).toContain('closed');
    const hot = alerts.filter((a) => a.severity >= 60 && Date.parse(a.created_timestamp) >= anchor - DAY);
    expect(hot.length).toBeGreaterThanOrEqual(3);
    expect(alerts.some((a) => tenant.samples.sha256.includes(a.sha256))).toBe(true);
  });

  it('makes vulnerabilities about existing hosts with known remediations', () => {
    const vulns = [...tenant.vulnerabilities.values()];
    const cves = new Set<string>();
    for (const v of vulns) {
      const h = tenant.hosts.get(v.aid);
      expect(h).toBeDefined();
      expect(v.id.startsWith(`${v.aid}_`)).toBe(true);
      expect(v.host_info.hostname).toBe(h?.hostname);
      expect(v.host_info.platform).toBe(h?.platform_name);
      expect(v.cve.id).toBe(v.vulnerability_id);
      expect(v.cve.id).toMatch(/^CVE-\d{4}-\d{4,}$/);
      const s = v.cve.base_score;
      const severity = s >= 9 ? 'CRITICAL' : s >= 7 ? 'HIGH' : s >= 4 ? 'MEDIUM' : 'LOW';
      expect(v.cve.severity).toBe(severity);
      for (const id of v.remediation.ids) expect(tenant.remediations.has(id)).toBe(true);
      cves.add(v.cve.id);
    }
    expect(cves.size).toBeGreaterThanOrEqual(30);
    expect(vulns.some((v) => v.cve.severity === 'CRITICAL' && v.cve.exploit_status === 90)).toBe(true);
    expect(vulns.filter((v) => v.status === 'open').length).toBeGreaterThan(vulns.length / 2);
    for (const r of tenant.remediations.values()) expect(r.title.length).toBeGreaterThan(0);
  });

  it('has custom IOCs, one of them for a sample hash', () => {
    const iocs = [...tenant.iocs.values()];
    for (const i of iocs) {
      expect(i.id).toMatch(HEX64);
      expect(i.source).toBe('talon-sim');
      if (i.type === 'sha256') expect(i.value).toMatch(HEX64);
      if (i.type === 'md5') expect(i.value).toMatch(HEX32);
    }
    expect(new Set(iocs.map((i) => i.type))).toEqual(new Set(['sha256', 'md5', 'domain', 'ipv4']));
    expect(new Set(iocs.map((i) => i.action))).toEqual(new Set(['detect', 'prevent', 'no_action', 'allow']));
    expect(iocs.some((i) => i.value === tenant.samples.sha256[0])).toBe(true);
  });

  it('formats every timestamp as RFC 3339 with seconds, none after the anchor', () => {
    const found: [string, string][] = [];
    const all = {
      hosts,
      processes: [...tenant.processes.values()],
      sightings: tenant.sightings,
      iocs: [...tenant.iocs.values()],
      alerts: [...tenant.alerts.values()],
      groups: [...tenant.hostGroups.values()],
      vulns: [...tenant.vulnerabilities.values()],
    };
    timestamps(all, '', found);
    expect(found.length).toBeGreaterThan(10_000);
    for (const [path, value] of found) {
      expect(value, path).toMatch(RFC3339);
      // IOC expirations may lie in the future
      if (path.endsWith('.expiration')) continue;
      expect(Date.parse(value), `${path} ${value}`).toBeLessThanOrEqual(anchor);
    }
    for (const h of hosts) expect(Date.parse(h.first_seen)).toBeGreaterThan(anchor - 560 * DAY);
  });

  it('handles tiny fleets', () => {
    for (const n of [1, 2, 3, 7]) {
      const t = generateTenant({ seed: 3, hosts: n, anchor });
      expect(t.hosts.size).toBe(n);
      expect(t.samples.hostnames.length).toBe(Math.min(3, n));
      for (const v of [...t.samples.sha256, ...t.samples.md5, ...t.samples.domains]) {
        expect(sightedOn(t, v).size).toBeGreaterThanOrEqual(Math.min(3, n));
      }
      expect(t.alerts.size).toBeGreaterThanOrEqual(1);
    }
  });

  // How fast is measured by bench/simulator.mjs (start-up at 100,000 hosts), not by a timed test.
  it('names 20,000 hosts uniquely, apart from the reused hostname', () => {
    const big = generateTenant({ seed: 9, hosts: 20_000, anchor });
    expect(big.hosts.size).toBe(20_000);
    expect(new Set([...big.hosts.values()].map((h) => h.hostname)).size).toBe(20_000 - 2);
  });
});

describe('lazy families', () => {
  it('fills every placeholder in process and alert paths and command lines', () => {
    const texts = [
      ...[...tenant.processes.values()].flatMap((p) => [p.file_name, p.command_line]),
      ...[...tenant.alerts.values()].flatMap((a) => [a.filepath, a.cmdline, a.parent_details.cmdline]),
    ];
    expect(texts.filter((t) => /\{[a-z0-9]+\}/.test(t))).toEqual([]);
  });

  it('gives the same activity whichever family is read first, and before or after Spotlight', () => {
    const a = generateTenant({ seed: 5, hosts: 300, anchor });
    const b = generateTenant({ seed: 5, hosts: 300, anchor });
    void b.vulnerabilities.size;
    void b.incidents.size;
    expect(a.samples).toEqual(b.samples);
    expect([...a.alerts.keys()]).toEqual([...b.alerts.keys()]);
    expect([...a.incidents.values()]).toEqual([...b.incidents.values()]);
    expect([...a.vulnerabilities.values()]).toEqual([...b.vulnerabilities.values()]);
    expect(a.sightings).toEqual(b.sightings);
  });
});

describe('timestamps', () => {
  it('formats a flat timestamp exactly as iso() does, from 1970 to 2200 and before 1970', () => {
    for (let i = -2000; i < 20_000; i++) {
      const ms = i * 374_531_117 + (i % 7) * 123; // about 4.3 days apart, with sub-second parts
      expect(isoFlat(ms)).toBe(iso(ms));
      expect(isoFlat(ms)).toBe(new Date(ms - (((ms % 1000) + 1000) % 1000)).toISOString().replace('.000Z', 'Z'));
    }
  });
});
