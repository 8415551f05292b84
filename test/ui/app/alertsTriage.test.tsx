// Alert triage in the shell (Ctrl+G), against the simulator over HTTP, at
// 80x24: a selection triaged end to end (preset, select, status and comment,
// typed count, read back through the API, audit lines); a rule file's
// preview with a row dropped, then applied; a read-only profile refused; the
// hand-offs to containment (the selection's hosts) and hash search; and a
// table of thousands of alerts, windowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../../helpers/simClient.js';
import { auditLogPath } from '../../../src/core/audit/auditLog.js';
import { parseRules } from '../../../src/core/wizards/alerts/rules.js';
import { planRules } from '../../../src/core/wizards/alerts/matchRules.js';
import { Enricher } from '../../../src/core/wizards/alerts/enrich.js';
import { KEY, lineWidths, press, stripAnsi, waitForFrame, waitForText } from '../../helpers/ink.js';
import { CTRL, openShell, typeText as type, type ShellRig } from '../../helpers/shellRig.js';
import { addProfile } from '../../core/request/profiles.js';

const SMALL = { columns: 80, rows: 24 };

type AuditLine = { phase: string; ids?: string[]; changed?: string[]; ok?: boolean; rule?: string; change?: Record<string, unknown> };
const auditLines = (env: NodeJS.ProcessEnv): AuditLine[] =>
  readFileSync(auditLogPath(env), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as AuditLine);

/** The table is drawn: its header and the count. */
const opened = (rig: ShellRig) => waitForFrame(rig.app, (f) => stripAnsi(f).includes('FILE/CMD') && stripAnsi(f).includes('(newest first)'), 5000);

const frame = (rig: ShellRig): string => stripAnsi(rig.app.lastFrame() ?? '');

/** Every line of the frame fits the terminal. */
function fits(rig: ShellRig, size = SMALL): void {
  const f = rig.app.lastFrame() ?? '';
  expect(f.split('\n').length).toBeLessThanOrEqual(size.rows);
  expect(Math.max(...lineWidths(f))).toBeLessThanOrEqual(size.columns);
}

