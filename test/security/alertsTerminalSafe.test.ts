// talon alerts against a hostile API whose every alert field carries
// terminal control sequences: the table, the detail, CSV, JSON, the update's
// review, results and audit show them escaped, never raw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTalon, type RunResult } from '../helpers/talonBinary.js';
import { apiHome } from '../helpers/tempHome.js';
import { ALERT_IDS, CLIENT, VISIBLE, controlBytes, hostile, startControlSequenceServer, type HostileServer } from '../helpers/hostile/controlSequenceServer.js';

let server: HostileServer;
beforeAll(async () => {
  server = await startControlSequenceServer();
});
afterAll(() => server.close());

function hostileEnv(): NodeJS.ProcessEnv {
  return apiHome(server.url, CLIENT).env;
}

function expectInert(r: RunResult): void {
  expect(controlBytes(r.stdout), `stdout: ${JSON.stringify(r.stdout.slice(0, 400))}`).toEqual([]);
  expect(controlBytes(r.stderr), `stderr: ${JSON.stringify(r.stderr.slice(0, 400))}`).toEqual([]);
  for (const marker of VISIBLE) expect(r.stdout + r.stderr).toContain(marker);
}

describe('talon alerts against a hostile API', () => {
  it('the table, CSV and JSON stay inert; JSON keeps the values', async () => {
    const env = hostileEnv();
    const csv = await runTalon(['alerts', '--csv'], { env });
    expect(csv.code).toBe(0);
    expectInert(csv);
    const json = await runTalon(['alerts', '--json'], { env });
    expect(controlBytes(json.stdout)).toEqual([]);
    expect(JSON.parse(json.stdout)[0].commandLine).toBe(hostile('evil.exe --steal '));
    const table = await runTalon(['alerts'], { env });
    expect(table.code).toBe(0);
    expect(controlBytes(table.stdout + table.stderr)).toEqual([]);
  });

  it('show, update (review, results) and the audit stay inert', async () => {
    const env = hostileEnv();
    const show = await runTalon(['alerts', 'show', ALERT_IDS[0]!], { env });
    expect(show.code).toBe(0);
    expectInert(show);
    const update = await runTalon(['alerts', 'update', ...ALERT_IDS, '--status', 'closed', '--comment', 'x', '--yes'], { env });
    expect(update.code).toBe(1);
    expectInert(update);
    const audit = await runTalon(['audit'], { env });
    expect(controlBytes(audit.stdout + audit.stderr)).toEqual([]);
    expect(audit.stdout).toContain('\\x1b]0;PWNED-TITLE\\x07');
  });
});
