// Every saved request of examples/collection is replayed with the built
// binary against a simulator, with variable values taken from its tenant;
// and examples/hosts-by-platform.sh runs when jq is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { BIN, runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { parseSavedFile, serializeSaved } from '../../src/core/saved/savedRequest.js';
import { variablesOf } from '../../src/core/saved/variables.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const COLLECTION = join(EXAMPLES, 'collection');
const names = readdirSync(COLLECTION)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

const HAS_JQ = spawnSync('jq', ['--version']).status === 0;
const DAY = 86_400_000;

let h: SimHarness;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  h = await startHarness();
  env = h.home().env;
});
afterAll(() => h.close());

/** Replays an example; exit 0 expected; returns the parsed JSON (or NDJSON lines). */
async function replay(name: string, vars: Record<string, string> = {}, extra: string[] = []): Promise<any> {
  const args = ['replay', name, '--collection', COLLECTION, ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}=${v}`]), ...extra];
  const r = await runTalon(args, { env });
  expect({ name, code: r.code, stderr: r.stderr }).toEqual({ name, code: 0, stderr: '' });
  if (extra.includes('ndjson')) return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return JSON.parse(r.stdout);
}

const exercised = new Set<string>();
const tenant = () => h.sim.tenant;

describe('examples/collection', () => {
  it('has at least 12 requests, each described, every variable described, each file in canonical form', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const file = join(COLLECTION, `${name}.json`);
      const text = readFileSync(file, 'utf8');
      const saved = parseSavedFile(text, name, file);
      expect(saved.description.length, name).toBeGreaterThan(10);
      for (const v of variablesOf(saved)) expect(saved.variables[v]?.description, `${name}: {{${v}}}`).toBeTruthy();
      expect(serializeSaved(saved), `${name}.json is not in the canonical format`).toBe(text);
    }
  });

  it('find-host-by-hostname, device-details', async () => {
    const hostname = h.sim.samples.hostnames[0] as string;
    const host = [...tenant().hosts.values()].find((x) => x.hostname === hostname);
    expect((await replay('find-host-by-hostname', { hostname })).resources).toEqual([host?.device_id]);
    const other = [...tenant().hosts.keys()][7] as string;
    const details = await replay('device-details', { device_ids: `${host?.device_id},${other}` });
    expect(details.resources.map((d: { device_id: string }) => d.device_id).sort()).toEqual([host?.device_id, other].sort());
    expect(details.resources.find((d: { device_id: string }) => d.device_id === host?.device_id).hostname).toBe(hostname);
    exercised.add('find-host-by-hostname').add('device-details');
  });

  it('contained-hosts, hosts-not-seen-30-days', async () => {
    const contained = [...tenant().hosts.values()].filter((x) => x.status === 'contained').map((x) => x.device_id);
    const got = await replay('contained-hosts', {}, ['--all', '-o', 'ndjson']);
    expect(got.map((d: { device_id: string }) => d.device_id).sort()).toEqual(contained.sort());
    expect(got.every((d: { status: string }) => d.status === 'contained')).toBe(true);

    const stale = await replay('hosts-not-seen-30-days', {}, ['--all', '-o', 'ndjson']);
    expect(stale.length).toBeGreaterThan(0);
    for (const id of stale) expect(Date.now() - Date.parse(tenant().hosts.get(id)?.last_seen as string)).toBeGreaterThan(30 * DAY - 3_600_000);
    const recent = await replay('hosts-not-seen-30-days', { days: '90' }, ['--all', '-o', 'ndjson']);
    expect(recent.length).toBeLessThan(stale.length);
    exercised.add('contained-hosts').add('hosts-not-seen-30-days');
  });

  it('hosts-that-saw-sha256, processes-for-hash-on-host', async () => {
    const sha256 = h.sim.samples.sha256[0] as string;
    const seenOn = new Set(tenant().sightings.filter((s) => s.type === 'sha256' && s.value === sha256).map((s) => s.device_id));
    const devices = await replay('hosts-that-saw-sha256', { sha256 }, ['--all', '-o', 'ndjson']);
    expect(new Set(devices)).toEqual(seenOn);
    const deviceId = devices[0] as string;
    const processes = await replay('processes-for-hash-on-host', { sha256, device_id: deviceId });
    expect(processes.resources.length).toBeGreaterThan(0);
    for (const p of processes.resources) expect(p).toMatch(new RegExp(`^pid:${deviceId}:`));
    exercised.add('hosts-that-saw-sha256').add('processes-for-hash-on-host');
  });

  it('recent-high-severity-alerts, assign-alert, close-alert', async () => {
    const alerts = await replay('recent-high-severity-alerts', {}, ['--all', '-o', 'ndjson']);
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) {
      expect(a.severity).toBeGreaterThanOrEqual(70);
      expect(Date.now() - Date.parse(a.created_timestamp)).toBeLessThan(DAY + 60_000);
    }
    const [first, second] = alerts.map((a: { composite_id: string }) => a.composite_id) as string[];
    expect(second).toBeDefined();
    const assigned = await replay('assign-alert', { composite_ids: `${first},${second}`, assignee: 'Jane Analyst' }, ['--yes']);
    expect(assigned.meta.writes.resources_affected).toBe(2);
    expect(tenant().alerts.get(first as string)).toMatchObject({ assigned_to_name: 'Jane Analyst', status: 'in_progress' });
    await replay('close-alert', { composite_ids: first as string }, ['--yes']);
    const closed = tenant().alerts.get(first as string);
    expect(closed?.status).toBe('closed');
    expect(closed?.comments.at(-1)?.value).toBe('Closed from talon after review.');
    exercised.add('recent-high-severity-alerts').add('assign-alert').add('close-alert');
  });

  it('critical-vulns-with-exploits', async () => {
    const vulns = await replay('critical-vulns-with-exploits', {}, ['--max-items', '300', '-o', 'ndjson']);
    expect(vulns.length).toBeGreaterThan(0);
    for (const v of vulns) {
      expect(v.cve.severity).toBe('CRITICAL');
      expect(v.cve.exploit_status).toBeGreaterThanOrEqual(90);
      expect(v.status).toBe('open');
      expect(v.host_info.hostname).toBeTruthy();
    }
    exercised.add('critical-vulns-with-exploits');
  });

  it('create-custom-ioc (a write: asks without --yes), list-iocs', async () => {
    const value = randomBytes(32).toString('hex');
    const refused = await runTalon(['replay', 'create-custom-ioc', '--collection', COLLECTION, '--var', `value=${value}`], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes');
    const created = await replay('create-custom-ioc', { value, description: 'Seen in "phish" campaign \\ 42' }, ['--yes']);
    expect(created.resources[0]).toMatchObject({ type: 'sha256', value, action: 'detect', severity: 'high', description: 'Seen in "phish" campaign \\ 42', applied_globally: true });
    const listed = await replay('list-iocs');
    expect(listed.resources.length).toBeGreaterThan(0);
    expect(listed.resources[0].value).toBe(value);
    expect(listed.resources.every((i: { type: string }) => i.type === 'sha256')).toBe(true);
    const domains = await replay('list-iocs', { type: 'domain' });
    expect(domains.resources.every((i: { type: string }) => i.type === 'domain')).toBe(true);
    exercised.add('create-custom-ioc').add('list-iocs');
  });

  it('list-host-groups, host-group-members', async () => {
    const groups = await replay('list-host-groups');
    expect(groups.resources.map((g: { name: string }) => g.name).sort()).toEqual([...tenant().hostGroups.values()].map((g) => g.name).sort());
    const group = [...tenant().hostGroups.values()].find((g) => g.name === 'Linux Servers');
    const members = await replay('host-group-members', { group_id: group?.id as string }, ['--all', '-o', 'ndjson']);
    const expected = [...tenant().hosts.values()].filter((x) => x.groups.includes(group?.id as string)).map((x) => x.device_id);
    expect(members.length).toBeGreaterThan(0);
    expect(members.map((m: { device_id: string }) => m.device_id).sort()).toEqual(expected.sort());
    exercised.add('list-host-groups').add('host-group-members');
  });

  it('contain-host (asks without --yes)', async () => {
    const host = [...tenant().hosts.values()].find((x) => x.status === 'normal') as { device_id: string };
    const refused = await runTalon(['replay', 'contain-host', '--collection', COLLECTION, '--var', `device_ids=${host.device_id}`], { env });
    expect(refused.code).toBe(2);
    const contained = await replay('contain-host', { device_ids: host.device_id }, ['--yes']);
    expect(contained.resources).toEqual([{ id: host.device_id, path: '' }]);
    expect(tenant().hosts.get(host.device_id)?.status).toMatch(/^contain/);
    exercised.add('contain-host');
  });

  it('every example was replayed', () => {
    expect([...exercised].sort()).toEqual(names);
  });
});

describe('examples/hosts-by-platform.sh', () => {
  it.skipIf(!HAS_JQ)(`chains talon request --output ndjson with jq${HAS_JQ ? '' : ' (skipped: jq is not installed)'}`, async () => {
    // A `talon` on PATH that runs the build under the Node running the tests.
    const bin = tempHome().home;
    writeFileSync(join(bin, 'talon'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'talon'), 0o755);
    // Asynchronous: the simulator answers from this very process.
    const run = async (args: string[]): Promise<string> =>
      (await promisify(execFile)('bash', [join(EXAMPLES, 'hosts-by-platform.sh'), ...args], { env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' })).stdout;
    const counts = (out: string): Record<string, number> => Object.fromEntries(out.trim().split('\n').map((l) => l.split('\t')).map(([p, n]) => [p, Number(n)]));
    const byPlatform = (hosts: { platform_name: string }[]): Record<string, number> =>
      hosts.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.platform_name]: (acc[x.platform_name] ?? 0) + 1 }), {});
    const all = [...tenant().hosts.values()];
    expect(counts(await run([]))).toEqual(byPlatform(all));
    expect(counts(await run(["platform_name:'Linux'"]))).toEqual({ Linux: all.filter((x) => x.platform_name === 'Linux').length });
  });
});