describe('alert triage in the shell', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness({ containmentDelayMs: 150, log: () => undefined });
  });
  afterAll(() => h.close());

  it('triages a selection end to end: preset, select, status and comment, typed count, read back, audited', async () => {
    const rig = await openShell(h.sim, { size: SMALL });
    try {
      await press(rig.app, CTRL('g'));
      await opened(rig);
      await press(rig.app, 'p');
      await waitForFrame(rig.app, (f) => stripAnsi(f).includes('new alerts ·') && stripAnsi(f).includes('FILE/CMD'), 5000);
      fits(rig);
      await press(rig.app, ' ', KEY.down, KEY.down, ' ');
      await waitForText(rig.app, '2 selected');
      await press(rig.app, 's', KEY.right, KEY.right);
      await waitForText(rig.app, 'Change 2 alerts');
      await press(rig.app, KEY.tab, KEY.tab, KEY.tab);
      await type(rig.app, 'Picked up in the shell');
      fits(rig);
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, '2 alerts → status → in_progress, comment "Picked up in the shell"', 5000);
      fits(rig);
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, 'Type 2 to change 2 alerts.');
      await type(rig.app, '3');
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, 'That does not match.');
      await press(rig.app, KEY.backspace, '2', KEY.enter);
      await waitForText(rig.app, 'Update: 2 changed.', 5000);
      expect(frame(rig)).toContain('Recorded in the audit log');
      fits(rig);

      const lines = auditLines(rig.env);
      const intent = lines.find((l) => l.phase === 'intent')!;
      expect(intent.ids).toHaveLength(2);
      expect(intent.change).toEqual({ status: 'in_progress', comment: 'Picked up in the shell' });
      expect(lines.map((l) => l.phase)).toEqual(['intent', 'batch', 'result']);
      expect(lines.at(-1)).toMatchObject({ phase: 'result', ok: true, changed: intent.ids });

      // Read back through the API.
      const read = await h.api('POST', '/alerts/entities/alerts/v2', { body: { composite_ids: intent.ids } });
      expect(read.status).toBe(200);
      for (const a of read.json.resources) {
        expect(a.status).toBe('in_progress');
        expect(a.comments.at(-1).value).toBe('Picked up in the shell');
      }
      // Back to the table, read again: the new alerts are fewer by two.
      await press(rig.app, KEY.enter);
      await waitForFrame(rig.app, (f) => stripAnsi(f).includes('FILE/CMD') && !stripAnsi(f).includes('selected'), 5000);
    } finally {
      await rig.close();
    }
  });

  it('previews a rule file (matches and why), drops a row, then closes the rest, audited per rule', async () => {
    const rig = await openShell(h.sim, { size: SMALL });
    const file = join(rig.home, 'rules.yaml');
    copyFileSync(new URL('../../../examples/triage-rules.yaml', import.meta.url), file);
    // The plan the shell will show, in its order: the first row is the one dropped.
    const rules = parseRules(readFileSync(file, 'utf8'));
    const caller = rig.backend.caller();
    const expected = await planRules(caller, rules, new Enricher(caller), Date.now());
    const first = expected[0]!.rows[0]!.alert.compositeId;
    const all = expected.flatMap((g) => g.rows.map((r) => r.alert.compositeId));
    expect(all.length).toBeGreaterThan(2);
    try {
      await press(rig.app, CTRL('g'));
      await opened(rig);
      await press(rig.app, 'r');
      await waitForText(rig.app, 'Rule file');
      await type(rig.app, join(rig.home, 'nope.yaml'));
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, 'does not exist', 5000);
      await press(rig.app, CTRL('u'));
      await type(rig.app, file);
      await press(rig.app, KEY.enter);
      const review = stripAnsi(await waitForText(rig.app, "Rule 'low-ml-detections'", 10_000));
      expect(review).toContain('why: ');
      expect(review).toContain('RULE');
      fits(rig);
      await press(rig.app, ' ');
      await waitForText(rig.app, `${expected[0]!.rows.length - 1} of ${expected[0]!.rows.length} kept`);
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, `Type ${all.length - 1} to close ${all.length - 1} alerts.`);
      await type(rig.app, String(all.length - 1));
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, "Rule 'routine-discovery':", 10_000);
      await waitForText(rig.app, 'Recorded in the audit log');

      const read = await h.api('POST', '/alerts/entities/alerts/v2', { body: { composite_ids: all } });
      const status = new Map<string, string>(read.json.resources.map((a: { composite_id: string; status: string }) => [a.composite_id, a.status]));
      expect(status.get(first)).not.toBe('closed');
      expect(all.filter((id) => id !== first).every((id) => status.get(id) === 'closed')).toBe(true);
      const results = auditLines(rig.env).filter((l) => l.phase === 'result');
      expect(results.map((r) => r.rule)).toEqual(expected.filter((g) => g.rows.length).map((g) => g.rule));
      expect(results.flatMap((r) => r.changed).sort()).toEqual(all.filter((id) => id !== first).sort());
    } finally {
      await rig.close();
    }
  });

  it('a read-only profile: the rule preview shows, every change is refused, the tenant is unchanged', async () => {
    const c = h.sim.clients.demo;
    const rig = await openShell(h.sim, {
      size: SMALL,
      targets: (env) => {
        addProfile(env, { name: 'careful', baseUrl: h.sim.url, clientId: c.id, clientSecret: c.secret, readOnly: true });
        return [{ id: 'p', label: 'careful', flags: { profile: 'careful' } }];
      },
    });
    try {
      await press(rig.app, CTRL('g'));
      await waitForText(rig.app, 'read-only: changes are refused', 5000);
      await opened(rig);
      await press(rig.app, 's');
      const refused = await waitForText(rig.app, "Refused by the read-only profile 'careful'");
      expect(stripAnsi(refused)).not.toContain('Change 1 alert');
      const file = join(rig.home, 'rules.yaml');
      copyFileSync(new URL('../../../examples/triage-rules.yaml', import.meta.url), file);
      await press(rig.app, 'r');
      await type(rig.app, file);
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, "Rule 'low-ml-detections'", 10_000);
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, "Refused by the read-only profile 'careful'");
      expect(frame(rig)).not.toContain('Type ');
      expect(() => readFileSync(auditLogPath(rig.env), 'utf8')).toThrow();
    } finally {
      await rig.close();
    }
  });

  it('shows tenant text with its control characters made visible, in the table and the detail pane', async () => {
    const newest = [...h.sim.tenant.alerts.values()].sort((a, b) => b.created_timestamp.localeCompare(a.created_timestamp))[0]!;
    const saved = { name: newest.display_name, file: newest.filename };
    newest.display_name = 'evil-\u001b]0;PWNED\u0007';
    newest.filename = 'x\u001b[2J.exe';
    const rig = await openShell(h.sim, { size: SMALL });
    try {
      await press(rig.app, CTRL('g'));
      await opened(rig);
      expect(frame(rig)).toContain('x\\x1b[2J');
      await press(rig.app, KEY.enter);
      await waitForText(rig.app, 'evil-\\x1b]0;PWNED\\x07', 5000);
      expect(rig.app.lastFrame()).not.toContain('\u001b]0;');
      expect(rig.app.lastFrame()).not.toContain('\u001b[2J');
    } finally {
      Object.assign(newest, { display_name: saved.name, filename: saved.file });
      await rig.close();
    }
  });

  it("hands the selection's hosts to the containment wizard, and Esc comes back to the table", async () => {
    const rig = await openShell(h.sim, { size: SMALL });
    try {
      await press(rig.app, CTRL('g'));
      await opened(rig);
      // Two alerts on different hosts.
      const alerts = [...h.sim.tenant.alerts.values()].sort((a, b) => b.created_timestamp.localeCompare(a.created_timestamp));
      const second = alerts.findIndex((a) => a.device.device_id !== alerts[0]!.device.device_id);
      await press(rig.app, ' ', ...Array(second).fill(KEY.down), ' ');
      await waitForText(rig.app, '2 selected');
      await press(rig.app, 'C');
      const review = stripAnsi(await waitForText(rig.app, 'Contain hosts — review', 10_000));
      for (const a of [alerts[0]!, alerts[second]!]) expect(review).toContain(a.device.hostname.slice(0, 10));
      await press(rig.app, KEY.escape, KEY.escape);
      await waitForText(rig.app, '2 selected', 5000);
      expect(frame(rig)).toContain('Alert triage');
      // The hash of the alert under the cursor to hash search.
      await press(rig.app, 'H');
      await waitForText(rig.app, 'Find every host that saw a file', 5000);
      await waitForText(rig.app, 'Seen on', 10_000);
      await press(rig.app, KEY.escape, KEY.escape);
      await waitForText(rig.app, '2 selected', 5000);
    } finally {
      await rig.close();
    }
  });
});

