// Endpoint search: intent words find the right call, results come with the
// positions to highlight, and a typed path completes segment by segment.
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { completePathSegment } from '../../../src/core/catalog/pathCompletion.js';
import { searchCatalog } from '../../../src/core/catalog/searchCatalog.js';

const catalog = bundledCatalog();
const top = (query: string, n = 1) => searchCatalog(catalog, query, { limit: n }).map((m) => `${m.operation.method} ${m.operation.path}`);

describe('endpoint search ranking', () => {
  it('"contain" finds the host-actions operation first', () => {
    expect(top('contain')).toEqual(['POST /devices/entities/devices-actions/v2']);
    expect(top('lift containment')).toEqual(['POST /devices/entities/devices-actions/v2']);
    expect(top('contain host')).toEqual(['POST /devices/entities/devices-actions/v2']);
  });

  it('"hash devices" finds /indicators/queries/devices/v1 first', () => {
    expect(top('hash devices')).toEqual(['GET /indicators/queries/devices/v1']);
    expect(top('sha256')).toEqual(['GET /indicators/queries/devices/v1']);
  });

  it('"alerts" finds the alerts v2 queries first, deprecated versions later', () => {
    const results = top('alerts', 10);
    expect(results[0]).toBe('GET /alerts/queries/alerts/v2');
    const v1 = results.indexOf('GET /alerts/queries/alerts/v1');
    expect(v1 === -1 || v1 > 3).toBe(true);
  });

  it('"vuln" finds Spotlight', () => {
    const results = searchCatalog(catalog, 'vuln', { limit: 5 });
    expect(results[0]?.operation.path).toBe('/spotlight/queries/vulnerabilities/v1');
    expect(results.every((m) => m.operation.collection.startsWith('Spotlight'))).toBe(true);
  });

  it('matches names, operation ids (even as an acronym) and summaries', () => {
    expect(top('queryDevicesByFilter')).toEqual(['GET /devices/queries/devices/v1']);
    expect(top('qdbf')).toEqual(['GET /devices/queries/devices/v1']);
    expect(top('online state')).toEqual(['GET /devices/entities/online-state/v1']);
    expect(top('host groups', 3)).toContain('GET /devices/queries/host-groups/v1');
  });

  it('needs every word to match', () => {
    expect(searchCatalog(catalog, 'devices zzqxv')).toEqual([]);
    expect(searchCatalog(catalog, 'zzqxv')).toEqual([]);
  });

  it('returns every operation for an empty query, and honours the limit', () => {
    expect(searchCatalog(catalog, '', { limit: 0 })).toHaveLength(catalog.operations.length);
    expect(searchCatalog(catalog, '  ', { limit: 7 })).toHaveLength(7);
    expect(searchCatalog(catalog, 'devices', { limit: 3 })).toHaveLength(3);
    expect(searchCatalog(catalog, 'devices', { limit: 0 }).length).toBeGreaterThan(20);
  });

  it('is the same while typing as when searched at once', () => {
    const typed = 'hash devices';
    for (let i = 1; i < typed.length; i++) searchCatalog(catalog, typed.slice(0, i));
    expect(searchCatalog(catalog, typed, { limit: 10 }).map((m) => m.operation.path)).toEqual(
      searchCatalog(bundledCatalogCopy(), typed, { limit: 10 }).map((m) => m.operation.path),
    );
  });
});

describe('match positions', () => {
  it('marks the matched characters of the path, id and summary', () => {
    const [alerts] = searchCatalog(catalog, 'alerts', { limit: 1 });
    expect(alerts?.pathPositions).toEqual([1, 2, 3, 4, 5, 6]);
    expect(alerts?.operation.path.slice(1, 7)).toBe('alerts');
    const [devices] = searchCatalog(catalog, 'hash devices', { limit: 1 });
    const p = devices!.operation.path;
    expect(devices!.pathPositions.map((i) => p[i]).join('')).toBe('devices');
    const [qdbf] = searchCatalog(catalog, 'qdbf', { limit: 1 });
    expect(qdbf!.operationIdPositions.map((i) => qdbf!.operation.operationId[i]).join('')).toBe('qDBF');
    const [contain] = searchCatalog(catalog, 'contain', { limit: 1 });
    const s = contain!.operation.summary;
    expect(contain!.summaryPositions.map((i) => s[i]).join('').toLowerCase()).toBe('contain');
  });

  it('marks the typed prefix of a path', () => {
    const results = searchCatalog(catalog, '/devices/en', { limit: 50 });
    expect(results.length).toBeGreaterThan(3);
    for (const m of results) {
      expect(m.operation.path.startsWith('/devices/entities/')).toBe(true);
      expect(m.pathPositions).toEqual([...'/devices/en'].map((_, i) => i));
    }
  });

  it('falls back to the letters of a path typed with a segment left out', () => {
    const [hit] = searchCatalog(catalog, '/devices/devices-actions/v2', { limit: 1 });
    expect(hit?.operation.path).toBe('/devices/entities/devices-actions/v2');
    expect(hit?.pathPositions).toHaveLength('/devices/devices-actions/v2'.length);
  });
});

