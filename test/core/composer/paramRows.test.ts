import { describe, expect, it } from 'vitest';
import { composerReducer, initialComposerState, type ComposerState } from '../../../src/core/composer/composerState.js';
import { entryField, paramRows, rowHint, rowRequired, rowSuggestions, rowText, setRowText } from '../../../src/core/composer/paramRows.js';
import { queryDevices, updatePolicy } from './fixtures.js';

const pick = (op = updatePolicy): ComposerState => composerReducer(initialComposerState(), { type: 'pickOperation', operation: op });

describe('paramRows', () => {
  it('lists path parameters, then query rows', () => {
    expect(paramRows(pick())).toEqual([
      { kind: 'path', name: 'policy_id' },
      { kind: 'path', name: 'member_id' },
      { kind: 'query', index: 0 },
    ]);
  });

  it('reads and writes fields; a path parameter name is fixed', () => {
    const s = pick();
    expect(setRowText({ kind: 'path', name: 'policy_id' }, 'key', 'x')).toBeUndefined();
    const next = composerReducer(s, setRowText({ kind: 'path', name: 'policy_id' }, 'value', 'p') ?? { type: 'setBody', text: '' });
    expect(rowText(next, { kind: 'path', name: 'policy_id' }, 'value')).toBe('p');
    expect(rowText(next, { kind: 'query', index: 0 }, 'key')).toBe('action_name');
  });

  it('enters the value unless the name is still empty, and marks required rows', () => {
    const s = composerReducer(pick(queryDevices), { type: 'addQueryRow' });
    expect(entryField(s, { kind: 'query', index: 0 })).toBe('value');
    expect(entryField(s, { kind: 'query', index: 1 })).toBe('key');
    expect(rowRequired(s, { kind: 'query', index: 0 })).toBe(true);
    expect(rowRequired(s, { kind: 'query', index: 1 })).toBe(false);
    expect(rowRequired(pick(), { kind: 'path', name: 'member_id' })).toBe(true);
  });

  it('suggests only for typed text, and not when it already matches exactly', () => {
    let s = composerReducer(pick(queryDevices), { type: 'addQueryRow', key: '' });
    const row = { kind: 'query' as const, index: 1 };
    expect(rowSuggestions(s, row, 'key')).toEqual([]);
    s = composerReducer(s, { type: 'updateQueryRow', index: 1, key: 'so' });
    expect(rowSuggestions(s, row, 'key').map((x) => x.value)).toEqual(['sort']);
    s = composerReducer(s, { type: 'updateQueryRow', index: 1, key: 'sort', value: 'hostname' });
    expect(rowSuggestions(s, row, 'value').map((x) => x.value)).toEqual(['hostname.asc', 'hostname.desc']);
    s = composerReducer(s, { type: 'updateQueryRow', index: 1, value: 'hostname.asc' });
    expect(rowSuggestions(s, row, 'value')).toEqual([]);
  });

  it('describes the parameter of a row, or lists the names left for an empty one', () => {
    const s = composerReducer(pick(queryDevices), { type: 'addQueryRow' });
    expect(rowHint(s, { kind: 'query', index: 0 })).toBe('filter (string, required): FQL filter');
    expect(rowHint(s, { kind: 'query', index: 1 })).toBe('parameters: offset, limit, sort, ids');
    const sorted = composerReducer(s, { type: 'updateQueryRow', index: 1, key: 'sort' });
    expect(rowHint(sorted, { kind: 'query', index: 1 })).toBe('sort (string) — one of hostname.asc | hostname.desc | last_seen.desc');
    const unknown = composerReducer(s, { type: 'updateQueryRow', index: 1, key: 'bogus' });
    expect(rowHint(unknown, { kind: 'query', index: 1 })).toBe('not a parameter of this operation');
  });
});
