// Spot checks on the bundled catalog: the operations, wire names, enums,
// bodies and scopes the rest of talon relies on.
import { describe, expect, it } from 'vitest';
import { bodySkeleton } from '../../../src/core/catalog/bodySkeleton.js';
import { decodeCatalog } from '../../../src/core/catalog/decodeCatalog.js';
import { findOperationByPath, findOperationsById } from '../../../src/core/catalog/findOperation.js';
import { bundledCatalog, loadCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { scopesFor } from '../../../src/core/catalog/scopes.js';
import type { CatalogOperation } from '../../../src/core/catalog/types.js';

const catalog = bundledCatalog();
const op = (method: string, path: string): CatalogOperation => {
  const found = findOperationByPath(catalog, method, path);
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};
const param = (o: CatalogOperation, name: string) => o.params.find((p) => p.name === name);

describe('bundled catalog', () => {
  it('has at least 1,400 operations, named by the SDK package and version', () => {
    expect(catalog.operations.length).toBeGreaterThanOrEqual(1400);
    expect(catalog.source).toMatchObject({ kind: 'sdk', name: 'crowdstrike-falcon', version: '0.7.0', license: 'MIT' });
    expect(catalog.source.notice).toContain('Permission is hereby granted, free of charge');
    expect(loadCatalog()).toBe(catalog);
  });

  it('GET /devices/queries/devices/v1 needs devices:read and takes filter, sort, offset, limit', () => {
    const o = op('GET', '/devices/queries/devices/v1');
    expect(o).toMatchObject({ operationId: 'queryDevicesByFilter', collection: 'Hosts', scopes: ['devices:read'], deprecated: false });
    expect(o.params.map((p) => p.name).sort()).toEqual(['filter', 'limit', 'offset', 'sort']);
    expect(o.params.every((p) => p.in === 'query' && !p.required)).toBe(true);
    expect(o.body).toBeUndefined();
  });

  it('POST /devices/entities/devices-actions/v2 has action_name (contain, lift_containment) and a body with ids', () => {
    const o = op('POST', '/devices/entities/devices-actions/v2');
    expect(o.scopes).toEqual(['devices:write']);
    const action = param(o, 'action_name');
    expect(action).toMatchObject({ in: 'query', required: true, array: false });
    expect(action?.enum).toEqual(expect.arrayContaining(['contain', 'lift_containment']));
    expect(param(o, 'actionName')).toBeUndefined();
    expect(o.body).toMatchObject({ contentType: 'application/json', required: true, schema: { kind: 'ref', name: 'MsaEntityActionRequestV2' } });
    const skeleton = bodySkeleton(o.body!.schema, catalog) as Record<string, unknown>;
    expect(skeleton).toEqual({ ids: [''], action_parameters: [{ name: '', value: '' }] });
    expect(Object.keys(skeleton)[0]).toBe('ids'); // required first
    expect(bodySkeleton(o.body!.schema, catalog, { requiredOnly: true })).toEqual({ ids: [''] });
  });

  it('/indicators/queries/devices/v1 has type and value', () => {
    const o = op('GET', '/indicators/queries/devices/v1');
    expect(o.scopes).toEqual(['iocs:read']);
    expect(param(o, 'type')).toMatchObject({ required: true, enum: expect.arrayContaining(['sha256', 'md5', 'domain']) });
    expect(param(o, 'value')).toMatchObject({ required: true, schema: { kind: 'string' } });
  });

  it('carries wire names, arrays, enums and path parameters', () => {
    const details = op('GET', '/devices/entities/devices/v2');
    expect(param(details, 'ids')).toMatchObject({ array: true, required: true, schema: { kind: 'array', items: { kind: 'string' } } });
    expect(param(op('GET', '/alerts/queries/alerts/v2'), 'include_hidden')).toMatchObject({ schema: { kind: 'boolean' } });
    const sorted = param(op('GET', '/devices/combined/devices/v1'), 'sort');
    expect(sorted?.enum?.length).toBeGreaterThan(50);
    const withPath = catalog.operations.find((o) => o.path.includes('{'));
    expect(withPath?.params.some((p) => p.in === 'path' && withPath.path.includes(`{${p.name}}`))).toBe(true);
    const camel = catalog.operations.flatMap((o) => o.params).filter((p) => /^[a-z]+[A-Z]/.test(p.name) && p.in === 'query');
    expect(camel.length).toBeLessThan(40); // the API's own few camelCase names; the SDK's would be hundreds
  });

  it('marks deprecated operations', () => {
    expect(op('GET', '/alerts/queries/alerts/v1').deprecated).toBe(true);
    expect(op('GET', '/incidents/queries/incidents/v1').deprecated).toBe(true);
    expect(op('GET', '/alerts/queries/alerts/v2').deprecated).toBe(false);
  });

  it('expands nested and form bodies, and stops inside recursive models', () => {
    const alerts = op('PATCH', '/alerts/entities/alerts/v3');
    expect(bodySkeleton(alerts.body!.schema, catalog)).toMatchObject({ composite_ids: [''], action_parameters: [{ name: '', value: '' }] });
    const upload = catalog.operations.find((o) => o.body?.contentType === 'multipart/form-data');
    expect(JSON.stringify(bodySkeleton(upload!.body!.schema, catalog))).toContain('"@FILE"');
    const recursive = decodeCatalog({
      format: 1,
      source: { kind: 'import', name: 't', version: '1', generatedBy: 't' },
      collections: ['c'],
      operations: [{ i: 'x', c: 0, m: 'POST', p: '/x', b: { t: 'application/json', s: { r: 'Node' } } }],
      models: { Node: { o: [['name', 'string', 1], ['children', { a: { r: 'Node' } }, 0], ['when', 'date-time', 0], ['kind', { e: ['a', 'b'] }, 0]] } },
    });
    expect(bodySkeleton(recursive.operations[0]!.body!.schema, recursive)).toEqual({ name: '', children: [{}], when: 'YYYY-MM-DDThh:mm:ssZ', kind: 'a' });
  });

  it('finds operations by id, however written, and by concrete path', () => {
    expect(findOperationsById(catalog, 'QueryDevicesByFilter').map((o) => o.path)).toEqual(['/devices/queries/devices/v1']);
    expect(findOperationsById(catalog, 'query_devices_by_filter')).toHaveLength(1);
    expect(findOperationsById(catalog, 'getRules').length).toBeGreaterThan(1);
    expect(findOperationsById(catalog, 'FirewallManagement.getRules')).toHaveLength(1);
    const templated = catalog.operations.find((o) => /\{[^}]+\}/.test(o.path))!;
    const concrete = templated.path.replace(/\{[^}]+\}/g, 'abc123');
    expect(findOperationByPath(catalog, templated.method.toLowerCase(), `${concrete}?x=1`)).toBe(templated);
  });

  it('tells the scopes a call needs', () => {
    expect(scopesFor('GET', '/devices/queries/devices/v1')).toEqual(['devices:read']);
    expect(scopesFor('post', '/devices/entities/devices-actions/v2?action_name=contain')).toEqual(['devices:write']);
    expect(scopesFor('GET', '/spotlight/queries/vulnerabilities/v1')).toEqual(['spotlight-vulnerabilities:read']);
    expect(scopesFor('PATCH', '/alerts/entities/alerts/v3')).toEqual(['alerts:write']);
    expect(scopesFor('POST', '/oauth2/token')).toEqual([]);
    expect(scopesFor('GET', '/no/such/path')).toBeUndefined();
  });
});
