// The send policy classifies calls against the bundled scope index; it must
// say exactly what the full catalog says of every operation.
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { bundledScopeCatalog } from '../../../src/core/catalog/scopeIndex.js';
import { classifyRequest } from '../../../src/core/request/sendPolicy.js';

describe('the bundled scope index', () => {
  it('holds every operation of the bundled catalog with its method, path, names and scopes, in order', () => {
    const full = bundledCatalog().operations.map((op) => ({ operationId: op.operationId, method: op.method, path: op.path, scopes: [...op.scopes], publishedId: op.publishedId }));
    expect(bundledScopeCatalog().operations).toEqual(full);
    expect(full.length).toBeGreaterThan(1400);
  });

  it('classifies every operation as the full catalog does', () => {
    const full = bundledCatalog();
    const index = bundledScopeCatalog();
    for (const op of full.operations) {
      const path = op.path.replace(/\{[^}]+\}/g, 'x1');
      const a = classifyRequest({ method: op.method, path }, full);
      const b = classifyRequest({ method: op.method, path }, index);
      expect({ writes: b.writes, because: b.because }).toEqual({ writes: a.writes, because: a.because });
    }
  });

  it('finds a literal path by its line alone, as the whole index would, in any case, and nothing for a prefix of a path', () => {
    const index = bundledScopeCatalog();
    const literal = index.operations.filter((op) => !op.path.includes('{'));
    expect(literal[0]).toBe(index.operations[0]); // the first line, which no newline precedes
    for (const op of literal) {
      expect(index.literalOperation?.(op.method, op.path)).toEqual(op);
      expect(index.literalOperation?.(op.method, op.path.toLowerCase())).toEqual(op);
      expect(index.literalOperation?.(op.method, op.path.toUpperCase())).toEqual(op);
    }
    expect(index.literalOperation?.('POST', '/samples/queries/samples/get/v1')?.path).toBe('/samples/queries/samples/GET/v1');
    expect(index.literalOperation?.('GET', '/devices/queries/devices/v1')?.operationId).toBe('queryDevicesByFilter');
    expect(classifyRequest({ method: 'get', path: '/Devices/Queries/Devices/V1/' }, index).because).toBe('queryDevicesByFilter needs only devices:read');
    expect(index.literalOperation?.('GET', '/devices/queries/devices')).toBeUndefined();
    expect(index.literalOperation?.('GET', '/devices/queries/devices/v1/x')).toBeUndefined();
    expect(index.literalOperation?.('PUT', '/devices/queries/devices/v1')).toBeUndefined();
  });

  // The literal search tries the path as typed, then in any case: both find the same line only if no two differ by case alone.
  it('has no two operations whose method and path differ by case alone', () => {
    const keys = bundledScopeCatalog().operations.map((op) => `${op.method} ${op.path.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
