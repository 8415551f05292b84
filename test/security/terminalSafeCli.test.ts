// The real binary against a hostile API whose every field carries terminal
// control sequences: no ESC, BEL or C1 byte from the API (or from files it
// wrote into: history, audit, a shared collection, profiles, an imported
// catalog) reaches stdout or stderr, the text stays visible in its escaped
// form, and JSON output stays valid JSON holding the same values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTalon, type RunResult } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { ATTACK, CLIENT, DEVICE_IDS, HOSTILE_TRACE_ID, SHA256, VISIBLE, controlBytes, hostile, startControlSequenceServer, type HostileServer } from '../helpers/hostile/controlSequenceServer.js';

let server: HostileServer;
beforeAll(async () => {
  server = await startControlSequenceServer();
});
afterAll(() => server.close());

function hostileEnv(): { home: string; env: NodeJS.ProcessEnv } {
  return tempHome({
    FALCON_BASE_URL: server.url,
    FALCON_CLIENT_ID: CLIENT.id,
    FALCON_CLIENT_SECRET: CLIENT.secret,
    HTTP_PROXY: '',
    HTTPS_PROXY: '',
    http_proxy: '',
    https_proxy: '',
    NO_COLOR: '1',
  });
}

/** Neither stream holds a control byte; together they show the attack escaped. */
function expectInert(r: RunResult, visibleIn: 'stdout' | 'stderr' | 'either' = 'either'): void {
  expect(controlBytes(r.stdout), `stdout: ${JSON.stringify(r.stdout.slice(0, 400))}`).toEqual([]);
  expect(controlBytes(r.stderr), `stderr: ${JSON.stringify(r.stderr.slice(0, 400))}`).toEqual([]);
  const shown = visibleIn === 'either' ? r.stdout + r.stderr : r[visibleIn];
  for (const marker of VISIBLE) expect(shown).toContain(marker);
}

