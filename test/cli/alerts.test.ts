// talon alerts against the simulator, through the real binary: listing with
// each preset, enrichment of an alert on a contained host, a change read
// back, a rule file's dry run and apply with its audit, a malformed rule
// file, and a read-only profile refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import type { Alert } from '../../src/sim/tenant/records/detections.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness({ hosts: 500 });
});
afterAll(() => h.close());

const alerts = (): Alert[] => [...h.sim.tenant.alerts.values()];
const newestFirst = (list: Alert[]): string[] => [...list].sort((a, b) => b.created_timestamp.localeCompare(a.created_timestamp)).map((a) => a.composite_id);
const DAY = 86_400_000;

async function audit(env: NodeJS.ProcessEnv): Promise<any[]> {
  const r = await runTalon(['audit', '--json'], { env });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('talon alerts', () => {
  it('lists each preset: exactly the alerts the preset means, newest first, in an 80-column table', async () => {
    const { env } = h.home();
    const since = Date.now() - DAY;
    const expected: Record<string, Alert[]> = {
      new: alerts().filter((a) => a.status === 'new'),
      high: alerts().filter((a) => a.severity >= 60),
      'last-24h': alerts().filter((a) => Date.parse(a.created_timestamp) >= since),
      unassigned: alerts().filter((a) => a.assigned_to_name === ''),
    };
    for (const [preset, want] of Object.entries(expected)) {
      expect(want.length).toBeGreaterThan(0);
      const ids = await runTalon(['alerts', '--preset', preset, '--ids', '--limit', '5000'], { env });
      expect(ids.code).toBe(0);
      expect(ids.stdout.trim().split('\n').sort()).toEqual(newestFirst(want).sort());
    }
    const table = await runTalon(['alerts', '--preset', 'high', '--limit', '5'], { env });
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+SEV\s+STATUS\s+TECHNIQUE\s+HOST\s+USER\s+FILE\/CMD\s+ASSIGNEE$/);
    expect(lines).toHaveLength(6);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(table.stderr).toContain(`Showing 5 of ${expected.high!.length} alerts (newest first)`);
  });

  it('API text reaches the terminal with its control characters made visible', async () => {
    const { env } = h.home();
    const target = alerts().find((a) => a.status === 'in_progress' && a.severity >= 60)!;
    const saved = { cmdline: target.cmdline, comments: target.comments };
    target.cmdline = 'evil.exe \u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\u009b31m';
    target.comments = [...target.comments, { value: 'x\u001b[1Ay', timestamp: target.created_timestamp }];
    try {
      const shown = await runTalon(['alerts', 'show', target.composite_id], { env });
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain('evil.exe \\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J\\x9b31m');
      const json = await runTalon(['alerts', '--preset', 'high', '--json', '--limit', '5000'], { env });
      // eslint-disable-next-line no-control-regex -- control bytes are what must be absent
      for (const out of [shown.stdout, json.stdout]) expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(JSON.parse(json.stdout).find((a: { compositeId: string }) => a.compositeId === target.composite_id)?.commandLine).toBe(target.cmdline);
    } finally {
      Object.assign(target, saved);
    }
  });

  it('JSON and CSV carry every field; a filter combines with a preset', async () => {
    const { env } = h.home();
    const r = await runTalon(['alerts', "severity:<=30", '--preset', 'new', '--json', '--limit', '5000'], { env });
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as { compositeId: string; severity: number; status: string }[];
    expect(got.map((a) => a.compositeId).sort()).toEqual(alerts().filter((a) => a.status === 'new' && a.severity <= 30).map((a) => a.composite_id).sort());
    const csv = await runTalon(['alerts', '--preset', 'high', '--csv', '--limit', '3'], { env });
    expect(csv.stdout.split('\r\n')[0]).toBe('composite_id,created_timestamp,severity,severity_name,status,tactic,technique_id,technique,hostname,device_id,user_name,filename,cmdline,sha256,assigned_to_name,tags');
  });

  it('show: an alert whose host is contained, with host groups, process and parent, file prevalence and related alerts', async () => {
    const { env } = h.home();
    const host = [...h.sim.tenant.hosts.values()].find((x) => x.status === 'contained' && x.groups.length > 0 && alerts().some((a) => a.agent_id === x.device_id))!;
    expect(host).toBeDefined();
    const alert = alerts().filter((a) => a.agent_id === host.device_id).sort((a, b) => b.created_timestamp.localeCompare(a.created_timestamp))[0]!;
    const groupNames = host.groups.map((g) => h.sim.tenant.hostGroups.get(g)!.name);
    const seenOn = new Set(h.sim.tenant.sightings.filter((s) => s.type === 'sha256' && s.value === alert.sha256).map((s) => s.device_id)).size;
    const related = alerts().filter((a) => a.agent_id === host.device_id && a.composite_id !== alert.composite_id && Date.parse(a.created_timestamp) >= Date.now() - DAY).length;

    const r = await runTalon(['alerts', 'show', alert.composite_id], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`hostname     ${host.hostname}`);
    expect(r.stdout).toMatch(/containment\s+contained/);
    expect(r.stdout).toContain(`host groups  ${groupNames.join(', ')}`);
    expect(r.stdout).toContain(`${alert.tactic} (${alert.tactic_id})`);
    expect(r.stdout).toContain(`${alert.technique} (${alert.technique_id})`);
    expect(r.stdout).toContain(alert.parent_details.cmdline);
    expect(r.stdout).toContain(`${alert.sha256} (seen on ${seenOn} host${seenOn === 1 ? '' : 's'})`);
    expect(r.stdout).toContain(`Related alerts on this host in the last 24 h: ${related}`);
    expect(r.stdout).toContain(`Next: talon contain ${host.device_id}   talon hash-search ${alert.sha256}`);
  });

  it('update: a status change, an assignee and a comment are read back from the API', async () => {
    const { env } = h.home();
    const target = alerts().find((a) => a.status === 'new')!;
    const r = await runTalon(['alerts', 'update', target.composite_id, '--status', 'in_progress', '--assign', 'Dana Whitfield', '--tag', 'triaged', '--comment', 'Looking into it', '--yes'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Update: 1 changed.');
    const shown = await runTalon(['alerts', 'show', target.composite_id, '--json'], { env });
    const a = JSON.parse(shown.stdout)[0].alert;
    expect(a).toMatchObject({ status: 'in_progress', assignedName: 'Dana Whitfield', assignedUid: 'dana.whitfield@example.com', tags: ['triaged'] });
    expect(a.comments.at(-1)).toMatchObject({ value: 'Looking into it', author: `api-client:${h.sim.clients.demo.id}` });
    const entries = (await audit(env)).filter((e) => e.action === 'alerts_update');
    expect(entries.map((e) => e.phase)).toEqual(['intent', 'batch', 'result']);
    expect(entries[0]).toMatchObject({ ids: [target.composite_id], change: { status: 'in_progress', assign: 'Dana Whitfield', tags: ['triaged'], comment: 'Looking into it' } });
    expect(entries[2]).toMatchObject({ ok: true, changed: [target.composite_id], failed: [], notSent: [] });
  });

  it('update without a terminal and without --yes: prints the review, refuses with exit 2, changes nothing', async () => {
    const { env } = h.home();
    const target = alerts().find((a) => a.status === 'reopened')!;
    const r = await runTalon(['alerts', 'update', target.composite_id, '--status', 'closed'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(target.composite_id);
    expect(r.stderr).toContain('talon: Changing 1 alert changes the tenant and needs confirmation: pass --yes to send it from a script.');
    expect(h.sim.tenant.alerts.get(target.composite_id)!.status).toBe('reopened');
  });

  it('--contain hands the alerts\' hosts to talon contain, which reviews and sends', async () => {
    const { env } = h.home();
    const target = alerts().find((a) => a.status === 'new' && h.sim.tenant.hosts.get(a.agent_id)?.status === 'normal')!;
    const r = await runTalon(['alerts', 'update', target.composite_id, '--tag', 'escalated', '--contain', '--yes'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`talon: handing 1 host to talon contain ${target.agent_id}`);
    expect(r.stdout).toContain('will be contained');
    expect(h.sim.tenant.alerts.get(target.composite_id)!.tags).toContain('escalated');
    expect(h.sim.tenant.hosts.get(target.agent_id)!.status).not.toBe('normal');
  });

  it('a read-only profile is refused before anything is sent', async () => {
    const { env } = h.home();
    const c = h.sim.clients.demo;
    expect((await runTalon(['profile', 'add', 'ro', '--client-id', c.id, '--base-url', h.sim.url, '--read-only'], { env })).code).toBe(0);
    const roEnv = { ...env, FALCON_BASE_URL: '', FALCON_CLIENT_ID: '' };
    const target = alerts().find((a) => a.status === 'new')!;
    const r = await runTalon(['alerts', 'update', target.composite_id, '--status', 'closed', '--yes', '--profile', 'ro'], { env: roEnv });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/read-only/);
    expect(h.sim.tenant.alerts.get(target.composite_id)!.status).toBe('new');
    const rules = join(env.TALON_HOME as string, 'rules.yaml');
    writeFileSync(rules, 'rules:\n  - name: all-low\n    when: { severity_at_most: low }\n    close: { comment: c, tag: t }\n');
    const t = await runTalon(['alerts', 'triage', '--rules', rules, '--yes', '--profile', 'ro'], { env: roEnv });
    expect(t.code).not.toBe(0);
    expect(t.stderr).toMatch(/read-only/);
    expect(alerts().filter((a) => a.tags.includes('t'))).toEqual([]);
  });
});
