// `talon endpoints`, `talon describe` and `talon catalog import|reset|info`,
// run through a commander program with captured output.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { endpointTable, registerCatalogCommands } from '../../../src/cli/catalog.js';
import { importedCatalogPath } from '../../../src/core/catalog/catalogStore.js';
import { ProfileStore } from '../../../src/core/config/profileStore.js';
import { UserError } from '../../../src/core/errors.js';

const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});
function newHome(): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'talon-catalog-cli-'));
  homes.push(home);
  return { TALON_HOME: home };
}
const spec = (name: string) => fileURLToPath(new URL(`../../fixtures/specs/${name}`, import.meta.url));

async function talon(args: string[], env: NodeJS.ProcessEnv = newHome(), columns?: number): Promise<string> {
  let out = '';
  const program = new Command('talon').exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  registerCatalogCommands(program, { env, stdout: (s) => (out += s), columns: () => columns });
  await program.parseAsync(args, { from: 'user' });
  return out;
}

describe('talon endpoints', () => {
  it('prints the best matches as a table of method, path, scope and summary', async () => {
    const out = await talon(['endpoints', 'contain', '--limit', '3'], newHome(), 100);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+SCOPE\s+SUMMARY$/);
    expect(lines[1]).toMatch(/^POST\s+\/devices\/entities\/devices-actions\/v2\s+devices:write\s+Take various action/);
    expect(lines.every((l) => l.length <= 100)).toBe(true);
    expect(lines[1]).toMatch(/…$/);
  });

  it('takes several words without quotes, and prints JSON', async () => {
    const json = JSON.parse(await talon(['endpoints', 'hash', 'devices', '--json', '--limit', '2'])) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({ operationId: 'devicesRanOn', method: 'GET', path: '/indicators/queries/devices/v1', scopes: ['iocs:read'] });
    expect(Object.keys(json[0]!)).toEqual(expect.arrayContaining(['operationId', 'method', 'path', 'scopes', 'summary']));
  });

  it('lists every operation without a query', async () => {
    const json = JSON.parse(await talon(['endpoints', '--json'])) as unknown[];
    expect(json.length).toBeGreaterThanOrEqual(1400);
    expect((await talon(['endpoints'])).trimEnd().split('\n')).toHaveLength(json.length + 1);
  });

  it('says so when nothing matches, and rejects a bad limit', async () => {
    expect(await talon(['endpoints', 'zzqxv'])).toBe('No operation matches "zzqxv".\n');
    await expect(talon(['endpoints', 'x', '--limit', 'many'])).rejects.toThrow('--limit must be a whole number, 0 or more (got "many").');
  });

  it('cuts summaries to the width it is given', () => {
    const table = endpointTable([{ operationId: 'x', publishedId: 'X', collection: 'C', method: 'GET', path: '/x', summary: 'a'.repeat(200), scopes: [], deprecated: true, params: [] }], 60);
    const row = table.split('\n')[1]!;
    expect(row).toMatch(/^GET\s+\/x\s+-\s+\[deprecated\] a+…$/);
    expect(row).toHaveLength(60);
  });
});

