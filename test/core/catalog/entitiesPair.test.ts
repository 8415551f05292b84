// The catalog's pairing of query operations with their entities operations.
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { DEFAULT_ENTITY_BATCH, entitiesPairFor } from '../../../src/core/catalog/entitiesPair.js';
import { entitiesRequests } from '../../../src/core/shell/fetchEntities.js';

const catalog = bundledCatalog();
const pair = (method: string, path: string) => {
  const p = entitiesPairFor(catalog, method, path);
  return p && { method: p.entities.method.toUpperCase(), path: p.entities.path, via: p.via, batch: p.batch, known: p.batchKnown };
};

describe('entitiesPairFor', () => {
  it('pairs the hosts query with POST /devices/entities/devices/v2 and its 5,000 ids a call', () => {
    expect(pair('GET', '/devices/queries/devices/v1')).toEqual({ method: 'POST', path: '/devices/entities/devices/v2', via: 'body', batch: 5000, known: true });
  });

  it('pairs within the collection, by the queries → entities segment, reads only', () => {
    const hg = pair('GET', '/devices/queries/host-groups/v1');
    expect(hg).toMatchObject({ method: 'GET', path: '/devices/entities/host-groups/v1', via: 'query' });
    // Host groups: the catalog names no maximum, so talon sends 100 a call and says so.
    expect(hg?.batch).toBe(DEFAULT_ENTITY_BATCH);
    expect(hg?.known).toBe(false);
    expect(pair('GET', '/alerts/queries/alerts/v2')?.path).toMatch(/^\/alerts\/entities\/alerts\/v\d$/);
  });

  it('has nothing for an operation that is not a query', () => {
    expect(pair('GET', '/devices/entities/devices/v2')).toBeUndefined();
    expect(pair('GET', '/not/in/the/catalog')).toBeUndefined();
  });

  it('splits ids into batches of the maximum', () => {
    const p = entitiesPairFor(catalog, 'GET', '/devices/queries/devices/v1')!;
    const ids = Array.from({ length: 12_001 }, (_, i) => `id${i}`);
    const reqs = entitiesRequests(p, ids);
    expect(reqs.map((r) => (r.body as { json: { ids: string[] } }).json.ids.length)).toEqual([5000, 5000, 2001]);
    const q = entitiesRequests({ ...p, via: 'query', batch: 2 }, ['a', 'b', 'c']);
    expect(q.map((r) => r.query)).toEqual([[['ids', 'a'], ['ids', 'b']], [['ids', 'c']]]);
  });
});
