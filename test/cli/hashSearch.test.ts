import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness({ containmentDelayMs: 200 });
});
afterAll(() => h.close());

function simEnv(): NodeJS.ProcessEnv {
  return h.home().env;
}

/** The hosts the simulator says observed a value. */
function observers(type: string, value: string): string[] {
  return [...new Set(h.sim.tenant.sightings.filter((s) => s.type === type && s.value === value).map((s) => s.device_id))];
}

const NOWHERE = '0'.repeat(64);

describe('talon hash-search', () => {
  it('a hash seen on several hosts: a table of those hosts', async () => {
    const sha = h.sim.samples.sha256[0]!;
    const ids = observers('sha256', sha);
    expect(ids.length).toBeGreaterThan(1);
    const r = await runTalon(['hash-search', sha], { env: simEnv() });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`sha256 ${sha} was seen on ${ids.length} hosts:`);
    expect(lines[1]).toMatch(/^HOSTNAME\s+DEVICE ID\s+PLATFORM\s+LAST SEEN\s+STATUS$/);
    expect(lines).toHaveLength(ids.length + 2);
    for (const id of ids) expect(r.stdout).toContain(`${h.sim.tenant.hosts.get(id)!.hostname}`);
  });

  it('--processes lists the processes that involved it, per host', async () => {
    const sha = h.sim.samples.sha256[0]!;
    const r = await runTalon(['hash-search', sha, '--processes'], { env: simEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n\d+ process(es)? involved it:\nHOSTNAME\s+STARTED\s+PID\s+FILE\s+COMMAND LINE\n/);
    const json = JSON.parse((await runTalon(['hash-search', sha, '--processes', '--json'], { env: simEnv() })).stdout);
    for (const host of json.hosts) {
      expect(host.processes.length).toBeGreaterThan(0);
      expect(host.processes[0].processId).toContain(host.deviceId);
    }
  });

  it('--json and --csv export the result', async () => {
    const md5 = h.sim.samples.md5[0]!;
    const ids = observers('md5', md5);
    const json = await runTalon(['hash-search', md5.toUpperCase(), '--json'], { env: simEnv() });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ indicator: { type: 'md5', value: md5 }, hostCount: ids.length, unknownDeviceIds: [] });
    expect(parsed.hosts.map((x: { deviceId: string }) => x.deviceId).sort()).toEqual([...ids].sort());
    expect(parsed.hosts[0]).toEqual(expect.objectContaining({ hostname: expect.any(String), platform: expect.any(String), lastSeen: expect.any(String), status: expect.any(String) }));
    const csv = await runTalon(['hash-search', md5, '--csv'], { env: simEnv() });
    expect(csv.code).toBe(0);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toBe('hostname,device_id,platform,os_version,last_seen,containment_status,local_ip,external_ip,online');
    expect(rows).toHaveLength(ids.length + 2);
    expect(rows.at(-1)).toBe('');
    const both = await runTalon(['hash-search', md5, '--csv', '--json'], { env: simEnv() });
    expect(both.code).toBe(2);
  });

  it('a hash seen nowhere is a normal answer, exit 0', async () => {
    const r = await runTalon(['hash-search', NOWHERE], { env: simEnv() });
    expect(r).toMatchObject({ code: 0, stdout: `sha256 ${NOWHERE} was seen on no host.\n`, stderr: '' });
    const json = JSON.parse((await runTalon(['hash-search', NOWHERE, '--json'], { env: simEnv() })).stdout);
    expect(json).toEqual({ indicator: { type: 'sha256', value: NOWHERE }, hostCount: 0, hosts: [], unknownDeviceIds: [] });
    const csv = await runTalon(['hash-search', NOWHERE, '--csv'], { env: simEnv() });
    expect(csv.stdout.split('\r\n')).toHaveLength(2);
  });

  it('a malformed value gets one clear sentence and exit 2, without calling the API', async () => {
    for (const bad of ['9e3c5dcddd6e8ab75f87e8e79fd5c0bf12cad4a343835d9000892e7f0c160f7', 'not a hash!']) {
      const r = await runTalon(['hash-search', bad], { env: tempHome().env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^talon: '.*' (looks like a hash but has 63 hexadecimal characters|is not something the indicator search accepts)/);
    }
  });

  it('domains and IP addresses are searched too', async () => {
    const domain = h.sim.samples.domains[0]!;
    const r = await runTalon(['hash-search', domain], { env: simEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^domain ${domain.replace(/\./g, '\\.')} was seen on \\d+ hosts?:`));
    const ip = await runTalon(['hash-search', '192.0.2.1'], { env: simEnv() });
    expect(ip.stdout).toBe('ipv4 192.0.2.1 was seen on no host.\n');
  });

  it('hand-off on the command line: the hosts of a search, piped into talon contain', async () => {
    const sha = h.sim.samples.sha256[2]!;
    const env = simEnv();
    const search = JSON.parse((await runTalon(['hash-search', sha, '--json'], { env })).stdout);
    const ids: string[] = search.hosts.map((x: { deviceId: string }) => x.deviceId);
    expect(ids.length).toBeGreaterThan(1);
    const r = await runTalon(['contain', '--file', '-', '--yes', '--wait', '--json'], { env, input: ids.join('\n') + '\n', timeoutMs: 30_000 });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hosts.map((x: { deviceId: string }) => x.deviceId)).toEqual(ids);
    expect(ids.every((id) => h.sim.tenant.hosts.get(id)!.status === 'contained')).toBe(true);
  }, 40_000);
});
