import { describe, expect, it } from 'vitest';
import {
  bodyProblem,
  buildRequest,
  composerReducer,
  initialComposerState,
  isRequiredQueryKey,
  type ComposerAction,
  type ComposerState,
} from '../../../src/core/composer/composerState.js';
import { getAlerts, queryDevices, updatePolicy } from './fixtures.js';

function apply(state: ComposerState, ...actions: ComposerAction[]): ComposerState {
  return actions.reduce(composerReducer, state);
}

const picked = (op = updatePolicy) => apply(initialComposerState(), { type: 'pickOperation', operation: op });

describe('pickOperation', () => {
  it('lays out the path parameters, one row per required query parameter and the body skeleton', () => {
    const s = picked();
    expect(s.method).toBe('PATCH');
    expect(s.pathTemplate).toBe('/policy/entities/{policy_id}/members/{member_id}/v1');
    expect(s.pathParams).toEqual({ policy_id: '', member_id: '' });
    expect(s.queryRows).toEqual([{ key: 'action_name', value: '' }]);
    expect(JSON.parse(s.bodyText)).toEqual(updatePolicy.bodySkeleton);
    expect(s.bodyText).toContain('\n  "ids": [');
    expect(isRequiredQueryKey(s, 'action_name')).toBe(true);
    expect(isRequiredQueryKey(s, 'dry_run')).toBe(false);
  });

  it('adds only required query rows and no body for a GET', () => {
    expect(picked(queryDevices).queryRows).toEqual([{ key: 'filter', value: '' }]);
    expect(picked(getAlerts).bodyText).toBe('');
  });

  it('replaces what was composed before', () => {
    const s = apply(picked(), { type: 'addQueryRow', key: 'x', value: '1' }, { type: 'pickOperation', operation: queryDevices });
    expect(s.queryRows).toEqual([{ key: 'filter', value: '' }]);
    expect(s.pathParams).toEqual({});
  });
});

describe('buildRequest', () => {
  it('names every missing required path and query parameter', () => {
    const r = buildRequest(picked());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'Path parameter {policy_id} is missing.',
      'Path parameter {member_id} is missing.',
      'Query parameter "action_name" is required.',
    ]);
  });

  it('reports invalid JSON with its line and column', () => {
    const s = apply(picked(queryDevices), { type: 'setMethod', method: 'POST' }, { type: 'setBody', text: '{\n  "a": 1\n  "b": 2\n}' });
    expect(bodyProblem(s)).toEqual({ line: 3, column: 3, message: "',' expected" });
    const r = buildRequest(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain("Body: line 3, column 3: ',' expected.");
  });

  it('substitutes URL-encoded path values and sends the JSON body', () => {
    const s = apply(
      picked(),
      { type: 'setPathParam', name: 'policy_id', value: 'a/b c' },
      { type: 'setPathParam', name: 'member_id', value: 'é?' },
      { type: 'updateQueryRow', index: 0, value: 'enable' },
      { type: 'setBody', text: '{"ids":["x"]}' },
    );
    expect(buildRequest(s)).toEqual({
      ok: true,
      request: {
        method: 'PATCH',
        path: '/policy/entities/a%2Fb%20c/members/%C3%A9%3F/v1',
        query: [['action_name', 'enable']],
        body: { json: { ids: ['x'] } },
      },
    });
  });

  it('keeps repeated keys in order and skips empty rows', () => {
    const s = apply(
      picked(queryDevices),
      { type: 'updateQueryRow', index: 0, value: "hostname:'a'" },
      { type: 'addQueryRow', key: 'ids', value: 'b' },
      { type: 'addQueryRow' },
      { type: 'addQueryRow', key: 'limit', value: '' },
      { type: 'addQueryRow', after: 0, key: 'ids', value: 'a' },
    );
    const r = buildRequest(s);
    expect(r.ok && r.request.query).toEqual([
      ['filter', "hostname:'a'"],
      ['ids', 'a'],
      ['ids', 'b'],
    ]);
  });

  it('points out a value without a name, an empty path and a body on a GET', () => {
    const s = apply(initialComposerState(), { type: 'addQueryRow', value: 'v' }, { type: 'setBody', text: '{}' });
    const r = buildRequest(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        'The path is empty.',
        'Query row 1 has a value but no name.',
        'A GET request carries no body: clear the body or pick another method.',
      ]);
    }
  });

  it('accepts an empty body unless the operation declares one', () => {
    const manual = apply(initialComposerState('POST', '/x/v1'));
    expect(bodyProblem(manual)).toBeUndefined();
    expect(buildRequest(manual)).toEqual({ ok: true, request: { method: 'POST', path: '/x/v1' } });
    const emptied = apply(picked(), { type: 'setBody', text: '  ' });
    expect(bodyProblem(emptied)).toEqual({ line: 1, column: 1, message: 'a JSON body expected' });
  });
});

