// The shell's alert triage quit with Ctrl+C while an update is in flight:
// the batch lands, and the audit says so (intent, the batch, the result),
// however the shell ends.
import { expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeInTmux } from '../helpers/tmuxSuite.js';

// Only the update call is slow: it is in flight when Ctrl+C comes.
const SLOW_UPDATE = { hosts: 40, faults: { slowRate: 1, slowMs: 2500, paths: ['/alerts/entities/alerts/v3'] }, log: () => {} };

describeInTmux('shell alert triage quit mid-update', SLOW_UPDATE, (e2e) => {
  it('Ctrl+C while sending: the batch in flight lands and the audit records it', async () => {
    const { term, home } = await e2e.shell();
    term.keys('C-g');
    await term.waitFor((s) => s.includes('FILE/CMD') && s.includes('(newest first)'), 20_000, 'the alert table');
    term.type('t');
    await term.waitFor((s) => s.includes('Change 1 alert'), 20_000, 'the change form');
    term.type('quit-test');
    await term.waitFor((s) => s.includes('quit-test'), 20_000, 'the typed tag');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('1 alert → tag quit-test'), 20_000, 'the review');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('Type 1 to change 1 alert.'), 20_000, 'the confirmation');
    term.type('1');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('sent 0 of 1'), 20_000, 'the update in flight');
    term.keys('C-c');
    const audit = join(home, 'data', 'audit.jsonl');
    const deadline = Date.now() + 15_000;
    while (!(existsSync(audit) && readFileSync(audit, 'utf8').includes('"result"')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const lines = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.phase)).toEqual(['intent', 'batch', 'result']);
    const [id] = lines[0].ids;
    expect(lines[1]).toMatchObject({ changed: [id] });
    expect(lines[2]).toMatchObject({ ok: true, changed: [id], notSent: [] });
    expect(e2e.sim.tenant.alerts.get(id)!.tags).toContain('quit-test');
  }, 90_000);
});
