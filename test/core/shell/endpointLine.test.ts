// The endpoint line is the request: its path finds the operation, a typed
// ?query becomes rows, and rows of an earlier operation are not carried over.
import { describe, expect, it } from 'vitest';
import { buildRequest, composerReducer, initialComposerState, type ComposerState } from '../../../src/core/composer/composerState.js';
import { applyEndpointLine, splitQuery } from '../../../src/core/shell/endpointLine.js';
import type { OperationShape } from '../../../src/core/composer/operationShape.js';
import { queryDevices, updatePolicy } from '../composer/fixtures.js';

const OPS: OperationShape[] = [queryDevices, updatePolicy];
const find = (method: string, path: string) =>
  OPS.find((op) => op.method === method && (op.path === path || new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)));

function apply(state: ComposerState, text: string) {
  const applied = applyEndpointLine(state, text, find);
  return { ...applied, state: applied.actions.reduce(composerReducer, state) };
}

describe('applyEndpointLine', () => {
  it('splits and decodes a typed query', () => {
    expect(splitQuery(' /x/v1?limit=2&filter=a%3Db+c ')).toEqual({ path: '/x/v1', query: [['limit', '2'], ['filter', 'a=b c']] });
  });

  it('moves ?limit=2 into a parameter row and sends it once', () => {
    const { state, line, warning } = apply(initialComposerState(), '/devices/queries/devices/v1?limit=2');
    expect(line).toBe('/devices/queries/devices/v1');
    expect(warning).toBeUndefined();
    expect(state.operation?.operationId).toBe('QueryDevicesByFilter');
    expect(state.queryRows).toContainEqual({ key: 'limit', value: '2' });
    const built = buildRequest({ ...state, queryRows: state.queryRows.map((r) => (r.key === 'filter' ? { ...r, value: 'x' } : r)) });
    expect(built.ok && built.request.query).toEqual([['filter', 'x'], ['limit', '2']]);
    expect(built.ok && built.request.path).toBe('/devices/queries/devices/v1');
  });

  it('fills a required row the operation laid out instead of adding a second', () => {
    const { state } = apply(initialComposerState(), '/devices/queries/devices/v1?filter=platform_name:"Linux"');
    expect(state.queryRows).toEqual([{ key: 'filter', value: 'platform_name:"Linux"' }]);
  });

  it('fills path parameters from a concrete path', () => {
    const { state, line } = apply(initialComposerState('POST'), '/policy/entities/p1/members/m2/v1');
    expect(line).toBe(updatePolicy.path);
    expect(state.pathParams).toEqual({ policy_id: 'p1', member_id: 'm2' });
  });

  it('drops the rows of the previous operation for a path of its own, and warns it is not in the catalog', () => {
    let state = apply(initialComposerState(), '/devices/queries/devices/v1?limit=5').state;
    const next = apply(state, '/custom/thing/v1?note=x');
    state = next.state;
    expect(next.warning).toBe('/custom/thing/v1 is not in the catalog: it is sent as typed.');
    expect(state.operation).toBeUndefined();
    const built = buildRequest(state);
    expect(built.ok && built.request).toEqual({ method: 'GET', path: '/custom/thing/v1', query: [['note', 'x']] });
  });

  it('keeps the rows when the line still names the same operation', () => {
    let state = apply(initialComposerState(), '/devices/queries/devices/v1').state;
    state = composerReducer(state, { type: 'addQueryRow', key: 'limit', value: '9' });
    const again = apply(state, '/devices/queries/devices/v1');
    expect(again.actions).toEqual([]);
  });
});
