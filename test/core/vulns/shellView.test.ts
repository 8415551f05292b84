// The vulnerabilities view's model without React: the steps, the cursor per
// grouping, which remediations to fetch (only the row under the cursor's,
// once), the window of rows, and lines that fit and carry no control text.
import { describe, expect, it } from 'vitest';
import { VulnGrouper, type CveGroup } from '../../../src/core/vulns/grouping.js';
import type { VulnRecord } from '../../../src/core/vulns/records.js';
import {
  backCloses,
  currentGroup,
  initialVulnViewState,
  nextVulnEffect,
  reduceVulnView,
  vulnEffectKey,
  type VulnViewAction,
  type VulnViewState,
} from '../../../src/core/vulns/shellView/state.js';
import { detailLines, fit, wrapLine, headerLine, rowLine, ticketLines, windowStart } from '../../../src/core/vulns/shellView/lines.js';
import { parseTypedPresets } from '../../../src/core/vulns/shellView/typedPresets.js';
import { summaryLine } from '../../../src/core/vulns/shellView/summary.js';
import { buildTicket } from '../../../src/core/vulns/tickets/build.js';
import { consoleLinks } from '../../../src/core/vulns/tickets/consoleLinks.js';

function record(i: number, cve: string, host: string, extra: Partial<VulnRecord> = {}): VulnRecord {
  return {
    id: `v${i}`,
    aid: `aid-${host}`,
    cveId: cve,
    status: 'open',
    createdTimestamp: '2026-01-01T00:00:00Z',
    severity: 'HIGH',
    baseScore: 7.5,
    exploitStatus: 30,
    exprtRating: 'HIGH',
    kev: false,
    kevDueDate: '',
    description: 'desc',
    publishedDate: '',
    vector: '',
    references: [],
    hostname: host,
    platform: 'Windows',
    assetCriticality: '',
    groups: [],
    products: ['Chrome 1'],
    remediationIds: [`rem-${cve}`],
    ...extra,
  } as VulnRecord;
}

function loaded(records: VulnRecord[]): VulnViewAction {
  const c = new VulnGrouper('cve');
  const h = new VulnGrouper('host');
  c.add(records);
  h.add(records);
  return { type: 'loaded', loaded: { filter: 'f', records: records.length, byCve: c.groups(), byHost: h.groups() } };
}

const run = (s: VulnViewState, ...actions: VulnViewAction[]): VulnViewState => actions.reduce(reduceVulnView, s);

const many = Array.from({ length: 3000 }, (_, i) => record(i, `CVE-2026-${String(10000 + (i % 1500))}`, `host-${i % 700}`));

describe('vulnerabilities view state', () => {
  it('chooses a preset, searches once per choice, and lands on the table', () => {
    let s = run(initialVulnViewState(), { type: 'presetMove', delta: 1 }, { type: 'choose' });
    expect(s.step).toBe('loading');
    expect(nextVulnEffect(s)).toEqual({ kind: 'search', search: 1, presets: [{ kind: 'kev' }] });
    s = run(s, { type: 'failed', message: 'boom' });
    expect(nextVulnEffect(s)).toBeUndefined();
    s = run(s, { type: 'retry' });
    expect(vulnEffectKey(nextVulnEffect(s))).toBe('search:2');
    s = run(s, loaded(many));
    expect(s.step).toBe('table');
    expect(currentGroup(s)?.kind).toBe('cve');
  });

  it('keeps a cursor per grouping, clamped to the groups', () => {
    let s = run(initialVulnViewState(), { type: 'choose' }, loaded(many), { type: 'move', delta: 5 });
    s = run(s, { type: 'toggleBy' });
    expect(s.by).toBe('host');
    expect(s.cursor.host).toBe(0);
    s = run(s, { type: 'moveTo', index: 1e9 });
    expect(s.cursor.host).toBe(699);
    s = run(s, { type: 'toggleBy' }, { type: 'move', delta: -100 });
    expect(s.cursor.cve).toBe(0);
  });

  it("fetches only the row under the cursor's remediations, and each id once", () => {
    let s = run(initialVulnViewState(), { type: 'choose' }, loaded(many));
    const g = currentGroup(s) as CveGroup;
    const e = nextVulnEffect(s);
    expect(e).toEqual({ kind: 'remediations', ids: g.remediationIds });
    s = run(s, { type: 'remediations', asked: g.remediationIds, found: [] });
    expect(nextVulnEffect(s)).toBeUndefined(); // unknown to the API: not asked again
    s = run(s, { type: 'move', delta: 1 });
    const e2 = nextVulnEffect(s);
    s = run(s, { type: 'remediationsFailed', asked: e2?.kind === 'remediations' ? e2.ids : [], message: 'down' });
    expect(nextVulnEffect(s)).toBeUndefined();
    expect(s.remediationFailure).toBe('down');
    s = run(s, { type: 'retry' });
    expect(nextVulnEffect(s)?.kind).toBe('remediations');
  });

  it('walks back ticket → table → presets, then closes', () => {
    let s = run(initialVulnViewState(), { type: 'choose' }, loaded(many), { type: 'openTicket' });
    expect(s.step).toBe('ticket');
    s = run(s, { type: 'scrollTicket', delta: 50, max: 7 });
    expect(s.ticketScroll).toBe(7);
    s = run(s, { type: 'back' });
    expect(s.step).toBe('table');
    s = run(s, { type: 'back' });
    expect(s.step).toBe('presets');
    expect(backCloses(s)).toBe(true);
  });

  it('opens no ticket when nothing matched', () => {
    const s = run(initialVulnViewState(), { type: 'choose' }, loaded([]), { type: 'openTicket' });
    expect(s.step).toBe('table');
    expect(summaryLine(s.loaded!, 'cve', 0)).toBe('0 vulnerabilities: 0 CVEs on 0 hosts');
  });
});

