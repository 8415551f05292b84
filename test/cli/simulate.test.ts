import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTalon, startTalon } from '../helpers/talonBinary.js';

describe('talon simulate', () => {
  it('prints the URL line, credentials and sample values, serves them, and exits 0 on SIGTERM', async () => {
    const { child, lines, exited } = await startTalon(['simulate', '--port', '0'], 13);
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
        'sample reused hostname',
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

  it("answers the XSOAR document's first example through talon request: GET /incidents/queries/behaviors/v1", async () => {
    const { child, lines, exited } = await startTalon(['simulate', '--port', '0'], 3);
    try {
      const url = (lines[0] as string).replace('talon simulator listening on ', '');
      const value = (key: string) => lines.find((l) => l.startsWith(`${key}: `))?.slice(key.length + 2) as string;
      const env = { FALCON_BASE_URL: url, FALCON_CLIENT_ID: value('client id'), FALCON_CLIENT_SECRET: value('client secret'), TALON_HOME: mkdtempSync(join(tmpdir(), 'talon-xsoar-')), NO_COLOR: '1' };
      // Exit 0 is a 2xx answer (README: exit codes); a 404 would exit non-zero and say the endpoint does not exist.
      const ids = await runTalon(['request', '/incidents/queries/behaviors/v1', '-q', 'limit=5'], { env });
      expect(ids.stderr).toBe('');
      expect(ids.code).toBe(0);
      const behaviorIds = JSON.parse(ids.stdout).resources as string[];
      expect(behaviorIds).toHaveLength(5);
      const details = await runTalon(['request', '-X', 'POST', '/incidents/entities/behaviors/GET/v1', '-d', JSON.stringify({ ids: behaviorIds })], { env });
      expect(details.code).toBe(0);
      expect(JSON.parse(details.stdout).resources.map((b: { behavior_id: string }) => b.behavior_id)).toEqual(behaviorIds);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('sends X-Cs-Region on token answers only when started with --region', async () => {
    const { child, lines, exited } = await startTalon(['simulate', '--port', '0', '--region', 'EU1'], 3);
    try {
      const url = (lines[0] as string).replace('talon simulator listening on ', '');
      const value = (key: string) => lines.find((l) => l.startsWith(`${key}: `))?.slice(key.length + 2) as string;
      const tok = await fetch(`${url}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: value('client id'), client_secret: value('client secret') }),
      });
      expect(tok.status).toBe(201);
      expect(tok.headers.get('x-cs-region')).toBe('eu-1');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const bad = await runTalon(['simulate', '--region', 'mars-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("talon: --region: unknown cloud 'mars-1'. Use one of us-1, us-2, eu-1, us-gov-1, us-gov-2.");
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
