// Every operation of the bundled catalog is found by each of its names: talon's
// (the SDK method), the published definition's id, either with its collection,
// and the published id as FalconPy and the swagger UI spell it (dots, snake case).
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { findOperationsById } from '../../../src/core/catalog/findOperation.js';
import { resolveOperation } from '../../../src/core/catalog/describeOperation.js';
import { searchCatalog } from '../../../src/core/catalog/searchCatalog.js';
import { UserError } from '../../../src/core/errors.js';
import type { CatalogOperation } from '../../../src/core/catalog/types.js';
import { bundledOperationNames } from '../../../src/core/catalog/bundledNames.js';

const catalog = bundledCatalog();
const ops = catalog.operations;

/** `indicatorSearchV1` → `indicator.search.v1`, the dotted style of the newer ids. */
function dotted(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase();
}

function describeOutcome(name: string): CatalogOperation[] {
  try {
    return [resolveOperation(catalog, name)];
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    // Ambiguous: the candidates are listed with their collections.
    return ops.filter((o) => e.details.some((line) => line.startsWith(`${o.collection}.${o.operationId}  ${o.method} ${o.path}`)));
  }
}

describe('operation names', () => {
  it('every operation resolves by talon name, published id and both with the collection, exactly or among the listed candidates', () => {
    const problems: string[] = [];
    for (const op of ops) {
      for (const name of [op.operationId, op.publishedId, `${op.collection}.${op.operationId}`, `${op.collection}.${op.publishedId}`]) {
        const found = findOperationsById(catalog, name);
        if (!found.includes(op)) problems.push(`${name}: not found`);
        const described = describeOutcome(name);
        if (!described.includes(op)) problems.push(`${name}: describe does not name ${op.method} ${op.path}`);
      }
      // Collection-qualified talon names are unique.
      if (findOperationsById(catalog, `${op.collection}.${op.operationId}`).length !== 1) problems.push(`${op.collection}.${op.operationId}: not unique`);
    }
    expect(problems).toEqual([]);
    expect(ops.length).toBeGreaterThan(1400);
  });

  it('every operation resolves by its id written with dots or in snake case, and endpoints lists it first', () => {
    const problems: string[] = [];
    for (const op of ops) {
      for (const name of [dotted(op.publishedId), dotted(op.publishedId).replace(/\./g, '_')]) {
        if (!findOperationsById(catalog, name).includes(op)) problems.push(`${name}: not found`);
        if (name.includes('_')) continue;
        const shared = findOperationsById(catalog, name).length;
        const top = searchCatalog(catalog, name, { limit: 20 }).slice(0, shared).map((m) => m.operation);
        if (!top.includes(op)) problems.push(`${name}: endpoints does not list it among the first ${shared}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the published ids the SDK names cannot give back, such as indicator.search.v1', () => {
    const cases: [string, string, string][] = [
      ['indicator.search.v1', 'GET', '/iocs/queries/indicators/v1'],
      ['indicator.create.v1', 'POST', '/iocs/entities/indicators/v1'],
      ['entities.files.delete.v1', 'DELETE', '/case-files/entities/files/v1'],
      ['queries.cases.get.v1', 'GET', '/cases/queries/cases/v1'],
      ['QueryDevicesByFilter', 'GET', '/devices/queries/devices/v1'],
      ['Hosts.QueryDevicesByFilter', 'GET', '/devices/queries/devices/v1'],
    ];
    for (const [name, method, path] of cases) {
      const op = resolveOperation(catalog, name);
      expect({ name, at: `${op.method} ${op.path}` }).toEqual({ name, at: `${method} ${path}` });
      const [first] = searchCatalog(catalog, name);
      expect(first?.operation).toBe(op);
    }
    expect(resolveOperation(catalog, 'indicatorSearchV1').publishedId).toBe('indicator.search.v1');
  });

  it('lists both operations the published definition calls GetAWSAccounts or DeleteAWSAccounts, with their collections', () => {
    for (const [name, method] of [['GetAWSAccounts', 'GET'], ['DeleteAWSAccounts', 'DELETE']] as const) {
      let error: unknown;
      try {
        resolveOperation(catalog, name);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      const e = error as UserError;
      expect(e.message).toBe(`2 operations are called ${name}: name one as COLLECTION.ID or METHOD PATH.`);
      expect(e.details).toEqual([
        expect.stringMatching(new RegExp(`^CloudConnectAws\\.\\w+  ${method} /cloud-connect-aws/entities/accounts/v1`)),
        expect.stringMatching(new RegExp(`^KubernetesProtection\\.\\w+Mixin0  ${method} /kubernetes-protection/entities/accounts/aws/v1`)),
      ]);
      const narrowed = resolveOperation(catalog, `KubernetesProtection.${name}`);
      expect(narrowed.path).toBe('/kubernetes-protection/entities/accounts/aws/v1');
      const listed = searchCatalog(catalog, name, { limit: 5 }).slice(0, 2).map((m) => m.operation.collection).sort();
      expect(listed).toEqual(['CloudConnectAws', 'KubernetesProtection']);
    }
  });

  it('the names-only reader that completion uses gives each operation its names and path exactly as the full decode', () => {
    const names = bundledOperationNames().operations;
    expect(names).toEqual(ops.map((o) => ({ operationId: o.operationId, publishedId: o.publishedId, method: o.method, path: o.path })));
  });
});
