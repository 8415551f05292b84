// Answers in the API's own terms: a lookup's 404 "No results found" is zero
// matches (exit 0), and a 404 on a path the catalog does not know says so and
// names the nearest operation. Against the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/core/catalog/loadCatalog.js';
import { nearestOperation } from '../../src/core/catalog/nearestOperation.js';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';

let h: SimHarness;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  h = await startHarness({ tokenTtl: 1799 });
  env = h.home().env;
});
afterAll(async () => {
  await h.close();
});

const UNSEEN = 'a'.repeat(64);
const COUNT = '/indicators/aggregates/devices-count/v1';

describe('a lookup that matches nothing', () => {
  it('is zero matches, not an error: exit 0, an empty list, and a notice quoting the API', async () => {
    const r = await runTalon(['request', COUNT, '-q', 'type=sha256', '-q', `value=${UNSEEN}`], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ resources: [], errors: [] });
    expect(r.stderr).toBe(`talon: no matches: GET ${COUNT} answered 404 "No results found for sha256 ${UNSEEN}.", which is how this lookup says nothing matched.\n`);
    const ctx = await runTalon(['request', COUNT, '-q', 'type=sha256', '-q', `value=${UNSEEN}`, '-o', 'context'], { env });
    expect(JSON.parse(ctx.stdout)).toEqual({ CrowdStrike: { [COUNT]: [] } });
    const all = await runTalon(['request', COUNT, '-q', 'type=sha256', '-q', `value=${UNSEEN}`, '--all', '-o', 'ndjson'], { env });
    expect({ code: all.code, stdout: all.stdout }).toEqual({ code: 0, stdout: '' });
  });

  it('keeps a 404 for unknown ids an error (exit 1)', async () => {
    const r = await runTalon(['request', '/devices/entities/devices/v2', '-q', `ids=${'0'.repeat(32)}`], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist on this cloud, or the ids you gave are unknown');
  });
});

describe('a path the catalog does not know', () => {
  it('is named as such, with the nearest catalog operation', async () => {
    const r = await runTalon(['request', '/devices/actions/devices/v1', '-X', 'POST', '-q', 'action_name=contain', '-d', '{"ids": []}', '--yes'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'talon: Not found (404): POST /devices/actions/devices/v1 is not an operation the catalog knows. The nearest operation in the catalog is POST /devices/entities/devices-actions/v2 (performActionV2).',
    );
  });

  it('finds the nearest operation by the words of the path, same method first', () => {
    const catalog = bundledCatalog();
    const near = (m: string, p: string) => {
      const op = nearestOperation(catalog, m, p);
      return op && `${op.method} ${op.path}`;
    };
    expect(near('POST', '/devices/actions/devices/v1')).toBe('POST /devices/entities/devices-actions/v2');
    expect(near('GET', '/device/queries/devices/v2')).toBe('GET /devices/queries/devices/v1');
    expect(near('GET', '/zzz/qqq')).toBeUndefined();
  });
});