describe('path-segment completion', () => {
  it('offers the next segments under a typed prefix, with counts', () => {
    const next = completePathSegment(catalog, '/devices/en');
    expect(next.map((s) => s.value)).toEqual(['/devices/entities']);
    expect(next[0]).toMatchObject({ segment: 'entities', hasChildren: true, leaf: false });
    expect(next[0]!.count).toBeGreaterThan(5);
    const under = completePathSegment(catalog, '/devices/entities/');
    expect(under.map((s) => s.segment)).toEqual(expect.arrayContaining(['devices', 'devices-actions', 'online-state']));
    const versions = completePathSegment(catalog, '/devices/entities/devices-actions/');
    expect(versions.find((s) => s.segment === 'v2')).toMatchObject({ leaf: true, value: '/devices/entities/devices-actions/v2' });
  });

  it('lists the first segments for "/" and accepts values for {parameters}', () => {
    const roots = completePathSegment(catalog, '/');
    expect(roots.map((s) => s.segment)).toEqual(expect.arrayContaining(['alerts', 'devices', 'spotlight']));
    expect(roots.reduce((n, s) => n + s.count, 0)).toBe(catalog.operations.length);
    // /customobjects/v1/collections/{collection_name}/...: a collection's name stands in for the parameter.
    const after = completePathSegment(catalog, '/customobjects/v1/collections/my-coll/ob');
    expect(after[0]).toMatchObject({ segment: 'objects', value: '/customobjects/v1/collections/my-coll/objects', leaf: true, hasChildren: true });
    // What was typed may itself be a value for a parameter: those come after the literal segments.
    expect(after.map((s) => s.segment)).toEqual(['objects', '{collection_version}']);
    expect(completePathSegment(catalog, '/customobjects/v1/collections/my-coll/').map((s) => s.segment)).toEqual(
      expect.arrayContaining(['objects', 'schemas', '{collection_version}']),
    );
    expect(completePathSegment(catalog, '/nosuchthing/')).toEqual([]);
  });

  it('answers as a scan of every path does, for every folder of every path, in any case, with values for parameters', () => {
    // Every path scanned and compared segment by segment, as simply as can be written.
    const splits = catalog.operations.map((op) => op.path.split('/').slice(1));
    const reference = (typed: string) => {
      const parts = typed.replace(/^\/*/, '').split('/');
      const partial = (parts.pop() ?? '').toLowerCase();
      const dirLower = parts.map((d) => d.toLowerCase());
      const isParam = (t: string) => t.startsWith('{') && t.endsWith('}');
      const found = new Map<string, { segment: string; count: number; leaf: boolean; hasChildren: boolean }>();
      for (const segments of splits) {
        const ok = segments.length > parts.length && dirLower.every((d, k) => (isParam(segments[k]!) ? d.length > 0 : segments[k]!.toLowerCase() === d));
        if (!ok) continue;
        const segment = segments[parts.length]!;
        if (!segment.toLowerCase().startsWith(partial) && !(partial && isParam(segment))) continue;
        const e = found.get(segment) ?? { segment, count: 0, leaf: false, hasChildren: false };
        found.set(segment, e);
        e.count++;
        if (segments.length === parts.length + 1) e.leaf = true;
        else e.hasChildren = true;
      }
      return [...found.values()].sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
    };
    const typed = new Set<string>(['/', '//', '/{x}/', '/DEVICES/Entities/', '/Devices/en', 'devices/', '/customobjects/v1/collections/c1/', '/customobjects/V1/collections/c1/o']);
    for (const op of catalog.operations) {
      const segments = op.path.split('/').slice(1);
      for (let k = 1; k <= segments.length; k++) {
        const folder = `/${segments.slice(0, k).map((s) => (s.startsWith('{') ? 'value-1' : s)).join('/')}`;
        typed.add(`${folder}/`);
        typed.add(folder.slice(0, -1));
      }
    }
    expect(typed.size).toBeGreaterThan(1000);
    const fresh = bundledCatalogCopy(); // nothing cached from the tests above
    for (const t of typed) {
      const got = completePathSegment(fresh, t).map(({ segment, count, leaf, hasChildren }) => ({ segment, count, leaf, hasChildren }));
      expect(got, t).toEqual(reference(t));
    }
    // A parameter as the first segment, and paths written in capitals (an imported spec's).
    const own = { operations: [{ path: '/{tenant}/items/v1' }, { path: '/Items/list' }, { path: '/other/x' }] };
    expect(completePathSegment(own, '/acme/').map((c) => c.value)).toEqual(['/acme/items']);
    expect(completePathSegment(own, '/items/').map((c) => c.value)).toEqual(['/items/items', '/items/list']);
  });
});

function bundledCatalogCopy() {
  // A second decoded catalog: no search state shared with the first.
  return { ...catalog, operations: [...catalog.operations] };
}