describe('talon request against a hostile API', () => {
  it('prints JSON with every control character escaped, and the same values', async () => {
    const { env } = hostileEnv();
    const r = await runTalon(['request', '/devices/combined/devices/v1'], { env });
    expect(r.code).toBe(0);
    expect(controlBytes(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('\\u009b6n'); // C1, which JSON.stringify leaves raw
    const body = JSON.parse(r.stdout) as { resources: { hostname: string }[] };
    expect(body.resources[0]?.hostname).toBe(hostile('host-0'));
  });

  it('escapes ndjson and context output too', async () => {
    const { env } = hostileEnv();
    for (const output of ['ndjson', 'context']) {
      const r = await runTalon(['request', '/devices/combined/devices/v1', '--output', output], { env });
      expect(r.code).toBe(0);
      expect(controlBytes(r.stdout)).toEqual([]);
      expect(r.stdout).toContain('\\u001b]0;PWNED-TITLE\\u0007');
    }
  });

  it('shows an API error message and trace id escaped on stderr', async () => {
    const { env } = hostileEnv();
    const r = await runTalon(['request', '/hostile/forbidden'], { env });
    expect(r.code).toBe(1);
    expectInert(r, 'stderr');
    expect(r.stderr).toContain('API: 403 access denied \\x1b]0;PWNED-TITLE\\x07');
    expect(r.stderr).toContain('trace id: trace-\\x1b]0;PWNED-TITLE\\x07');
  });

  it('keeps a query parameter from the history inert in talon history', async () => {
    const { env } = hostileEnv();
    expect((await runTalon(['request', '/devices/queries/devices/v1', '-q', `filter=${ATTACK}`], { env })).code).toBe(0);
    const r = await runTalon(['history'], { env });
    expect(r.code).toBe(0);
    expectInert(r, 'stdout');
    const json = await runTalon(['history', '--json'], { env });
    expect(controlBytes(json.stdout)).toEqual([]);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('PWNED-TITLE');
  });
});

describe('the wizards against a hostile API', () => {
  it('contain: review, results, progress and the audit log stay inert', async () => {
    const { env } = hostileEnv();
    const r = await runTalon(['contain', ...DEVICE_IDS, '--yes'], { env });
    expect(r.code).toBe(1); // one host was refused
    expectInert(r, 'stdout');
    expect(r.stdout).toContain('host-0\\x1b]0;PWNED-TITLE\\x07');
    expect(r.stdout).toContain('refused \\x1b]0;PWNED-TITLE');
    expect(server.seen).toContain('POST /devices/entities/devices-actions/v2');

    const audit = await runTalon(['audit'], { env });
    expect(audit.code).toBe(0);
    expectInert(audit, 'stdout');
    const auditJson = await runTalon(['audit', '--json'], { env });
    expect(controlBytes(auditJson.stdout)).toEqual([]);
    const entries = JSON.parse(auditJson.stdout) as { hosts: { hostname: string }[] }[];
    expect(entries.at(-1)?.hosts.map((h) => h.hostname)).toContain(hostile('host-0'));
  });

  it('contain --json is valid JSON without control bytes', async () => {
    const { env } = hostileEnv();
    const r = await runTalon(['contain', ...DEVICE_IDS, '--yes', '--json'], { env });
    expect(controlBytes(r.stdout)).toEqual([]);
    expect(controlBytes(r.stderr)).toEqual([]);
    const result = JSON.parse(r.stdout) as { hosts: { message: string; traceIds: string[] }[] };
    expect(result.hosts.map((h) => h.message)).toContain(hostile('refused '));
  });

  it('hash-search: host and process tables, JSON and CSV stay inert', async () => {
    const { env } = hostileEnv();
    const text = await runTalon(['hash-search', SHA256, '--processes'], { env });
    expect(text.code).toBe(0);
    expectInert(text, 'stdout');
    expect(text.stdout).toContain('evil.exe --steal \\x1b]0;PWNED-TITLE\\x07');

    // CSV into a pipe is the exact data, with formulas disarmed for spreadsheets.
    const csv = await runTalon(['hash-search', SHA256, '--processes', '--csv'], { env });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(",'=cmd|' /C calc'!A0");
    expect(csv.stdout).not.toMatch(/(^|,)=cmd/m);

    const json = await runTalon(['hash-search', SHA256, '--processes', '--json'], { env });
    expect(controlBytes(json.stdout)).toEqual([]);
    expect(JSON.parse(json.stdout).hosts[0].hostname).toBe(hostile('host-0'));
  });
});

describe('files that others may write', () => {
  it('saved list of a shared collection shows its fields escaped', async () => {
    const { env, home } = hostileEnv();
    const dir = join(home, 'shared');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'evil.json'),
      JSON.stringify({ method: 'GET', path: `/devices/queries/devices/v1${ATTACK}`, description: hostile('lists hosts '), query: {} }),
    );
    const r = await runTalon(['saved', 'list', '--collection', dir], { env });
    expectInert(r);
    expect(r.stdout + r.stderr).toContain('lists hosts \\x1b]0;PWNED-TITLE');
  });

  it('profile list and show show a hostile description and client id escaped', async () => {
    const { env } = hostileEnv();
    const add = await runTalon(['profile', 'add', 'evil', '--client-id', hostile('id-'), '--base-url', server.url, '--description', hostile('note ')], { env });
    expect(add.code, add.stderr).toBe(0);
    expectInert(add);
    for (const args of [['profile', 'list'], ['profile', 'show', 'evil']]) {
      const r = await runTalon(args, { env });
      expect(r.code, r.stderr).toBe(0);
      expectInert(r, 'stdout');
    }
    const json = await runTalon(['profile', 'show', 'evil', '--json'], { env });
    expect(controlBytes(json.stdout)).toEqual([]);
  });

  it('endpoints and describe of an imported catalog show its text escaped', async () => {
    const { env, home } = hostileEnv();
    const spec = join(home, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify({
        swagger: '2.0',
        info: { title: hostile('Evil API '), version: '1' },
        paths: {
          '/evil/queries/things/v1': {
            get: { operationId: 'queryEvilThings', summary: hostile('Evil things '), description: hostile('Lists '), tags: ['evil'], responses: { 200: { description: hostile('ok ') } } },
          },
        },
      }),
    );
    const imported = await runTalon(['catalog', 'import', spec], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(controlBytes(imported.stdout + imported.stderr)).toEqual([]);
    const endpoints = await runTalon(['endpoints', 'evil'], { env });
    expect(endpoints.code, endpoints.stderr).toBe(0);
    expectInert(endpoints, 'stdout');
    const describe = await runTalon(['describe', 'queryEvilThings'], { env });
    expect(describe.code, describe.stderr).toBe(0);
    expectInert(describe, 'stdout');
    const describeJson = await runTalon(['describe', 'queryEvilThings', '--json'], { env });
    expect(controlBytes(describeJson.stdout)).toEqual([]);
  });
});

it('the hostile trace id really is hostile (the test can fail)', () => {
  expect(controlBytes(HOSTILE_TRACE_ID).length).toBeGreaterThan(5);
});
