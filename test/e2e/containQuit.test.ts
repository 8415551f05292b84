// The shell's containment wizard quit with Ctrl+C during its watch still
// leaves a true audit record (the write-ahead journal, closed on exit).
import { expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTalon } from '../helpers/talonBinary.js';
import { describeInTmux } from '../helpers/tmuxSuite.js';

describeInTmux('shell containment wizard quit mid-watch', { hosts: 40, containmentDelayMs: 600_000, log: () => {} }, (e2e) => {
  it('Ctrl+C during the watch: the audit names the host as sent and accepted', async () => {
    const host = [...e2e.sim.tenant.hosts.values()].find((x) => x.status === 'normal' && x.host_hidden_status === 'visible')!;
    const { term, home, env } = await e2e.shell();
    term.keys('C-t');
    await term.waitFor((s) => s.includes('NYC-LT-3605'), 20_000, 'the wizard input');
    term.type(host.hostname);
    await term.waitFor((s) => s.includes(host.hostname), 20_000, 'the typed hostname');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('Contain hosts — review'), 20_000, 'the review');
    term.keys('Enter');
    await term.waitFor((s) => /type the hostname/i.test(s), 20_000, 'the confirmation');
    term.type(host.hostname);
    await term.waitFor((s) => s.split(host.hostname).length > 2, 20_000, 'the typed confirmation');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('containment_pending'), 30_000, 'the watch');
    const audit = join(home, 'data', 'audit.jsonl');
    expect(existsSync(audit) && readFileSync(audit, 'utf8').includes('"journal":"landed"')).toBe(true);
    term.keys('C-c');
    const deadline = Date.now() + 10_000;
    while (!readFileSync(audit, 'utf8').includes('"interrupted"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const r = await runTalon(['audit', '--json'], { env });
    const [entry, ...more] = JSON.parse(r.stdout);
    expect(more).toEqual([]);
    expect(entry.hosts).toMatchObject([{ deviceId: host.device_id, hostname: host.hostname, result: 'submitted' }]);
    expect(entry.interrupted).toBe('the process exited before the run finished');
  }, 90_000);
});
