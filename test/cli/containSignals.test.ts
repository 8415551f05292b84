// `talon contain` killed at each stage (before anything is sent, with a batch
// held open by the simulator, during the watch) by SIGTERM, SIGINT, SIGHUP and
// SIGKILL leaves an audit that names exactly what was sent.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { BIN, runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';

const HOSTS = 1500; // three batches of 500
const ACTIONS = '/devices/entities/devices-actions/';
const running: { child: ChildProcessWithoutNullStreams; sim: SimHarness }[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    await r.sim.close();
  }
});

/** Polls `cond` until it holds, failing after `ms` (a deadline, not a sleep). */
async function until(cond: () => boolean, what: () => string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Stage = 'before-send' | 'batch-held' | 'watching';

async function start(stage: Stage) {
  const faults =
    stage === 'before-send'
      ? { slowRate: 1, slowMs: 30_000, paths: ['/devices/entities/devices/v2'] }
      : stage === 'batch-held'
        ? { slowRate: 1, slowMs: 30_000, paths: [ACTIONS], after: 1 }
        : undefined;
  const sim = await startHarness({ hosts: 2200, containmentDelayMs: 600_000, faults, log: () => {} });
  const ids = [...sim.sim.tenant.hosts.values()].filter((x) => x.status === 'normal' && x.host_hidden_status === 'visible').slice(0, HOSTS).map((x) => x.device_id);
  expect(ids).toHaveLength(HOSTS);
  const c = sim.sim.clients.demo;
  const { home, env } = tempHome({ FALCON_BASE_URL: sim.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', NO_COLOR: '1' });
  const file = join(home, 'targets.txt');
  writeFileSync(file, ids.join('\n'));
  const args = ['contain', '--file', file, '--yes', ...(stage === 'watching' ? ['--wait', '--timeout', '600'] : [])];
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  running.push({ child, sim });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('close', (code, signal) => res({ code, signal })));
  const auditFile = join(home, 'data', 'audit.jsonl');
  const tokens = sim.sim.tokensIssued();
  if (stage === 'before-send') await until(() => sim.sim.tokensIssued() > tokens, () => `a token; stderr: ${stderr}`);
  if (stage === 'batch-held') await until(() => existsSync(auditFile) && readFileSync(auditFile, 'utf8').includes('"batch":2'), () => `batch 2 on its way; stderr: ${stderr}`);
  if (stage === 'watching') await until(() => stderr.includes('watching 1500 host(s)'), () => `the watch; stderr: ${stderr}`);
  return { sim, ids, env, child, exited, stderr: () => stderr, status: (id: string) => sim.sim.tenant.hosts.get(id)!.status };
}

async function auditOf(env: NodeJS.ProcessEnv): Promise<any[]> {
  const r = await runTalon(['audit', '--json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const count = (hosts: { result: string }[], result: string): number => hosts.filter((h) => h.result === result).length;
const HANDLED = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

describe('contain killed at each stage', { timeout: 60_000 }, () => {
  for (const sig of [...HANDLED, 'SIGKILL'] as const) {
    it(`${sig} before anything is sent: nothing recorded as sent, no host changed`, async () => {
      const run = await start('before-send');
      run.child.kill(sig);
      const end = await run.exited;
      if (sig === 'SIGKILL') expect(end.signal).toBe('SIGKILL');
      else {
        expect(end.code).toBe(128 + constants.signals[sig]);
        expect(run.stderr()).toContain(`talon: interrupted by ${sig}: nothing was sent.`);
      }
      expect(await auditOf(run.env)).toEqual([]);
      expect(run.ids.every((id) => run.status(id) === 'normal')).toBe(true);
    });

    it(`${sig} while the second batch is held open: batch 1 accepted, batch 2 sent without an answer, batch 3 not sent`, async () => {
      const run = await start('batch-held');
      run.child.kill(sig);
      const end = await run.exited;
      const [entry, ...more] = await auditOf(run.env);
      expect(more).toEqual([]);
      expect(entry.action).toBe('contain');
      expect(entry.ok).toBe(false);
      expect(entry.hosts.map((h: { deviceId: string }) => h.deviceId)).toEqual(run.ids);
      const results = entry.hosts.map((h: { result: string }) => h.result);
      expect(results.slice(0, 500).every((r: string) => r === 'submitted')).toBe(true);
      expect(results.slice(500, 1000).every((r: string) => r === 'sent-no-answer')).toBe(true);
      expect(results.slice(1000).every((r: string) => r === 'not-sent')).toBe(true);
      // The record matches the tenant: batch 1 changed, batch 3 untouched.
      expect(run.ids.slice(0, 500).every((id) => run.status(id) === 'containment_pending')).toBe(true);
      expect(run.ids.slice(1000).every((id) => run.status(id) === 'normal')).toBe(true);
      if (sig === 'SIGKILL') {
        expect(end.signal).toBe('SIGKILL');
        expect(entry.interrupted).toMatch(/no closing record: the run was killed/);
      } else {
        expect(end.code).toBe(128 + constants.signals[sig]);
        expect(entry.interrupted).toBe(`interrupted by ${sig}`);
        expect(run.stderr()).toContain(`talon: interrupted by ${sig}: sent to 1000 of 1500 hosts (500 accepted, 500 with no answer yet); 500 not sent; recorded in `);
      }
      expect(count(entry.hosts, 'submitted') + count(entry.hosts, 'sent-no-answer') + count(entry.hosts, 'not-sent')).toBe(HOSTS);
    });

    it(`${sig} during the watch: every host recorded as sent and accepted`, async () => {
      const run = await start('watching');
      run.child.kill(sig);
      const end = await run.exited;
      const [entry, ...more] = await auditOf(run.env);
      expect(more).toEqual([]);
      expect(entry.hosts.map((h: { deviceId: string }) => h.deviceId)).toEqual(run.ids);
      if (sig === 'SIGKILL') {
        expect(end.signal).toBe('SIGKILL');
        expect(count(entry.hosts, 'submitted')).toBe(HOSTS);
        expect(entry.interrupted).toMatch(/no closing record/);
      } else {
        // The watch stops, the run ends normally: results printed and recorded, not all contained yet (exit 1).
        expect(end.code).toBe(1);
        expect(count(entry.hosts, 'stopped')).toBe(HOSTS);
        expect(entry.interrupted).toBeUndefined();
      }
      expect(run.ids.every((id) => run.status(id) === 'containment_pending')).toBe(true);
    });
  }
});

describe('contain when every batch fails after being sent', { timeout: 60_000 }, () => {
  it('still writes the audit entry and the --json result, host by host, with a non-zero exit', async () => {
    const sim = await startHarness({ hosts: 50, faults: { errorRate: 1, errorStatuses: [500], paths: [ACTIONS] }, log: () => {} });
    try {
      const ids = [...sim.sim.tenant.hosts.values()].filter((x) => x.status === 'normal' && x.host_hidden_status === 'visible').slice(0, 3).map((x) => x.device_id);
      const c = sim.sim.clients.demo;
      const { env } = tempHome({ FALCON_BASE_URL: sim.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', NO_COLOR: '1' });
      const r = await runTalon(['contain', ...ids, '--yes', '--json'], { env, timeoutMs: 30_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/talon: .*500/);
      const json = JSON.parse(r.stdout);
      expect(json.ok).toBe(false);
      expect(json.hosts.map((h: { deviceId: string; result: string }) => [h.deviceId, h.result])).toEqual(ids.map((id) => [id, 'failed']));
      const [entry, ...more] = await auditOf(env);
      expect(more).toEqual([]);
      expect(entry.hosts.map((h: { deviceId: string; result: string }) => [h.deviceId, h.result])).toEqual(ids.map((id) => [id, 'failed']));
      expect(entry.interrupted).toBeUndefined();
    } finally {
      await sim.close();
    }
  });
});
