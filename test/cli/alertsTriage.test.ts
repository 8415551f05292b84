// talon alerts triage against the simulator: a rule file's dry run matches
// exactly the alerts the rules mean (and says why), applying closes them and
// writes an audit line per rule with every id it changed; a malformed file
// gives one sentence per mistake and changes nothing.
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
const OPEN = ['new', 'in_progress', 'reopened'];
const DAY = 86_400_000;

describe('talon alerts triage', () => {
  it('dry run matches exactly the expected alerts with reasons; applying closes them and audits each rule', async () => {
    const { env, home } = h.home();
    // A host group whose hosts have open medium-or-lower alerts, for the host_group condition.
    const groupOf = (a: Alert): string[] => h.sim.tenant.hosts.get(a.agent_id)?.groups ?? [];
    const candidate = alerts().find((a) => OPEN.includes(a.status) && a.severity < 60 && groupOf(a).length)!;
    const group = h.sim.tenant.hostGroups.get(groupOf(candidate)[0]!)!;
    const now = Date.now();
    const ml = alerts().filter((a) => OPEN.includes(a.status) && a.severity <= 39 && a.tactic === 'Machine Learning' && now - Date.parse(a.created_timestamp) > DAY);
    const recon = alerts().filter((a) => a.status === 'new' && a.severity <= 40 && ['T1082', 'T1087.002'].includes(a.technique_id) && !ml.includes(a));
    const grouped = alerts().filter((a) => OPEN.includes(a.status) && a.severity <= 59 && groupOf(a).includes(group.id) && !ml.includes(a) && !recon.includes(a));
    expect(ml.length).toBeGreaterThan(0);
    expect(recon.length).toBeGreaterThan(0);
    expect(grouped.length).toBeGreaterThan(0);
    const rules = join(home, 'rules.yaml');
    writeFileSync(
      rules,
      [
        'rules:',
        '  - name: low-ml',
        '    when: { severity_at_most: low, tactic: Machine Learning, older_than: 1d }',
        '    close: { comment: Low ML noise., tag: auto-closed }',
        '  - name: recon',
        '    when: { technique: [T1082, T1087.002], severity_at_most: 40, status: new }',
        '    close: { comment: Routine discovery., tag: auto-closed }',
        '  - name: group-medium',
        `    when: { host_group: ${JSON.stringify(group.name)}, severity_at_most: medium }`,
        '    close: { comment: Lab group., tag: lab }',
      ].join('\n'),
    );

    const dry = await runTalon(['alerts', 'triage', '--rules', rules, '--dry-run', '--json'], { env });
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout).plan as { rule: string; rows: { alert: { compositeId: string }; reasons: string[] }[] }[];
    const ids = (g: (typeof plan)[number]): string[] => g.rows.map((r) => r.alert.compositeId).sort();
    expect(plan.map((g) => g.rule)).toEqual(['low-ml', 'recon', 'group-medium']);
    expect(ids(plan[0]!)).toEqual(ml.map((a) => a.composite_id).sort());
    expect(ids(plan[1]!)).toEqual(recon.map((a) => a.composite_id).sort());
    expect(ids(plan[2]!)).toEqual(grouped.map((a) => a.composite_id).sort());
    expect(plan[0]!.rows[0]!.reasons).toEqual([expect.stringMatching(/^status (new|in_progress|reopened)$/), expect.stringMatching(/^severity \d+ \(\w+\) at or below low$/), 'tactic Machine Learning', expect.stringMatching(/^created .* ago \(older than 1d\)$/)]);
    expect(plan[2]!.rows[0]!.reasons).toContain(`host group ${group.name}`);
    // The text dry run says why, and nothing changed.
    const dryText = await runTalon(['alerts', 'triage', '--rules', rules, '--dry-run'], { env });
    expect(dryText.stdout).toContain(`Rule 'low-ml': ${ml.length} alert`);
    expect(dryText.stdout).toMatch(/why: status \w+; severity \d+/);
    expect(dryText.stdout).toContain(`Dry run: ${ml.length + recon.length + grouped.length} alerts would be closed`);
    expect(alerts().filter((a) => a.tags.includes('auto-closed') || a.tags.includes('lab'))).toEqual([]);

    const applied = await runTalon(['alerts', 'triage', '--rules', rules, '--yes'], { env });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`Rule 'low-ml': ${ml.length} changed.`);
    for (const a of [...ml, ...recon, ...grouped]) {
      const now = h.sim.tenant.alerts.get(a.composite_id)!;
      expect(now.status).toBe('closed');
      expect(now.tags).toContain(grouped.includes(a) ? 'lab' : 'auto-closed');
    }
    const audit = JSON.parse((await runTalon(['audit', '--json'], { env })).stdout) as any[];
    const results = audit.filter((e) => e.action === 'alerts_update' && e.phase === 'result');
    expect(results.map((e) => [e.rule, e.ok, [...e.changed].sort()])).toEqual([
      ['low-ml', true, ml.map((a) => a.composite_id).sort()],
      ['recon', true, recon.map((a) => a.composite_id).sort()],
      ['group-medium', true, grouped.map((a) => a.composite_id).sort()],
    ]);
    // Write-ahead: each rule's intent precedes its batches.
    expect(audit.filter((e) => e.action === 'alerts_update').map((e) => `${e.rule}:${e.phase}`)).toEqual(['low-ml:intent', 'low-ml:batch', 'low-ml:result', 'recon:intent', 'recon:batch', 'recon:result', 'group-medium:intent', 'group-medium:batch', 'group-medium:result']);

    const text = (await runTalon(['audit'], { env })).stdout;
    expect(text).toMatch(new RegExp(`alerts_update {2}rule "low-ml" {2}intent: ${ml.length} alert\\(s\\)`));
    expect(text).toMatch(new RegExp(`alerts_update {2}rule "low-ml" {2}result: ${ml.length} changed, 0 failed {2}ok`));
    // A second run finds nothing left to close.
    const again = await runTalon(['alerts', 'triage', '--rules', rules, '--yes'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No rule matches an open alert; nothing to close.');
  });

  /** Writes a rule file, runs triage on it (exit 2 expected) and returns stderr's lines. */
  const rejected = async (env: NodeJS.ProcessEnv, file: string, lines: string[]): Promise<string[]> => {
    writeFileSync(file, lines.join('\n'));
    const r = await runTalon(['alerts', 'triage', '--rules', file, '--yes'], { env });
    expect(r.code).toBe(2);
    return r.stderr.split('\n');
  };

  it('a malformed rule file: one sentence per mistake naming its place, exit 2, nothing changed', async () => {
    const { env, home } = h.home();
    const before = JSON.stringify(alerts());
    const bad = join(home, 'bad.yaml');
    const lines = await rejected(env, bad, [
      'rules:',
      '  - name: ""',
      '    when: {}',
      '    close: { comment: x }',
      '  - name: b',
      '    when: { severity_at_most: huge, older_than: 3 days, sevrity: 1, tactic: [] }',
      '    close: { comment: x, tag: y }',
      '  - name: c',
      '    when: { status: closed, sha256: abc }',
      '    close: { comment: x, tag: y }',
    ]);
    expect(lines).toEqual([
      `talon: The rule file '${bad}' has 9 mistakes; nothing was changed:`,
      '  rules[0].name: must be a name for the rule, not empty.',
      '  rules[0].when: give at least one condition; a rule without conditions would close every open alert.',
      '  rules[0].close.tag: must be the tag added to each alert it closes.',
      '  rules[1].when.severity_at_most: must be a severity name (informational, low, medium, high, critical) or a whole number from 1 to 100.',
      '  rules[1].when.tactic: must list at least one value, or be left out.',
      '  rules[1].when.older_than: must be an age such as 30m, 12h, 7d or 2w.',
      "  rules[1].when: unknown key 'sevrity'; check the spelling against the rule format in the README.",
      '  rules[2].when.sha256: must be a sha256 (64 hexadecimal characters).',
      '  rules[2].when.status: must be a status: new, in_progress, reopened (closed alerts are never matched), or a list of them.',
      '',
    ]);

    const syntax = join(home, 'syntax.yaml');
    writeFileSync(syntax, 'rules:\n  - name: a\n    when: { tactic: [Discovery }\n');
    const s = await runTalon(['alerts', 'triage', '--rules', syntax], { env });
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/^ {2}line 3, column \d+: .+\.$/m);

    const dupes = join(home, 'dupes.json');
    writeFileSync(dupes, JSON.stringify({ rules: [1, 2].map(() => ({ name: 'same', when: { severity_at_most: 10 }, close: { comment: 'c', tag: 't' } })) }));
    const d = await runTalon(['alerts', 'triage', '--rules', dupes], { env });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("rules[1].name: 'same' is used by an earlier rule; give each rule its own name (the audit log records changes by rule name).");
    expect(JSON.stringify(alerts())).toBe(before);
  });

  it('every unknown key is named, all of one mapping in one sentence, at every level', async () => {
    const { env, home } = h.home();
    const before = JSON.stringify(alerts());
    const typos = join(home, 'typos.yaml');
    const lines = await rejected(env, typos, [
      'rule: x',
      'version: 2',
      'rules:',
      '  - name: a',
      '    when: { tactic: Discovery, sevrity: 1, tactc: x, olderthan: 2d }',
      '    close: { comment: c, tag: t, tags: u }',
      '    note: x',
    ]);
    expect(lines).toEqual([
      `talon: The rule file '${typos}' has 4 mistakes; nothing was changed:`,
      "  rules[0].when: unknown keys 'sevrity', 'tactc', 'olderthan'; check the spelling against the rule format in the README.",
      "  rules[0].close: unknown key 'tags'; check the spelling against the rule format in the README.",
      "  rules[0]: unknown key 'note'; check the spelling against the rule format in the README.",
      "  the file: unknown keys 'rule', 'version'; check the spelling against the rule format in the README.",
      '',
    ]);
    expect(JSON.stringify(alerts())).toBe(before);
  });
});