describe('vulnerabilities view lines', () => {
  it('windows thousands of rows around the cursor', () => {
    expect(windowStart(0, 3000, 9)).toBe(0);
    expect(windowStart(1500, 3000, 9)).toBe(1496);
    expect(windowStart(2999, 3000, 9)).toBe(2991);
    expect(windowStart(3, 5, 9)).toBe(0);
  });

  it('fits every line to the width, and drops columns that do not fit', () => {
    const c = new VulnGrouper('cve');
    c.add([record(1, 'CVE-2026-0001', 'h'.repeat(80))]);
    const g = c.groups()[0]!;
    for (const w of [40, 76, 156]) {
      expect([...headerLine('cve', w)].length).toBeLessThanOrEqual(w);
      expect([...rowLine(g, 'cve', w)].length).toBeLessThanOrEqual(w);
      for (const l of detailLines(g, {}, {}, w, 6)) expect([...l].length).toBeLessThanOrEqual(w);
    }
    expect(headerLine('cve', 40)).not.toContain('FIRST SEEN');
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(wrapLine('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wrapLine('x'.repeat(20), 8)).toEqual(['x'.repeat(8), 'x'.repeat(8), 'x'.repeat(4)]);
    const t = buildTicket(g, { remediations: new Map(), links: consoleLinks('https://falcon.crowdstrike.com') });
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const lines = ticketLines(t, 50);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(50);
    // Wrapping loses no character of the body (a long link is cut into pieces).
    expect(squeeze(lines.slice(lines.findIndex((l) => l.startsWith('─')) + 1).join(' '))).toBe(squeeze(t.body));
  });

  it('shows tenant text as data: control characters are escaped', () => {
    const evil = 'WS\u001b[2J\u001b]8;;http://x\u0007-01';
    const h = new VulnGrouper('host');
    h.add([record(1, 'CVE-2026-0001', evil, { description: 'a\u001b[31mred' })]);
    const g = h.groups()[0]!;
    const lines = [rowLine(g, 'host', 120), ...detailLines(g, { 'rem-CVE-2026-0001': { id: 'rem-CVE-2026-0001', title: 'Fix\u001b[1m', action: '', reference: '', links: [] } }, {}, 120, 8)];
    const c = new VulnGrouper('cve');
    c.add([record(1, 'CVE-2026-0001', evil, { description: 'a\u001b[31mred' })]);
    const t = buildTicket(c.groups()[0]!, { remediations: new Map(), links: consoleLinks('https://falcon.crowdstrike.com') });
    lines.push(...ticketLines(t, 120));
    // eslint-disable-next-line no-control-regex
    for (const l of lines) expect(l).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(lines.join('\n')).toContain('\\x1b[2J');
  });

  it('says a remediation is being fetched, then names it with its links', () => {
    const c = new VulnGrouper('cve');
    c.add([record(1, 'CVE-2026-0001', 'h1')]);
    const g = c.groups()[0]!;
    expect(detailLines(g, {}, {}, 80, 6)).toContain('Remediation: fetching…');
    expect(detailLines(g, {}, { 'rem-CVE-2026-0001': true }, 80, 6)).toContain('Remediation: the API has no detail for it');
    const lines = detailLines(g, { 'rem-CVE-2026-0001': { id: 'rem-CVE-2026-0001', title: 'Update Chrome', action: 'Update to 2', reference: 'Chrome 2', links: ['https://x.test/'] } }, {}, 80, 8);
    expect(lines).toEqual(expect.arrayContaining(['Fix: Update Chrome (Chrome 2)', '  Update to 2', '  https://x.test/']));
  });
});

describe('typed presets', () => {
  it('reads one or several, as --preset takes them', () => {
    expect(parseTypedPresets('CVE-2024-3094')).toEqual([{ kind: 'cve', id: 'CVE-2024-3094' }]);
    expect(parseTypedPresets('group:Finance Workstations kev')).toEqual([{ kind: 'group', name: 'Finance Workstations' }, { kind: 'kev' }]);
    expect(parseTypedPresets('open-days:45; critical-exploited')).toEqual([{ kind: 'open-days', days: 45 }, { kind: 'critical-exploited' }]);
  });

  it('says what is wrong in one sentence, and the view stays on the field', () => {
    expect(() => parseTypedPresets('  ')).toThrow(/Type one or more presets/);
    expect(() => parseTypedPresets('sev:high')).toThrow("Unknown preset 'sev:high'");
    let s = run(initialVulnViewState(), { type: 'presetMove', delta: 99 }, { type: 'type', text: 'open-days:x' }, { type: 'choose' });
    expect(s.step).toBe('presets');
    expect(s.typedError).toMatch(/whole number of days/);
    s = run(s, { type: 'type', text: 'cve:CVE-2026-0001' }, { type: 'choose' });
    expect(s.typedError).toBeUndefined();
    expect(nextVulnEffect(s)).toEqual({ kind: 'search', search: 1, presets: [{ kind: 'cve', id: 'CVE-2026-0001' }] });
  });
});
