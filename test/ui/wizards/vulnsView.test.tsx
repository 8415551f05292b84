// The vulnerabilities view in the shell, against the simulator over real
// HTTP: opened with its key and from the palette, a preset chosen, the CVE
// groups the command's core finds, grouping toggled, a remediation fetched
// for the row under the cursor, a ticket preview; nothing overflows 80x24
// (160x50 in a real terminal: test/e2e/vulnsView.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { findVulnerabilities } from '../../../src/core/vulns/find.js';
import type { CveGroup, HostGroup } from '../../../src/core/vulns/grouping.js';
import { KEY, lineWidths, press, stripAnsi, waitForFrame, waitForText } from '../../helpers/ink.js';
import { CTRL, openShell, typeText } from '../../helpers/shellRig.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe('vulnerabilities view in the shell', () => {
  it('finds by preset, groups by CVE then host, shows remediation and a ticket, at 80x24', async () => {
    const rig = await openShell(sim, { size: { columns: 80, rows: 24 } });
    const { app } = rig;
    try {
      const want = await findVulnerabilities(rig.backend.caller(), { presets: [{ kind: 'critical-exploited' }], statuses: ['open', 'reopen'], by: 'cve', now: Date.now() });
      const cves = want.groups as CveGroup[];
      expect(cves.length).toBeGreaterThan(3);
      await press(app, CTRL('x'));
      await waitForText(app, 'Pick a preset');
      await press(app, KEY.enter);
      const table = stripAnsi(await waitForText(app, 'CVEs on', 10_000));
      expect(table).toContain(`${want.records} vulnerabilities: ${cves.length} CVEs on`);
      // The first rows are the command's most urgent groups, with their host counts.
      for (const g of cves.slice(0, 4)) expect(table).toMatch(new RegExp(`${g.cveId}\\s.*\\s${g.hosts.length}\\s`));
      // The detail pane names the top CVE's fix, fetched from the remediation call.
      const top = cves[0]!;
      const fix = want.remediations.get(top.remediationIds[0]!)!;
      expect(fix).toBeDefined();
      await waitForText(app, `Fix: ${fix.title}`, 5000);
      // Moving the cursor fetches the next row's remediation.
      await press(app, KEY.down);
      const second = cves[1]!;
      const fix2 = want.remediations.get(second.remediationIds[0]!)!;
      await waitForFrame(app, (f) => stripAnsi(f).includes(`${second.cveId}  ${second.severity}`) && stripAnsi(f).includes(`Fix: ${fix2.title}`), 5000);
      for (const w of lineWidths(app.lastFrame() ?? '')) expect(w).toBeLessThanOrEqual(80);

      // Ticket preview for the group under the cursor.
      await press(app, 't');
      const ticket = stripAnsi(await waitForText(app, 'Ticket preview', 3000));
      expect(ticket).toContain(`Title: ${second.cveId} (${second.severity}`);
      expect(ticket).toMatch(/Priority P[1-4] · due \d{4}-\d{2}-\d{2}/);
      expect(ticket).toContain('falcon-spotlight');
      for (const w of lineWidths(app.lastFrame() ?? '')) expect(w).toBeLessThanOrEqual(80);
      await press(app, KEY.pageDown);
      await waitForFrame(app, (f) => !stripAnsi(f).includes('Title:'), 2000);
      await press(app, KEY.escape);
      await waitForText(app, 'b by host', 2000);

      // By host: the hosts the core finds, most urgent first.
      const byHost = await findVulnerabilities(rig.backend.caller(), { presets: [{ kind: 'critical-exploited' }], statuses: ['open', 'reopen'], by: 'host', now: Date.now() });
      await press(app, 'b');
      const hosts = stripAnsi(await waitForText(app, 'HOSTNAME', 2000));
      expect(hosts).toContain(`by host, 1 of ${byHost.groups.length}`);
      const h0 = byHost.groups[0] as HostGroup;
      expect(hosts).toMatch(new RegExp(`${h0.hostname}\\s+\\S+\\s+${h0.vulns.length}\\s+${h0.highestSeverity}`));
      expect(hosts).toContain(`${h0.vulns.length} vulnerabilit`);
      for (const w of lineWidths(app.lastFrame() ?? '')) expect(w).toBeLessThanOrEqual(80);
      // Back to CVEs keeps that grouping's cursor.
      await press(app, 'b');
      await waitForText(app, `by CVE, 2 of ${cves.length}`, 2000);

      // Esc walks back: the table, the presets, then closes.
      await press(app, KEY.escape);
      await waitForText(app, 'Pick a preset', 2000);
      await press(app, KEY.escape);
      await waitForFrame(app, (f) => !f.includes('Pick a preset'), 2000);
    } finally {
      await rig.close();
    }
  });

  it('opens from the command palette and runs a preset chosen by its number', async () => {
    const rig = await openShell(sim, { size: { columns: 160, rows: 50 } });
    const { app } = rig;
    try {
      await press(app, CTRL('k'));
      await typeText(app, 'vulnerabilities view');
      await press(app, KEY.enter);
      await waitForText(app, 'Pick a preset');
      await press(app, '2');
      const frame = stripAnsi(await waitForText(app, 'CVEs on', 10_000));
      const kev = await findVulnerabilities(rig.backend.caller(), { presets: [{ kind: 'kev' }], statuses: ['open', 'reopen'], by: 'cve', now: Date.now() });
      expect(frame).toContain(`${kev.groups.length} CVEs on`);
      // ink-testing-library draws 100 columns whatever the size: 160x50 is checked in tmux (test/e2e/vulnsView.test.ts).
    } finally {
      await rig.close();
    }
  });

  it('takes typed presets as the command does: a mistake is one sentence, a host group by name', async () => {
    const rig = await openShell(sim, { size: { columns: 80, rows: 24 } });
    const { app } = rig;
    try {
      const group = [...sim.tenant.hostGroups.values()].find((g) => [...sim.tenant.vulnerabilities.values()].some((v) => v.host_info.groups.some((x) => x.id === g.id)))!;
      const want = await findVulnerabilities(rig.backend.caller(), { presets: [{ kind: 'group', name: group.name }, { kind: 'kev' }], statuses: ['open', 'reopen'], by: 'cve', now: Date.now() });
      expect(want.groups.length).toBeGreaterThan(0);
      await press(app, CTRL('x'));
      await waitForText(app, 'Pick a preset');
      for (let i = 0; i < 6; i++) await press(app, KEY.down);
      await typeText(app, 'open-days:soon');
      await press(app, KEY.enter);
      await waitForText(app, "The preset 'open-days:soon' needs a whole number of days", 2000);
      await press(app, CTRL('u'));
      await typeText(app, `group:${group.name.toLowerCase()} kev`);
      await press(app, KEY.enter);
      const frame = stripAnsi(await waitForText(app, 'vulnerabilit', 10_000));
      expect(frame).toContain(`— group:${group.name.toLowerCase()} kev`);
      expect(frame).toContain(`${want.records} vulnerabilit`);
      for (const g of (want.groups as CveGroup[]).slice(0, 3)) expect(frame).toContain(g.cveId);
    } finally {
      await rig.close();
    }
  });

  it('scrolls thousands of groups: End reaches the last, the window follows', async () => {
    const big = await startSimulator({ port: 0, hosts: 4000 });
    const rig = await openShell(big, { size: { columns: 80, rows: 24 } });
    const { app } = rig;
    try {
      await press(app, CTRL('x'));
      await waitForText(app, 'Pick a preset');
      await press(app, '6');
      await waitForText(app, 'CVEs on', 20_000);
      await press(app, 'b');
      const first = stripAnsi(await waitForText(app, 'HOSTNAME', 2000));
      const total = Number(/by host, 1 of ([\d,]+)/.exec(first)?.[1]?.replace(/,/g, ''));
      expect(total).toBeGreaterThan(1000);
      const all = await findVulnerabilities(rig.backend.caller(), { presets: [], statuses: ['open', 'reopen'], by: 'host', now: Date.now() });
      expect(total).toBe(all.groups.length);
      const last = all.groups[all.groups.length - 1] as HostGroup;
      const started = Date.now();
      await press(app, KEY.end);
      const end = stripAnsi(await waitForText(app, `${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`, 2000));
      expect(Date.now() - started).toBeLessThan(1000);
      expect(end).toContain(`▸ ${last.hostname}`);
      for (const w of lineWidths(app.lastFrame() ?? '')) expect(w).toBeLessThanOrEqual(80);
      // PgUp moves by the rows on screen: the row at the top of the window is under the cursor after it.
      const rowsShown = end.split('\n').filter((l) => /^│ [▸ ] \S/.test(l) && !l.includes('HOSTNAME')).length;
      expect(rowsShown).toBeGreaterThan(5);
      await press(app, KEY.pageUp);
      await waitForText(app, `by host, ${(total - rowsShown).toLocaleString('en-US')} of`, 2000);
    } finally {
      await rig.close();
      await big.close();
    }
  });
});
