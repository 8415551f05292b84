// `talon request` against what XSOAR's cs-api-request does (CrowdStrikeAPI.py:
// outputs = response.get('resources', []) under CrowdStrike.<endpoint>; JSON
// arguments parsed only when non-empty; the endpoint joined to the base URL;
// None-valued query keys dropped), one row per behaviour, against the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon, type RunResult } from '../helpers/talonBinary.js';

let h: SimHarness;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  h = await startHarness({ tokenTtl: 1799 });
  env = h.home().env;
});
afterAll(async () => {
  await h.close();
});

const DEVICES = '/devices/queries/devices/v1';

interface ParityCase {
  /** the XSOAR behaviour mirrored */
  behaviour: string;
  args: () => string[];
  check: (r: RunResult) => void;
}

function ok(r: RunResult): unknown {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(r.stdout);
}

const cases: ParityCase[] = [
  {
    behaviour: 'populate_context puts the resources list (not the envelope) under CrowdStrike.<endpoint>',
    args: () => ['request', DEVICES, '-q', 'limit=3', '-o', 'context'],
    check: (r) => {
      const ctx = ok(r) as { CrowdStrike: Record<string, unknown> };
      expect(Object.keys(ctx)).toEqual(['CrowdStrike']);
      const list = ctx.CrowdStrike[DEVICES];
      expect(Array.isArray(list)).toBe(true);
      expect(list).toHaveLength(3);
      expect((list as unknown[]).every((id) => typeof id === 'string')).toBe(true);
    },
  },
  {
    behaviour: 'populate_context with every page holds the whole list',
    args: () => ['request', DEVICES, '-q', 'limit=100', '--all', '-o', 'context'],
    check: (r) => {
      const list = (ok(r) as { CrowdStrike: Record<string, unknown[]> }).CrowdStrike[DEVICES];
      expect(list).toHaveLength(500);
      expect(new Set(list).size).toBe(500);
    },
  },
  {
    behaviour: 'a response without resources gives an empty list in context',
    args: () => ['request', '/devices/entities/devices/tags/v1', '-X', 'PATCH', '-d', JSON.stringify({ action: 'add', device_ids: [firstHost()], tags: ['FalconGroupingTags/parity'] }), '--yes', '-o', 'context'],
    check: (r) => expect((ok(r) as { CrowdStrike: Record<string, unknown> }).CrowdStrike['/devices/entities/devices/tags/v1']).toEqual(expect.any(Array)),
  },
  {
    behaviour: 'the endpoint is joined to the base URL: the leading / is optional',
    args: () => ['request', 'devices/queries/devices/v1', '-q', 'limit=2'],
    check: (r) => expect((ok(r) as { resources: unknown[] }).resources).toHaveLength(2),
  },
  {
    behaviour: 'a null value in query_parameters drops the key',
    args: () => ['request', DEVICES, '--query-json', '{"limit": 2, "filter": null, "sort": null}'],
    check: (r) => {
      const body = ok(r) as { resources: unknown[]; meta: { pagination: { total: number } } };
      expect(body.resources).toHaveLength(2);
      expect(body.meta.pagination.total).toBe(500);
    },
  },
  {
    behaviour: 'an empty query_parameters is absent',
    args: () => ['request', DEVICES, '--query-json', '', '-q', 'limit=1'],
    check: (r) => expect((ok(r) as { resources: unknown[] }).resources).toHaveLength(1),
  },
  {
    behaviour: 'an empty request_body is absent',
    args: () => ['request', DEVICES, '-d', '', '-q', 'limit=1'],
    check: (r) => expect((ok(r) as { resources: unknown[] }).resources).toHaveLength(1),
  },
  {
    behaviour: 'a War Room line pastes in as one argument, JSON with spaces and quotes included',
    args: () => ['request', `!cs-api-request endpoint=${DEVICES} http_method=GET query_parameters={"limit": 2, "filter": "platform_name:'Linux'"}`],
    check: (r) => {
      const body = ok(r) as { resources: string[] };
      expect(body.resources).toHaveLength(2);
      for (const id of body.resources) expect(h.sim.tenant.hosts.get(id)?.platform_name).toBe('Linux');
    },
  },
  {
    behaviour: 'the arguments work without !cs-api-request, split by the shell, with populate_context=true',
    args: () => ['request', `endpoint=${DEVICES.slice(1)}`, 'http_method=GET', 'query_parameters={"limit": 4}', 'populate_context=true'],
    check: (r) => expect((ok(r) as { CrowdStrike: Record<string, unknown[]> }).CrowdStrike[DEVICES.slice(1)]).toHaveLength(4),
  },
  {
    behaviour: 'request_body and http_method=POST send the body; quoted values are unquoted',
    args: () => ['request', `!cs-api-request endpoint=/devices/entities/devices/v2 http_method=POST request_body="{\\"ids\\": [\\"${firstHost()}\\"]}" query_parameters=`],
    check: (r) => expect((ok(r) as { resources: Array<{ device_id: string }> }).resources.map((d) => d.device_id)).toEqual([firstHost()]),
  },
  {
    behaviour: 'populate_context=false keeps the whole response',
    args: () => ['request', `endpoint=${DEVICES}`, 'query_parameters={"limit": 1}', 'populate_context=false'],
    check: (r) => expect(ok(r)).toMatchObject({ meta: expect.any(Object), resources: expect.any(Array) }),
  },
];

function firstHost(): string {
  return [...h.sim.tenant.hosts.keys()][0] as string;
}

describe('talon request mirrors cs-api-request', () => {
  it.each(cases)('$behaviour', async ({ args, check }) => {
    check(await runTalon(args(), { env }));
  });

  it('refuses a War Room argument that a flag also gives, and an unknown one, in one sentence (exit 2)', async () => {
    const both = await runTalon(['request', `endpoint=${DEVICES}`, 'http_method=GET', '-X', 'POST'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^talon: Both -X\/--method and http_method are given: keep one\.\n$/);
    const unknown = await runTalon(['request', `!cs-api-request using=falcon endpoint=${DEVICES}`], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"using=falcon" is not an argument of cs-api-request');
    const missing = await runTalon(['request', 'http_method=GET'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no endpoint=');
  });
});
