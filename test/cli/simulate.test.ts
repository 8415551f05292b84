import { describe, expect, it } from 'vitest';
import { runTalon, startTalon } from '../helpers/talonBinary.js';

describe('talon simulate', () => {
  it('prints the URL line, credentials and sample values, serves them, and exits 0 on SIGTERM', async () => {
    const { child, lines, exited } = await startTalon(['simulate', '--port', '0'], 12);
    try {
      expect(lines[0]).toMatch(/^talon simulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = (lines[0] as string).replace('talon simulator listening on ', '');
      const kv = Object.fromEntries(
        lines.slice(1).map((l) => {
          const i = l.indexOf(': ');
          return [l.slice(0, i), l.slice(i + 2)];
        }),
      );
      expect(Object.keys(kv)).toEqual([
        'client id',
        'client secret',
        'read-only client id',
        'read-only client secret',
        'sample hostname',
        'sample sha256',
        'sample md5',
      ]);
      const keys = lines.slice(1).map((l) => l.slice(0, l.indexOf(':')));
      expect(keys.filter((k) => k === 'sample hostname')).toHaveLength(3);
      expect(keys.filter((k) => k === 'sample sha256')).toHaveLength(3);

      // The printed credentials and samples work against the printed URL.
      const tok = await fetch(`${url}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: kv['client id'] as string, client_secret: kv['client secret'] as string }),
      });
      expect(tok.status).toBe(201);
      const { access_token } = (await tok.json()) as { access_token: string };
      const hostname = lines.find((l) => l.startsWith('sample hostname: '))?.slice(17) as string;
      const q = await fetch(`${url}/devices/queries/devices/v1?filter=${encodeURIComponent(`hostname:'${hostname}'`)}`, {
        headers: { Authorization: `Bearer ${access_token}` },
      });
      expect(((await q.json()) as { resources: string[] }).resources).toHaveLength(1);
      const sha = lines.find((l) => l.startsWith('sample sha256: '))?.slice(15) as string;
      const d = await fetch(`${url}/indicators/queries/devices/v1?type=sha256&value=${sha}`, { headers: { Authorization: `Bearer ${access_token}` } });
      expect(((await d.json()) as { resources: string[] }).resources.length).toBeGreaterThan(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('gives one clear sentence and exit 2 for a bad flag value', async () => {
    const r = await runTalon(['simulate', '--hosts', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("talon: --hosts must be a whole number from 1 to 100000; got 'many'.");
    const f = await runTalon(['simulate', '--faults', 'boom=1']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain("Unknown fault kind 'boom'");
  });

  it('prints --version and --help', async () => {
    const v = await runTalon(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await runTalon(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('simulate');
    const bad = await runTalon(['frobnicate']);
    expect(bad.code).toBe(2);
  });
});
