import { describe, expect, it } from 'vitest';
import { closedValuesOf, suggestParamNames, suggestParamValues } from '../../../src/core/composer/suggestions.js';
import { queryDevices, updatePolicy } from './fixtures.js';

const names = (typed: string, used: string[] = []) => suggestParamNames(queryDevices.params, typed, used).map((s) => s.value);

describe('parameter name suggestions', () => {
  it('puts required parameters first when nothing is typed', () => {
    expect(names('')).toEqual(['filter', 'offset', 'limit', 'sort', 'ids']);
  });

  it('ranks exact, then prefix, then substring matches, case-insensitively', () => {
    expect(names('S')).toEqual(['sort', 'offset', 'ids']);
    expect(names('i')).toEqual(['ids', 'filter', 'limit']);
    expect(names('ids')).toEqual(['ids']);
    expect(names('zzz')).toEqual([]);
  });

  it('orders required before optional within the same rank', () => {
    const params = [
      { name: 'lim_b', in: 'query' as const, type: 'string', required: false, array: false },
      { name: 'lim_a', in: 'query' as const, type: 'string', required: true, array: false },
    ];
    expect(suggestParamNames(params, 'lim').map((s) => s.value)).toEqual(['lim_a', 'lim_b']);
  });

  it('leaves out names already used unless they may repeat, and path parameters', () => {
    expect(names('', ['filter', 'ids'])).toEqual(['offset', 'limit', 'sort', 'ids']);
    expect(suggestParamNames(updatePolicy.params, '').map((s) => s.value)).toEqual(['action_name', 'dry_run']);
  });

  it('describes type and requirement', () => {
    expect(suggestParamNames(queryDevices.params, 'fil')[0]).toEqual({ value: 'filter', detail: 'string, required', required: true });
    expect(suggestParamNames(queryDevices.params, 'ids')[0]?.detail).toBe('string[]');
  });
});

describe('value suggestions', () => {
  const sort = queryDevices.params.find((p) => p.name === 'sort');

  it('suggests enum values matching what is typed, prefix first', () => {
    expect(suggestParamValues(sort, '').map((s) => s.value)).toEqual(['hostname.asc', 'hostname.desc', 'last_seen.desc']);
    expect(suggestParamValues(sort, 'desc').map((s) => s.value)).toEqual(['hostname.desc', 'last_seen.desc']);
    expect(suggestParamValues(sort, 'last').map((s) => s.value)).toEqual(['last_seen.desc']);
  });

  it('offers true and false for booleans and nothing for open strings', () => {
    expect(closedValuesOf(updatePolicy.params.find((p) => p.name === 'dry_run'))).toEqual(['true', 'false']);
    expect(suggestParamValues(queryDevices.params.find((p) => p.name === 'filter'), 'a')).toEqual([]);
    expect(suggestParamValues(undefined, '')).toEqual([]);
  });

  it('leaves out values other rows hold for a repeatable parameter', () => {
    const facet = { name: 'facet', in: 'query' as const, type: 'string', required: false, array: true, enum: ['a', 'b', 'c'] };
    expect(suggestParamValues(facet, '', ['b']).map((s) => s.value)).toEqual(['a', 'c']);
  });
});