describe('alert triage in the shell with thousands of alerts', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness({ hosts: 200, log: () => undefined });
    // Copies of the generated alerts, a minute older each time round, up to a few thousand.
    const base = [...h.sim.tenant.alerts.values()];
    for (let i = 1; h.sim.tenant.alerts.size < 3000; i++) {
      for (const a of base) {
        const created = new Date(Date.parse(a.created_timestamp) - i * 60_000).toISOString();
        const id = `${a.composite_id}-${i}`;
        h.sim.tenant.alerts.set(id, { ...structuredClone(a), composite_id: id, id: `${a.id}-${i}`, created_timestamp: created });
      }
    }
  });
  afterAll(() => h.close());

  it('draws a window of the table, and moves to the last alert and back', async () => {
    const total = h.sim.tenant.alerts.size.toLocaleString('en-US');
    const rig = await openShell(h.sim, { size: SMALL });
    try {
      await press(rig.app, CTRL('g'));
      await waitForText(rig.app, `${total} (newest first)`, 10_000);
      fits(rig);
      const start = Date.now();
      await press(rig.app, KEY.end);
      await press(rig.app, KEY.pageUp, KEY.pageDown);
      await press(rig.app, ' ');
      await waitForText(rig.app, '1 selected');
      expect(Date.now() - start).toBeLessThan(2000);
      const last = [...h.sim.tenant.alerts.values()].sort((a, b) => a.created_timestamp.localeCompare(b.created_timestamp))[0]!;
      const m = /^\d{4}-(\d\d-\d\d)T(\d\d:\d\d)/.exec(last.created_timestamp)!;
      expect(frame(rig)).toContain(`▸ [x] ${m[1]} ${m[2]}`);
      fits(rig);
      await press(rig.app, 'g');
      await waitForFrame(rig.app, (f) => !stripAnsi(f).includes('▸ [x]'));
    } finally {
      await rig.close();
    }
  });
});
