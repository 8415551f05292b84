import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { modeOf, tempHome } from '../helpers/tempHome.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function simEnv(): { home: string; env: NodeJS.ProcessEnv } {
  const c = h.sim.clients.demo;
  return tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_COLOR: '1' });
}

const SECTIONS = {
  fleet: ['Hosts by platform', 'Hosts by operating system', 'Hosts by sensor version', 'Hosts by last seen', 'Hosts by containment status'],
  alerts: ['Alerts by severity', 'Alerts by tactic', 'Alerts by status', 'Alerts per day'],
  vulns: ['Open vulnerabilities by severity', 'Open vulnerabilities by exploit status', 'Open vulnerabilities by age', 'Top CVEs', 'Top hosts'],
} as const;

interface JsonReport {
  title: string;
  readAt: string;
  since: string;
  sections: { title: string; via: { kind: string; path: string }; window?: { from: string; to: string }; buckets: { label: string; count: number }[]; other: number; records?: number }[];
}

describe('talon report', () => {
  it('--format json: each built-in report\'s numbers match the tenant, via the aggregate call or streamed pages', async () => {
    const { env } = simEnv();
    const [fleet, alerts, vulns] = await Promise.all(
      (['fleet', 'alerts', 'vulns'] as const).map(async (name) => {
        const r = await runTalon(['report', name, '--format', 'json'], { env });
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as JsonReport;
      }),
    );
    const hosts = [...h.sim.tenant.hosts.values()];
    expect(fleet!.sections.map((s) => s.title)).toEqual(SECTIONS.fleet);
    const byPlatform = fleet!.sections[0]!;
    expect(byPlatform.via).toMatchObject({ kind: 'pages', path: '/devices/combined/devices/v1' });
    expect(byPlatform.records).toBe(hosts.length);
    for (const b of byPlatform.buckets) expect(b.count).toBe(hosts.filter((x) => x.platform_name === b.label).length);
    expect(fleet!.sections[3]!.buckets.reduce((n, b) => n + b.count, 0)).toBe(hosts.length);

    const from = Date.parse(alerts!.sections[0]!.window!.from);
    const inWindow = [...h.sim.tenant.alerts.values()].filter((a) => Date.parse(a.created_timestamp) >= from);
    expect(alerts!.since).toBe('30d');
    expect(alerts!.sections[0]!.via).toMatchObject({ kind: 'aggregate', path: '/alerts/aggregates/alerts/v2' });
    for (const b of alerts!.sections[0]!.buckets) expect(b.count).toBe(inWindow.filter((a) => a.severity_name === b.label).length);
    const perDay = alerts!.sections[3]!.buckets;
    expect(perDay.length).toBeGreaterThanOrEqual(30);
    expect(perDay.reduce((n, b) => n + b.count, 0)).toBe(inWindow.length);

    const open = [...h.sim.tenant.vulnerabilities.values()].filter((v) => v.status === 'open' || v.status === 'reopen');
    expect(vulns!.sections[0]!.records).toBe(open.length);
    expect(vulns!.sections[1]!.buckets.map((b) => b.label)).toContain('Actively used');
  });

  it('--format md and the default: a heading per section, totals, the time range and when the data was read', async () => {
    const { env } = simEnv();
    const r = await runTalon(['report', 'alerts', '--since', '7d'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Alerts\n/);
    for (const t of SECTIONS.alerts) expect(r.stdout).toContain(`\n## ${t}\n`);
    expect(r.stdout).toMatch(/Data read at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\./);
    expect(r.stdout).toContain('Time range: the 7d before that');
    expect(r.stdout).toMatch(/\| \*\*Total\*\* \| \*\*\d+\*\* \|/);
    expect(r.stderr).toContain('talon: alerts: asking /alerts/aggregates/alerts/v2 for 4 aggregates');
    const [fleet, vulns] = await Promise.all([runTalon(['report', 'fleet', '--format', 'md'], { env }), runTalon(['report', 'vulns', '--format', 'md'], { env })]);
    expect(fleet!.stderr).toMatch(/talon: hosts: \d+ of \d+ records read/);
    for (const t of SECTIONS.fleet) expect(fleet!.stdout).toContain(`\n## ${t}\n`);
    for (const t of SECTIONS.vulns) expect(vulns!.stdout).toContain(`\n## ${t}\n`);
  });

  it('--format csv --out DIR: one private file per section; without --out one CSV with a section column', async () => {
    const { home, env } = simEnv();
    await Promise.all((['fleet', 'alerts', 'vulns'] as const).map(async (name) => {
      const dir = join(home, `${name}-csv`);
      const r = await runTalon(['report', name, '--format', 'csv', '--out', dir], { env });
      expect(r.code, r.stderr).toBe(0);
      const files = readdirSync(dir).sort();
      expect(files).toHaveLength(SECTIONS[name].length);
      expect(files[0]).toMatch(/^01-/);
      for (const f of files) {
        expect(modeOf(statSync(join(dir, f)).mode)).toBe(0o600);
        expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^value,count\r\n.+,\d+\r\n/);
      }
      // never over an existing report
      const again = await runTalon(['report', name, '--format', 'csv', '--out', dir], { env });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
    }));
    const stdout = await runTalon(['report', 'alerts', '--format', 'csv'], { env });
    expect(stdout.stdout).toMatch(/^section,value,count\r\nAlerts by severity,\w+,\d+\r\n/);
  });

  it('--format html --out FILE: a 0600 self-contained page, charts as inline SVG, tenant text escaped', async () => {
    const { home, env } = simEnv();
    const alert = [...h.sim.tenant.alerts.values()].sort((a, b) => b.created_timestamp.localeCompare(a.created_timestamp))[0]!;
    const before = alert.tactic;
    alert.tactic = '<script>alert(1)</script>';
    try {
      await Promise.all((['fleet', 'alerts', 'vulns'] as const).map(async (name) => {
        const file = join(home, `${name}.html`);
        const r = await runTalon(['report', name, '--format', 'html', '--out', file], { env });
        expect(r.code, r.stderr).toBe(0);
        expect(modeOf(statSync(file).mode)).toBe(0o600);
        const html = readFileSync(file, 'utf8');
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
        expect(html).not.toMatch(/<script|<link|@import|url\(|src="http/i);
        const charts = html.match(/<svg class="chart"/g) ?? [];
        expect(charts.length).toBe(name === 'vulns' ? 3 : name === 'fleet' ? 4 : 3);
        for (const t of SECTIONS[name]) expect(html).toContain(`<h2>${t}</h2>`);
        if (name === 'alerts') expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }));
    } finally {
      alert.tactic = before;
    }
  });

  it('a spec file with mistakes: one sentence per mistake with its line, exit 2; an unknown name says what exists', async () => {
    const { home, env } = simEnv();
    const spec = join(home, 'bad.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(spec, 'title: Mine\nsections:\n  - title: A\n    source: hosts\n    aggregate: {type: terms, field: platform_name}\n    chart: pie\n');
    const r = await runTalon(['report', spec], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml is not a valid report spec: 1 mistake to fix.');
    expect(r.stderr).toContain('line 6, sections[0].chart must be one of table, bar, timeseries.');
    const unknown = await runTalon(['report', 'fleeet'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("'fleeet' is neither a built-in report (fleet, alerts, vulns) nor a spec file.");
    const since = await runTalon(['report', 'fleet', '--since', 'forever'], { env });
    expect(since.code).toBe(2);
    expect(since.stderr).toContain("--since 'forever' is not a duration");
  });

  it('a spec file runs its own sections: a filter, a range over a number and hosts by platform and status', async () => {
    const { home, env } = simEnv();
    const spec = join(home, 'mine.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(spec, JSON.stringify({
      title: 'Mine',
      since: '90d',
      sections: [
        { title: 'Windows hosts by status', source: 'hosts', windowed: false, filter: "platform_name:'Windows'", aggregate: { type: 'terms', field: 'status' }, chart: 'bar' },
        { title: 'Alert severity bands', source: '/alerts/aggregates/alerts/v2', aggregate: { type: 'range', field: 'severity', ranges: [{ to: 50, label: 'under 50' }, { from: 50, label: '50 and up' }] }, chart: 'bar' },
      ],
    }));
    const r = await runTalon(['report', spec, '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as JsonReport;
    const windows = [...h.sim.tenant.hosts.values()].filter((x) => x.platform_name === 'Windows');
    expect(data.sections[0]!.records).toBe(windows.length);
    expect(data.sections[1]!.buckets.map((b) => b.label)).toEqual(['under 50', '50 and up']);
    const from = Date.parse(data.sections[1]!.window!.from);
    const alerts = [...h.sim.tenant.alerts.values()].filter((a) => Date.parse(a.created_timestamp) >= from);
    expect(data.sections[1]!.buckets.map((b) => b.count)).toEqual([alerts.filter((a) => a.severity < 50).length, alerts.filter((a) => a.severity >= 50).length]);
  });
});
