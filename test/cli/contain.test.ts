import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { BIN, runTalon } from '../helpers/talonBinary.js';
import { startTmux, tmuxAvailable } from '../helpers/tmux.js';
import { apiHome } from '../helpers/tempHome.js';
import type { Host } from '../../src/sim/tenant/records/hosts.js';
import { startTransition } from '../../src/sim/routes/hostModel.js';

let h: SimHarness;
/** Hosts that were normal at the start; each test takes its own slice. */
let pool: Host[];
let next = 0;
const take = (n = 1): Host[] => {
  const got = pool.slice(next, next + n);
  next += n;
  return got;
};

beforeAll(async () => {
  h = await startHarness({ hosts: 700, containmentDelayMs: 200 });
  pool = [...h.sim.tenant.hosts.values()].filter((x) => x.status === 'normal' && x.host_hidden_status === 'visible');
});
afterAll(() => h.close());

function simEnv(sim: SimHarness = h, kind: 'demo' | 'readOnly' = 'demo'): { home: string; env: NodeJS.ProcessEnv } {
  const c = sim.sim.clients[kind];
  return apiHome(sim.sim.url, c);
}

const status = (host: Host, sim: SimHarness = h): string => sim.sim.tenant.hosts.get(host.device_id)!.status;

async function audit(env: NodeJS.ProcessEnv): Promise<any[]> {
  const r = await runTalon(['audit', '--json'], { env });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('talon contain', () => {
  it('one match, without a terminal and without --yes: prints the review, refuses with exit 2, sends nothing', async () => {
    const [host] = take();
    const { env } = simEnv();
    const r = await runTalon(['contain', host!.hostname], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^HOSTNAME\s+DEVICE ID\s+PLATFORM\s+OS\s+LAST SEEN\s+LOCAL IP\s+EXTERNAL IP\s+ONLINE\s+STATUS\s+PLAN\n/);
    expect(r.stdout).toContain(host!.device_id);
    expect(r.stdout).toContain(host!.local_ip);
    expect(r.stdout).toContain('will be contained');
    expect(r.stderr.trim()).toBe('talon: Sending containment to 1 host changes the tenant and needs confirmation: pass --yes to send it from a script.');
    expect(status(host!)).toBe('normal');
    expect(await audit(env)).toEqual([]);
  });

  it('one match with --yes --wait: contained, exit 0, and recorded in the audit log', async () => {
    const [host] = take();
    const { env, home } = simEnv();
    const r = await runTalon(['contain', host!.hostname, '--yes', '--wait'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('talon: sent 1 of 1 host.');
    expect(r.stderr).toContain(`talon: ${host!.hostname}: contained`);
    expect(r.stdout).toMatch(new RegExp(`${host!.hostname}\\s+${host!.device_id}\\s+reached\\s+contained\\s+contained after`));
    expect(r.stdout).toContain('1 host: 1 contained.');
    expect(status(host!)).toBe('contained');
    const entries = await audit(env);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'contain', ok: true, profile: null, clientId: h.sim.clients.demo.id, baseUrl: h.sim.url });
    expect(entries[0].hosts).toEqual([
      { deviceId: host!.device_id, hostname: host!.hostname, input: host!.hostname, result: 'reached', status: 'contained', message: expect.stringMatching(/^contained after/), traceIds: [expect.stringMatching(/^[0-9a-f-]{36}$/)] },
    ]);
    const text = await runTalon(['audit'], { env });
    expect(text.stdout).toMatch(/contain {2}1 host {2}ok/);
    const raw = readFileSync(join(home, 'data', 'audit.jsonl'), 'utf8');
    expect(raw).not.toContain(h.sim.clients.demo.secret);
    expect(raw).not.toMatch(/bearer|access_token/i);
  });

  it('zero matches: says so per input, sends nothing, exit 1', async () => {
    const { env } = simEnv();
    const r = await runTalon(['contain', 'no-such-host', 'f'.repeat(32), '--yes', '--json'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("talon: No host is named 'no-such-host' (hostnames match exactly, case included).");
    expect(r.stderr).toContain(`talon: No host has the device id ${'f'.repeat(32)}.`);
    expect(JSON.parse(r.stdout)).toEqual({
      action: 'contain',
      waited: false,
      ok: false,
      hosts: [
        expect.objectContaining({ input: 'no-such-host', deviceId: null, result: 'not-found' }),
        expect.objectContaining({ input: 'f'.repeat(32), result: 'not-found' }),
      ],
    });
  });

  it('several matches (a reused hostname): lists them with last seen and refuses without a terminal; the device id works', async () => {
    const [a, b] = take(2);
    h.sim.tenant.hosts.get(b!.device_id)!.hostname = a!.hostname;
    const { env } = simEnv();
    const r = await runTalon(['contain', a!.hostname, '--yes'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`talon: '${a!.hostname}' names 2 hosts: give the device id of the one you mean.`);
    expect(r.stderr).toMatch(/LAST SEEN/);
    expect(r.stderr).toContain(a!.device_id);
    expect(r.stderr).toContain(b!.device_id);
    expect(r.stderr).toMatch(/\(\d+ (s|min|h|d) ago\)/);
    expect([status(a!), status(b!)]).toEqual(['normal', 'normal']);
    const byId = await runTalon(['contain', b!.device_id, '--yes'], { env });
    expect(byId.code).toBe(0);
    expect(['containment_pending', 'contained']).toContain(status(b!));
    expect(status(a!)).toBe('normal');
  });

  it('a batch larger than one API call (520 hosts from a file): two calls, all contained', async () => {
    const hosts = take(520);
    const { env, home } = simEnv();
    const file = join(home, 'targets.txt');
    writeFileSync(file, `# incident 42\n${hosts.map((x, i) => (i % 2 ? x.hostname : x.device_id)).join('\n')}\n`);
    const r = await runTalon(['contain', '--file', file, '--yes', '--wait', '--json'], { env, timeoutMs: 30_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('talon: sent 500 of 520 hosts.');
    expect(r.stderr).toContain('talon: sent 520 of 520 hosts.');
    expect(r.stderr).toMatch(/talon: 520 of 520 hosts contained\./);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ action: 'contain', waited: true, ok: true });
    expect(out.hosts).toHaveLength(520);
    expect(out.hosts.every((x: { result: string }) => x.result === 'reached')).toBe(true);
    expect(new Set(out.hosts.flatMap((x: { traceIds: string[] }) => x.traceIds)).size).toBe(2);
    expect(hosts.every((x) => status(x) === 'contained')).toBe(true);
  }, 40_000);

  it('hosts already contained or pending are flagged and not sent again; they count as reached', async () => {
    const [done, pending, fresh] = take(3);
    h.sim.tenant.hosts.get(done!.device_id)!.status = 'contained';
    startTransition(h.sim.tenant, h.sim.tenant.hosts.get(pending!.device_id)!, 'containment_pending', Date.now(), 2500);
    const { env } = simEnv();
    const r = await runTalon(['contain', done!.hostname, pending!.hostname, fresh!.hostname, '--yes', '--wait'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${done!.hostname}.*contained\\s+already contained: skipped`));
    expect(r.stdout).toMatch(new RegExp(`${pending!.hostname}.*containment_pending\\s+already containment_pending: not sent again`));
    expect(r.stdout).toContain('3 hosts: 2 contained, 1 already contained.');
    const sent = (await audit(env))[0].hosts.filter((x: { traceIds: string[] }) => x.traceIds.length);
    expect(sent.map((x: { deviceId: string }) => x.deviceId)).toEqual([fresh!.device_id]);
  });

  it('lift is the same flow in reverse', async () => {
    const [host] = take();
    const { env } = simEnv();
    expect((await runTalon(['contain', host!.device_id, '--yes', '--wait'], { env })).code).toBe(0);
    const refused = await runTalon(['contain', host!.hostname, '--lift'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('containment will be lifted');
    const r = await runTalon(['contain', host!.hostname, '--lift', '--yes', '--wait'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 host: 1 lifted.');
    expect(status(host!)).toBe('normal');
    const entries = await audit(env);
    expect(entries.map((e) => [e.action, e.hosts[0].result])).toEqual([['contain', 'reached'], ['lift_containment', 'reached']]);
    const again = await runTalon(['contain', host!.hostname, '--lift', '--yes', '--json'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).hosts[0]).toMatchObject({ result: 'already', message: 'not contained: skipped' });
  });

  it('a read-only client: a 403 per host naming the scope devices:write, exit 1, recorded', async () => {
    const [host] = take();
    const { env } = simEnv(h, 'readOnly');
    const r = await runTalon(['contain', host!.hostname, '--yes', '--wait'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/forbidden\s+normal\s+The API client lacks the scope devices:write that POST \/devices\/entities\/devices-actions\/v2 needs \(403\)/);
    expect(status(host!)).toBe('normal');
    expect((await audit(env))[0]).toMatchObject({ ok: false, hosts: [{ result: 'forbidden' }] });
  });

  it('a watch that outlasts --timeout reports the hosts as timed out, exit 1', async () => {
    const slow = await startHarness({ containmentDelayMs: 60_000 });
    try {
      const host = [...slow.sim.tenant.hosts.values()].find((x) => x.status === 'normal')!;
      const { env } = simEnv(slow);
      const r = await runTalon(['contain', host.device_id, '--yes', '--timeout', '1.5', '--json'], { env });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).hosts[0]).toMatchObject({ result: 'timeout', status: 'containment_pending', message: 'still containment_pending after 1.5 s' });
    } finally {
      await slow.close();
    }
  });

  it('faults injected during the status watch are retried or reported, and the watch carries on', async () => {
    const faulty = await startHarness({ containmentDelayMs: 300, faults: '5xx=0.4,seed=4,path=/devices/entities/devices/v2' });
    try {
      const hosts = [...faulty.sim.tenant.hosts.values()].filter((x) => x.status === 'normal').slice(0, 3);
      const { env } = simEnv(faulty);
      const r = await runTalon(['contain', ...hosts.map((x) => x.hostname), '--yes', '--wait'], { env, timeoutMs: 60_000 });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/talon: the API answered 50\d; retrying in/);
      expect(r.stdout).toContain('3 hosts: 3 contained.');
      expect(hosts.every((x) => status(x, faulty) === 'contained')).toBe(true);
    } finally {
      await faulty.close();
    }
  }, 60_000);

  it('exit 2 for usage errors: no target, a missing file, a bad timeout', async () => {
    const { env, home } = simEnv();
    const cases: [string[], RegExp][] = [
      [['contain'], /^talon: Give at least one hostname or device id, or --file FILE\.$/],
      [['contain', '--file', join(home, 'nope.txt')], /^talon: The targets file '.*nope\.txt' does not exist\.$/],
      [['contain', 'x', '--timeout', 'soon'], /^talon: --timeout must be a positive number of seconds; got 'soon'\.$/],
      [['contain', 'WS-*', '--yes'], /^talon: 'WS-\*' contains '\*': give exact hostnames or device ids, not patterns\.$/],
    ];
    for (const [args, expected] of cases) {
      const r = await runTalon(args, { env });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr.trim()).toMatch(expected);
    }
  });

  it('talon audit with nothing recorded says so', async () => {
    const { env } = simEnv();
    const r = await runTalon(['audit'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No containment actions recorded yet \(.*audit\.jsonl\)\.\n$/);
    expect((await runTalon(['audit', '--limit', '0'], { env })).code).toBe(2);
  });
});

describe.skipIf(!tmuxAvailable())('talon contain on a terminal', () => {
  it('asks which host a reused hostname means, then for the hostname to be typed', async () => {
    const [a, b] = take(2);
    h.sim.tenant.hosts.get(b!.device_id)!.hostname = a!.hostname;
    const { env } = simEnv();
    const term = startTmux(['sh', '-c', `"${process.execPath}" "${BIN}" contain ${a!.hostname} --wait; echo "EXIT=$?"; sleep 60`], env as Record<string, string>, { columns: 200, rows: 40 });
    try {
      const choice = await term.waitFor((s) => s.includes('Which?'), 15_000, 'the choice');
      expect(choice).toMatch(/LAST SEEN/);
      const pickedId = /^2\s+([0-9a-f]{32})\s/m.exec(choice)?.[1];
      const [second, first] = pickedId === a!.device_id ? [a!, b!] : [b!, a!];
      expect(second.device_id).toBe(pickedId);
      term.type('2');
      term.keys('Enter');
      await term.waitFor((s) => s.includes(`Type the hostname ${a!.hostname} to contain it.`), 10_000, 'the confirmation');
      term.type(a!.hostname.toLowerCase());
      term.keys('Enter');
      const screen = await term.waitFor((s) => s.includes('EXIT='), 15_000, 'the end');
      expect(screen).toContain('EXIT=0');
      expect(screen).toContain('1 host: 1 contained.');
      expect(status(second!)).toBe('contained');
      expect(status(first!)).toBe('normal');
    } finally {
      term.kill();
    }
  }, 40_000);
});
