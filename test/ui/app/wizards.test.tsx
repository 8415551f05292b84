// The two wizards in the shell, against the simulator: containment of a
// sample host through review, typed confirmation and the status watch; a
// reused hostname; a read-only client; hash search with drill-down, nothing
// found, a malformed value, and the hand-off to containment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { auditLogPath } from '../../../src/core/audit/auditLog.js';
import { KEY, press, stripAnsi, waitForText } from '../../helpers/ink.js';
import { CTRL, openShell, typeText as type, type ShellRig } from '../../helpers/shellRig.js';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, containmentDelayMs: 150 });
});
afterAll(() => sim.close());

/** The shell, wide enough for the review table. */
function open(kind: 'demo' | 'readOnly' = 'demo'): Promise<ShellRig> {
  return openShell(sim, { kind, size: { columns: 140, rows: 34 } });
}

describe('containment wizard in the shell', () => {
  it('reviews, asks for the hostname, submits, watches until contained, and audits', async () => {
    const rig = await open();
    const { app, env } = rig;
    const hostname = sim.samples.hostnames[2] as string;
    try {
      await press(app, CTRL('t'));
      await waitForText(app, 'Contain hosts');
      await type(app, hostname);
      await press(app, KEY.enter);
      const review = stripAnsi(await waitForText(app, 'selected of 1', 5000));
      expect(review).toContain(hostname);
      await press(app, KEY.enter);
      await waitForText(app, `Type the hostname ${hostname}`);
      await type(app, 'wrong');
      await press(app, KEY.enter);
      const refused = stripAnsi(await waitForText(app, 'does not match', 2000));
      expect(refused).toContain(`Type the hostname ${hostname}`);
      // A burst of Backspaces erases the whole wrong answer.
      await press(app, KEY.backspace.repeat(5));
      await type(app, hostname);
      await press(app, KEY.enter);
      const done = stripAnsi(await waitForText(app, 'Enter or Esc closes', 10_000));
      expect(done).toMatch(/reached/);
      expect([...sim.tenant.hosts.values()].find((h) => h.hostname === hostname)?.status).toBe('contained');
      await waitForText(app, 'Recorded in the audit log', 5000);
      const audit = readFileSync(auditLogPath(env), 'utf8');
      expect(audit).toContain(hostname);
    } finally {
      await rig.close();
    }
  });

  it('asks which host when a hostname names several', async () => {
    const hosts = [...sim.tenant.hosts.values()].filter((h) => h.status === 'normal');
    const twin = hosts[40]!;
    const other = hosts[41]!;
    other.hostname = twin.hostname; // a hostname reused
    const rig = await open();
    const { app } = rig;
    try {
      await press(app, CTRL('t'));
      await type(app, twin.hostname);
      await press(app, KEY.enter);
      const choose = stripAnsi(await waitForText(app, `names 2 hosts`, 5000));
      expect(choose).toContain(twin.device_id);
      expect(choose).toContain(other.device_id);
      await press(app, ' ');
      await press(app, KEY.enter);
      await waitForText(app, 'selected of 1', 5000);
    } finally {
      await rig.close();
    }
  });

  it('reports a read-only client as forbidden, naming the scope', async () => {
    const rig = await open('readOnly');
    const { app } = rig;
    const hostname = sim.samples.hostnames[1] as string;
    try {
      await press(app, CTRL('t'));
      await type(app, hostname);
      await press(app, KEY.enter);
      await waitForText(app, 'selected of 1', 5000);
      await press(app, KEY.enter);
      await type(app, hostname);
      await press(app, KEY.enter);
      const done = stripAnsi(await waitForText(app, 'Enter or Esc closes', 10_000));
      expect(done).toContain('devices:write');
    } finally {
      await rig.close();
    }
  });
});

describe('hash-search wizard in the shell', () => {
  it('finds the hosts, drills into processes, and hands them to containment', async () => {
    const rig = await open();
    const { app } = rig;
    const sha = sim.samples.sha256[1] as string;
    const seen = new Set(sim.tenant.sightings.filter((s) => s.value === sha).map((s) => s.device_id));
    try {
      await press(app, CTRL('f'));
      await waitForText(app, 'Find every host that saw a file');
      await press(app, sha);
      await press(app, KEY.enter);
      const results = stripAnsi(await waitForText(app, `Seen on ${seen.size} hosts`, 5000));
      expect(results).toContain('kept for containment');
      await press(app, KEY.enter);
      // The drill-down lists the processes that ran the file on that host.
      const image = [...sim.tenant.processes.values()].find((p) => p._sha256 === sha)?.file_name as string;
      await waitForText(app, image.split(/[\\/]/).pop() as string, 5000);
      await press(app, 'c');
      const review = stripAnsi(await waitForText(app, `of ${seen.size}`, 5000));
      // The hosts kept in the search arrive in the containment review, already selected.
      expect(review).toContain('Contain hosts');
      expect(review).toContain(`${seen.size} selected of ${seen.size}`);
      // Esc steps back out of the containment wizard to the search results, still there.
      await press(app, KEY.escape);
      await press(app, KEY.escape);
      const back = stripAnsi(await waitForText(app, `Seen on ${seen.size} hosts`, 5000));
      expect(back).toContain('kept for containment');
    } finally {
      await rig.close();
    }
  });

  it('says seen on no host for an unknown hash, and one sentence for a malformed one', async () => {
    const rig = await open();
    const { app } = rig;
    try {
      await press(app, CTRL('f'));
      await press(app, 'e'.repeat(64));
      await press(app, KEY.enter);
      await waitForText(app, 'Seen on no host.', 5000);
      await press(app, KEY.escape);
      await waitForText(app, 'A sha256 or md5');
      for (let i = 0; i < 64; i++) await press(app, KEY.backspace);
      await type(app, 'abc123abc123abc123abc');
      await press(app, KEY.enter);
      await waitForText(app, 'looks like a hash but has 21 hexadecimal characters');
    } finally {
      await rig.close();
    }
  });
});
