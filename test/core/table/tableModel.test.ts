import { describe, expect, it } from 'vitest';
import { initTable, tableCsv, tableReducer, tableRows, windowRows } from '../../../src/core/table/tableModel.js';
import { defaultColumns } from '../../../src/core/table/entityColumns.js';
import { hostRecord } from '../jsonView/fixtures/hostRecords.js';

describe('table model', () => {
  it('finds the rows in an envelope or a bare array, and nothing in a list of ids', () => {
    expect(tableRows({ resources: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    expect(tableRows([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(tableRows({ resources: ['id1', 'id2'] })).toBeUndefined();
    expect(tableRows([])).toBeUndefined();
  });

  it('starts with the columns of the entity kind', () => {
    expect(defaultColumns([hostRecord(1)])).toEqual({ kind: 'hosts', columns: ['hostname', 'device_id', 'platform_name', 'os_version', 'status', 'last_seen'] });
    expect(defaultColumns([{ type: 'sha256', value: 'x', action: 'detect', severity: 'high' }]).kind).toBe('IOCs');
    expect(defaultColumns([{ composite_id: 'c', severity: 50, status: 'new' }])).toEqual({ kind: 'alerts', columns: ['composite_id', 'severity', 'status'] });
    expect(defaultColumns([{ x: 1, y: 2 }, { y: 3, z: 4 }])).toEqual({ columns: ['y', 'x', 'z'] });
  });

  it('the column chooser toggles the key under its cursor, each step from the state the last one left', () => {
    const t = initTable([{ a: 1, b: 2, c: 3 }]);
    expect(t.keys).toEqual(['a', 'b', 'c']);
    const steps = [{ type: 'chooserOpen' }, { type: 'chooserToggle' }, { type: 'chooserToggle' }, { type: 'chooserToggle' }, { type: 'chooserDown' }, { type: 'chooserDown' }, { type: 'chooserDown' }, { type: 'chooserToggle' }] as const;
    const end = steps.reduce(tableReducer, t);
    // a hidden (three toggles), the cursor stops at the last key, c hidden.
    expect(end.columns).toEqual(['b']);
    expect(end.chooser).toBe(2);
    expect(tableReducer(end, { type: 'chooserUp' }).chooser).toBe(1);
    expect(tableReducer(end, { type: 'chooserOpen' }).chooser).toBe(0);
  });

  it('sorts numbers by value, text as people read it, empty cells last, stable', () => {
    const t = initTable([{ n: 10, s: 'b' }, { n: 9, s: '' }, { n: 100, s: 'A' }, { s: 'a' }]);
    const cols = tableReducer(t, { type: 'setColumns', columns: ['n', 's'] });
    const byN = tableReducer(cols, { type: 'sort' });
    expect(windowRows(byN, 10).map((r) => r.n)).toEqual([9, 10, 100, undefined]);
    const byNDesc = tableReducer(byN, { type: 'sort' });
    expect(windowRows(byNDesc, 10).map((r) => r.n)).toEqual([100, 10, 9, undefined]);
    const byS = tableReducer(tableReducer(cols, { type: 'right' }), { type: 'sort' });
    expect(windowRows(byS, 10).map((r) => r.s)).toEqual(['a', 'A', 'b', '']);
  });

  it('windows ten thousand rows and keeps the cursor in view', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ i }));
    let t = initTable(rows);
    t = tableReducer(t, { type: 'bottom', height: 20 });
    expect(t.cursor).toBe(9_999);
    expect(windowRows(t, 20).map((r) => r.i)).toEqual(Array.from({ length: 20 }, (_, k) => 9_980 + k));
    t = tableReducer(t, { type: 'pageUp', height: 20 });
    expect(t.cursor).toBe(9_980);
  });

  it('exports CSV in the shown order and columns, formulas guarded', () => {
    const t = tableReducer(initTable([{ hostname: '=HYPERLINK("x")', n: 2 }, { hostname: 'b,c', n: 1 }]), { type: 'setColumns', columns: ['hostname'] });
    expect(tableCsv(t)).toBe('hostname\r\n"\'=HYPERLINK(""x"")"\r\n"b,c"\r\n');
  });
});
