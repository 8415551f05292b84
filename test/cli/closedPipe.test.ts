// `talon request --all -o ndjson | head -1`: the reader goes away, talon stops quietly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { BIN, runTalon, startTalon } from '../helpers/talonBinary.js';

const execFileAsync = promisify(execFile);
import { tempHome } from '../helpers/tempHome.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('a closed pipe', () => {
  it('ends a streaming request with exit 0 and nothing on stderr', async () => {
    const c = h.sim.clients.demo;
    const { env } = tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' });
    const run = await startTalon(['request', '/devices/queries/devices/v1', '--all', '-o', 'ndjson'], 1, { env });
    let stderr = '';
    run.child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(run.lines[0]).toMatch(/^"[0-9a-f]{32}"$/);
    run.child.stdout.destroy();
    expect(await run.exited).toBe(0);
    expect(stderr).toBe('');
  });

  // Completion writes its answer to fd 1 itself (no stream): the same promises must hold.
  it('ends a completion quietly when the reader is already gone', async () => {
    const { env } = tempHome();
    const child = spawn(process.execPath, [BIN, '__complete', 'describe', ''], { env: { ...process.env, ...env } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('hands a completion answer larger than a pipe holds through a shell pipe, whole', () => {
    const { env } = tempHome();
    const whole = spawnSync(process.execPath, [BIN, '__complete', 'describe', ''], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout;
    expect(whole.length).toBeGreaterThan(65_536);
    // As a shell's command substitution reads it: a real pipe (64 KB), which the one write must fill and wait on.
    const piped = spawnSync('sh', ['-c', '"$TALON_NODE" "$TALON_BIN" __complete describe "" | cat'], {
      env: { ...process.env, ...env, TALON_NODE: process.execPath, TALON_BIN: BIN },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(whole);
  });

  // One-shot commands end with process.exit (src/cli/exitWhenWritten.ts), not when the event loop is empty: a reader that
  // starts late (the pipe full while talon writes) still gets every line, as a fast one does.
  it('hands every line of a long answer to a reader that starts late, before the command exits', async () => {
    const c = h.sim.clients.demo;
    const { env } = tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' });
    const args = ['request', '/devices/combined/devices/v1', '-q', 'limit=100', '-q', 'sort=hostname.asc', '--all', '-o', 'ndjson'];
    const direct = await runTalon(args, { env });
    expect(direct.code).toBe(0);
    expect(direct.stdout.length).toBeGreaterThan(4 * 65_536);
    const ids = (text: string): string[] => text.trim().split('\n').map((line) => (JSON.parse(line) as { device_id: string }).device_id);
    for (const reader of ['cat', '(sleep 0.3; cat)']) {
      // Not spawnSync: the simulator answers from this process.
      const piped = await execFileAsync('sh', ['-c', `"$TALON_NODE" "$TALON_BIN" ${args.join(' ')} | ${reader}`], {
        env: { ...process.env, ...env, TALON_NODE: process.execPath, TALON_BIN: BIN },
        maxBuffer: 1 << 24,
      });
      expect(piped.stderr).toBe('');
      expect(ids(piped.stdout)).toEqual(ids(direct.stdout));
    }
  });
});