describe('editing', () => {
  it('cycles the method through the five composer methods', () => {
    let s = initialComposerState();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      s = composerReducer(s, { type: 'cycleMethod', delta: 1 });
      seen.push(s.method);
    }
    expect(seen).toEqual(['POST', 'PUT', 'PATCH', 'DELETE', 'GET']);
    expect(composerReducer(s, { type: 'cycleMethod', delta: -1 }).method).toBe('DELETE');
    expect(composerReducer(initialComposerState('HEAD'), { type: 'cycleMethod', delta: 1 }).method).toBe('GET');
  });

  it('parses placeholders of a typed path and keeps values still in use', () => {
    const s = apply(
      initialComposerState(),
      { type: 'setPath', path: '/a/{x}/b/{y}' },
      { type: 'setPathParam', name: 'x', value: '1' },
      { type: 'setPath', path: '/a/{x}/c/{z}' },
    );
    expect(s.pathParams).toEqual({ x: '1', z: '' });
  });

  it('drops the operation when the path is typed away from it', () => {
    const s = apply(picked(queryDevices), { type: 'setPath', path: '/other/v1' });
    expect(s.operation).toBeUndefined();
    expect(apply(picked(queryDevices), { type: 'setPath', path: queryDevices.path }).operation).toBe(queryDevices);
  });

  it('removes and updates rows by index, ignoring indexes out of range', () => {
    const s = apply(
      initialComposerState(),
      { type: 'addQueryRow', key: 'a', value: '1' },
      { type: 'addQueryRow', key: 'b', value: '2' },
      { type: 'removeQueryRow', index: 0 },
      { type: 'removeQueryRow', index: 5 },
      { type: 'updateQueryRow', index: 3, key: 'nope' },
      { type: 'updateQueryRow', index: 0, key: 'c' },
    );
    expect(s.queryRows).toEqual([{ key: 'c', value: '2' }]);
  });
});

describe('loadRequest', () => {
  it('round-trips a built request, recovering path values with the operation', () => {
    const composed = apply(
      picked(),
      { type: 'setPathParam', name: 'policy_id', value: 'p 1' },
      { type: 'setPathParam', name: 'member_id', value: 'm/2' },
      { type: 'updateQueryRow', index: 0, value: 'disable' },
      { type: 'addQueryRow', key: 'dry_run', value: 'true' },
      { type: 'setBody', text: '{"ids":["a"]}' },
    );
    const built = buildRequest(composed);
    if (!built.ok) throw new Error(built.problems.join(' '));
    const loaded = composerReducer(initialComposerState(), { type: 'loadRequest', request: built.request, operation: updatePolicy });
    expect(loaded.pathTemplate).toBe(updatePolicy.path);
    expect(loaded.pathParams).toEqual({ policy_id: 'p 1', member_id: 'm/2' });
    expect(loaded.operation).toBe(updatePolicy);
    expect(buildRequest(loaded)).toEqual(built);
  });

  it('keeps a concrete path when no operation matches it', () => {
    const loaded = composerReducer(initialComposerState(), {
      type: 'loadRequest',
      request: { method: 'DELETE', path: '/x/entities/y/v1', query: [['ids', '1'], ['ids', '2']] },
      operation: updatePolicy,
    });
    expect(loaded.pathTemplate).toBe('/x/entities/y/v1');
    expect(loaded.operation).toBeUndefined();
    expect(loaded.queryRows).toEqual([{ key: 'ids', value: '1' }, { key: 'ids', value: '2' }]);
    expect(buildRequest(loaded)).toEqual({
      ok: true,
      request: { method: 'DELETE', path: '/x/entities/y/v1', query: [['ids', '1'], ['ids', '2']] },
    });
  });
});