describe('talon describe', () => {
  it('shows parameters, enum values, body skeleton and scopes by operation id', async () => {
    const out = await talon(['describe', 'performActionV2']);
    expect(out).toContain('POST /devices/entities/devices-actions/v2');
    expect(out).toContain('scopes     devices:write');
    expect(out).toMatch(/action_name\s+string\s+query, required/);
    expect(out).toContain('one of: contain, lift_containment');
    expect(out).toContain('Body (application/json, required, MsaEntityActionRequestV2)');
    expect(out).toContain('"ids": [');
  });

  it('takes METHOD PATH, and prints JSON', async () => {
    const d = JSON.parse(await talon(['describe', 'get', '/devices/queries/devices/v1', '--json'])) as Record<string, unknown>;
    expect(d).toMatchObject({ operationId: 'queryDevicesByFilter', method: 'GET', scopes: ['devices:read'] });
    expect((d.params as Array<{ name: string }>).map((p) => p.name).sort()).toEqual(['filter', 'limit', 'offset', 'sort']);
  });

  it('explains what it cannot find', async () => {
    await expect(talon(['describe', 'QueryDevicesByFiltr'])).rejects.toThrow(/^The catalog has no operation called QueryDevicesByFiltr\. Did you mean queryDevicesByFilter \(GET \/devices\/queries\/devices\/v1\)/);
    await expect(talon(['describe', 'POST', '/devices/queries/devices/v1'])).rejects.toThrow('The catalog has no operation POST /devices/queries/devices/v1. That path has GET.');
    await expect(talon(['describe', 'getRules'])).rejects.toThrow(/^2 operations are called getRules: name one as COLLECTION\.ID or METHOD PATH\.$/);
    await expect(talon(['describe', 'getRules'])).rejects.toMatchObject({ details: [expect.stringMatching(/^\w+\.getRules {2}GET \//), expect.stringMatching(/^\w+\.getRules {2}GET \//)] });
    await expect(talon(['describe', 'GET'])).rejects.toBeInstanceOf(UserError);
    // A path alone is enough when it has one method; with several, the error names them.
    expect(await talon(['describe', '/devices/queries/devices/v1'])).toContain('GET /devices/queries/devices/v1');
    await expect(talon(['describe', '/devices/entities/devices/v2'])).rejects.toThrow(/^\/devices\/entities\/devices\/v2 has GET, POST: name one, e\.g\. describe GET \/devices\/entities\/devices\/v2\.$/);
    await expect(talon(['describe', '/devices/queries/devicez/v1'])).rejects.toThrow(/^The catalog has no operation at \/devices\/queries\/devicez\/v1\. Did you mean /);
    await expect(talon(['describe', 'POST', '/devices/entities/device-actions/v2'])).rejects.toThrow(
      'The catalog has no operation POST /devices/entities/device-actions/v2. Did you mean performActionV2 (POST /devices/entities/devices-actions/v2)?',
    );
  });
});

describe('talon catalog', () => {
  it('imports a spec with a dangling reference and says how many references could not be resolved, and where', async () => {
    const out = await talon(['catalog', 'import', spec('dangling-ref.json')]);
    expect(out).toMatch(/^Imported 2 operations in 1 collection .*\n/);
    expect(out).toContain(
      '2 references could not be resolved; the schemas behind them are unknown (any value):\n' +
        '  #/definitions/msaspec.Paging (used in model msaspec.MetaInfo)\n' +
        '  #/parameters/nowhere (used in GET /malquery/aggregates/quotas/v1)\n',
    );
  });

  it('imports a spec for the default profile, uses it, and resets to the bundled catalog', async () => {
    const env = newHome();
    ProfileStore.open(env).add({ name: 'lab', clientId: 'id-lab' });
    ProfileStore.open(env).setDefault('lab');
    const imported = await talon(['catalog', 'import', spec('swagger2-widgets.json')], env);
    expect(imported).toMatch(/^Imported 5 operations in 2 collections \(5 with scopes\) from .*swagger2-widgets\.json \(Widget API 2024-05\)\.\nIt is now the catalog for profile "lab"/);
    expect(existsSync(importedCatalogPath('lab', env))).toBe(true);
    expect(await talon(['catalog', 'info'], env)).toContain('Catalog for profile "lab": imported from swagger2-widgets.json (Widget API 2024-05)\n5 operations in 2 collections');
    expect(JSON.parse(await talon(['endpoints', 'spin', '--json'], env))[0]).toMatchObject({ operationId: 'PerformWidgetAction' });
    expect(await talon(['describe', 'DeleteWidget'], env)).toContain('(deprecated)');
    // another profile still has the bundled catalog
    const bundled = JSON.parse(await talon(['catalog', 'info', '--json', '--profile', 'default'], env)) as Record<string, unknown>;
    expect(bundled).toMatchObject({ source: 'bundled', name: 'crowdstrike-falcon', version: '0.7.0' });
    expect(bundled.operations as number).toBeGreaterThanOrEqual(1400);
    expect(await talon(['catalog', 'reset'], env)).toBe('Profile "lab" uses the bundled catalog again.\n');
    expect(await talon(['catalog', 'reset'], env)).toBe('Profile "lab" already uses the bundled catalog (nothing was imported).\n');
    expect(await talon(['catalog', 'info'], env)).toMatch(/^Catalog for profile "lab": bundled, generated from crowdstrike-falcon 0\.7\.0 \(MIT\)/);
  });

  it('imports YAML for a named profile and refuses an unknown one', async () => {
    const env = newHome();
    expect(await talon(['catalog', 'import', spec('openapi3-gadgets.yaml'), '--profile', 'default'], env)).toContain('for profile "default"');
    expect(JSON.parse(await talon(['catalog', 'info', '--json'], env))).toMatchObject({ profile: 'default', source: 'imported', operations: 3 });
    await expect(talon(['catalog', 'import', spec('openapi3-gadgets.yaml'), '--profile', 'nosuch'], env)).rejects.toThrow(/^No profile named "nosuch"/);
  });

  it('reports a bad file in one sentence and keeps the catalog it had', async () => {
    const env = newHome();
    await expect(talon(['catalog', 'import', spec('not-a-spec.json')], env)).rejects.toThrow(/not-a-spec\.json: it is not a Swagger 2\.0 or OpenAPI 3 document/);
    expect(JSON.parse(await talon(['catalog', 'info', '--json'], env))).toMatchObject({ source: 'bundled' });
  });
});
