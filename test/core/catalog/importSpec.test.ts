// Importing a Swagger 2.0 or OpenAPI 3 file as a catalog, and the one-sentence
// errors for files that are not one.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodySkeleton } from '../../../src/core/catalog/bodySkeleton.js';
import { decodeCatalog } from '../../../src/core/catalog/decodeCatalog.js';
import { describeUnresolved, importSpec, importSpecFile } from '../../../src/core/catalog/importSpec.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scopesFor } from '../../../src/core/catalog/scopes.js';
import { searchCatalog } from '../../../src/core/catalog/searchCatalog.js';
import { UserError } from '../../../src/core/errors.js';

const spec = (name: string) => fileURLToPath(new URL(`../../fixtures/specs/${name}`, import.meta.url));
const imported = async (name: string) => decodeCatalog(await importSpecFile(spec(name)));

describe('importing a Swagger 2.0 file', () => {
  it('converts operations, wire-named parameters, bodies, scopes and deprecation', async () => {
    const catalog = await imported('swagger2-widgets.json');
    expect(catalog.source).toEqual({ kind: 'import', name: 'Widget API', version: '2024-05', generatedBy: 'swagger2-widgets.json' });
    expect(catalog.operations).toHaveLength(5);
    expect(catalog.collections).toEqual(['widget-actions', 'widgets']);
    const query = catalog.operations.find((o) => o.operationId === 'QueryWidgets')!;
    expect(query).toMatchObject({ method: 'GET', path: '/widgets/queries/widgets/v1', scopes: ['widgets:read'], collection: 'widgets' });
    expect(query.params.map((p) => [p.name, p.schema.kind, p.required])).toEqual([
      ['filter', 'string', false],
      ['limit', 'integer', false],
      ['sort', 'enum', false],
      ['offset', 'integer', false], // from #/parameters/offset
    ]);
    const ids = catalog.operations.find((o) => o.operationId === 'GetWidgets')!.params[0]!;
    expect(ids).toMatchObject({ name: 'ids', array: true, required: true });
    expect(ids.collectionFormat).toBeUndefined(); // multi: repeated keys
    const action = catalog.operations.find((o) => o.operationId === 'PerformWidgetAction')!;
    expect(action.params[0]).toMatchObject({ name: 'action_name', enum: ['spin', 'stop'], required: true });
    expect(action.body).toMatchObject({ contentType: 'application/json', required: true, schema: { kind: 'ref', name: 'widgets.ActionRequest' } });
    // read-only fields are never sent, so they are not in the skeleton
    expect(bodySkeleton(action.body!.schema, catalog)).toEqual({ ids: [''], action_parameters: [{ name: 'speed', value: '' }] });
    const del = catalog.operations.find((o) => o.operationId === 'DeleteWidget')!;
    expect(del).toMatchObject({ deprecated: true, params: [expect.objectContaining({ name: 'id', in: 'path', required: true })] });
    const upload = catalog.operations.find((o) => o.operationId === 'UploadBlueprint')!;
    expect(upload.body?.contentType).toBe('multipart/form-data');
    expect(bodySkeleton(upload.body!.schema, catalog)).toEqual({ file: '@FILE', comment: '' });
    expect(scopesFor('DELETE', '/widgets/entities/widgets/w-1/v1', catalog)).toEqual(['widgets:write']);
    expect(searchCatalog(catalog, 'spin', { limit: 1 })[0]?.operation.operationId).toBe('PerformWidgetAction');
  });
});

describe('importing an OpenAPI 3 file (YAML)', () => {
  it('converts request bodies, $ref parameters, allOf, maps and recursive schemas', async () => {
    const catalog = await imported('openapi3-gadgets.yaml');
    expect(catalog.source).toMatchObject({ kind: 'import', name: 'Gadget API', version: '1.2.0' });
    const get = catalog.operations.find((o) => o.operationId === 'getGadgets')!;
    expect(get.scopes).toEqual(['gadgets:read']); // from the document's security
    expect(get.params[0]).toMatchObject({ name: 'ids', array: true, required: true, collectionFormat: 'csv' });
    const create = catalog.operations.find((o) => o.operationId === 'createGadgets')!;
    expect(create.scopes).toEqual(['gadgets:write']);
    expect(bodySkeleton(create.body!.schema, catalog)).toEqual({
      resources: [{ name: '', kind: 'lamp', tree: { name: '', children: [{}] }, labels: {}, seen_at: 'YYYY-MM-DDThh:mm:ssZ' }],
    });
    const update = catalog.operations.find((o) => o.operationId === 'updateGadget')!;
    expect(update.params.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'header:X-Trace']);
    expect(update.body).toMatchObject({ required: false, schema: { kind: 'ref', name: 'Named' } });
  });
});

describe('importing a file that is not a usable spec', () => {
  const cases: Array<[string, RegExp]> = [
    ['broken-syntax.yaml', /^Cannot import .*broken-syntax\.yaml: it is not valid JSON or YAML: .+ at line 9, column 1\.$/],
    ['not-a-spec.json', /^Cannot import .*not-a-spec\.json: it is not a Swagger 2\.0 or OpenAPI 3 document \(it has no "swagger": "2\.0" or "openapi": "3\.x" field\)\.$/],
    ['no-paths.yaml', /^Cannot import .*no-paths\.yaml: it has no paths, so it describes no operations\.$/],
    ['missing.json', /^Cannot import .*missing\.json: there is no such file\.$/],
  ];
  for (const [file, message] of cases) {
    it(`explains what is wrong with ${file}`, async () => {
      const error = await importSpecFile(spec(file)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toMatch(message);
    });
  }
});

describe('importing a file with references that point at nothing', () => {
  it('makes those schemas unknown, imports every operation, and reports how many references and where', async () => {
    const { catalog: file, unresolved } = await importSpec(spec('dangling-ref.json'));
    const catalog = decodeCatalog(file);
    expect(catalog.operations.map((o) => o.operationId).sort()).toEqual(['GetMalQueryQuotasV1', 'PostMalQueryExactSearchV1']);
    expect(catalog.model('msaspec.Paging')).toEqual({ kind: 'any' });
    expect(catalog.model('msaspec.MetaInfo')).toMatchObject({ kind: 'object', properties: [{ name: 'query_time' }, { name: 'pagination', schema: { kind: 'ref', name: 'msaspec.Paging' } }] });
    const search = catalog.operations.find((o) => o.operationId === 'PostMalQueryExactSearchV1')!;
    expect(bodySkeleton(search.body!.schema, catalog)).toMatchObject({ patterns: [''] });
    expect(catalog.operations.find((o) => o.operationId === 'GetMalQueryQuotasV1')!.params.map((p) => p.name)).toEqual(['limit']);
    expect(unresolved).toEqual([
      { ref: '#/definitions/msaspec.Paging', usedIn: ['model msaspec.MetaInfo'] },
      { ref: '#/parameters/nowhere', usedIn: ['GET /malquery/aggregates/quotas/v1'] },
    ]);
    expect(describeUnresolved(unresolved)[0]).toBe('2 references could not be resolved; the schemas behind them are unknown (any value):');
    expect(describeUnresolved(unresolved)).toContain('  #/definitions/msaspec.Paging (used in model msaspec.MetaInfo)');
  });

  it('imports a ~3 MB console-sized swagger in under a second', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-big-spec-'));
    try {
      const path = join(dir, 'big.json');
      const text = JSON.stringify(bigSwagger(1500), null, 1);
      expect(text.length).toBeGreaterThan(3_000_000);
      writeFileSync(path, text);
      const started = performance.now();
      const { catalog, unresolved } = await importSpec(path);
      const took = performance.now() - started;
      expect(catalog.operations).toHaveLength(1500);
      expect(unresolved).toEqual([{ ref: '#/definitions/msaspec.Paging', usedIn: ['model msaspec.MetaInfo'] }]);
      expect(took).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A spec shaped like the console's export: many collections, each with query/entities calls and their models. */
function bigSwagger(operations: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const definitions: Record<string, unknown> = {
    'msaspec.MetaInfo': { type: 'object', properties: { query_time: { type: 'number' }, pagination: { $ref: '#/definitions/msaspec.Paging' }, trace_id: { type: 'string' } } },
  };
  for (let n = 0; n < operations; n++) {
    const family = `family${Math.floor(n / 10)}`;
    const model = `${family}.Entity${n}`;
    definitions[model] = {
      type: 'object',
      required: ['id'],
      properties: {
        meta: { $ref: '#/definitions/msaspec.MetaInfo' },
        ...Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`field_${k}`, { type: k % 3 === 0 ? 'integer' : 'string', description: `Field ${k} of entity ${n}, as the console describes it at some length.` }])),
      },
    };
    definitions[`${model}Response`] = { type: 'object', properties: { meta: { $ref: '#/definitions/msaspec.MetaInfo' }, resources: { type: 'array', items: { $ref: `#/definitions/${model}` } } } };
    paths[`/${family}/entities/thing-${n}/v1`] = {
      [n % 2 ? 'post' : 'get']: {
        operationId: `Operation${n}`,
        tags: [family],
        summary: `Does thing ${n} to the ${family} entities, with a description as long as the console's are.`,
        security: [{ oauth2: [`${family}:${n % 2 ? 'write' : 'read'}`] }],
        parameters: [
          { name: 'ids', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi', description: 'The ids.' },
          { name: 'filter', in: 'query', type: 'string', description: 'FQL filter.' },
          ...(n % 2 ? [{ name: 'body', in: 'body', required: true, schema: { $ref: `#/definitions/${model}` } }] : []),
        ],
        responses: { '200': { description: 'OK', schema: { $ref: `#/definitions/${model}Response` } } },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'Big console export', version: '2026-01' }, paths, definitions };
}

describe('importing never reads other files', () => {
  it('refuses a $ref to another local file, and its contents never reach the catalog', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'talon-spec-'));
    writeFileSync(join(dir, 'secret.json'), JSON.stringify({ type: 'string', description: 'PRIVATE-KEY-MATERIAL' }));
    const doc = {
      swagger: '2.0',
      info: { title: 'x', version: '1' },
      paths: { '/x/v1': { get: { operationId: 'x', responses: { 200: { description: 'ok', schema: { $ref: './secret.json' } } } } } },
    };
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(doc));
    const err = await importSpecFile(join(dir, 'spec.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(/it refers to another file \(.*secret\.json\); talon reads only the spec file itself/);
    expect((err as Error).message).not.toContain('PRIVATE-KEY-MATERIAL');
  });
});
