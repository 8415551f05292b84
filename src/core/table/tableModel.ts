// An array of objects as a table: the rows, the columns shown (chosen by the
// user, starting from the entity kind's), the sort, a cursor and a window,
// as a pure reducer so the view stays thin and every key is tested without
// React. Only the rows in the window are formatted, so 10,000 rows scroll
// as quickly as ten.
import { csvLine } from '../text/csvCell.js';
import { defaultColumns, keysOf } from './entityColumns.js';

export type Row = Record<string, unknown>;

export interface TableState {
  readonly rows: readonly Row[];
  /** the row order after sorting: indexes into rows */
  readonly order: Int32Array;
  /** every key the rows carry (the column chooser lists them) */
  readonly keys: readonly string[];
  readonly columns: readonly string[];
  readonly kind?: string;
  readonly sort?: { column: string; descending: boolean };
  readonly cursor: number;
  readonly top: number;
  /** the selected column (sorting acts on it) */
  readonly column: number;
  /** the column chooser's cursor: an index into keys */
  readonly chooser: number;
}

export type TableAction =
  | { type: 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'; height: number }
  | { type: 'left' | 'right' }
  | { type: 'sort' }
  | { type: 'setColumns'; columns: string[] }
  /** the column chooser: open it (cursor on the first key), move, show or hide the key under the cursor */
  | { type: 'chooserOpen' | 'chooserUp' | 'chooserDown' | 'chooserToggle' };

/** The array a table is made of: `value` itself, or an envelope's `resources`, when it holds objects. */
export function tableRows(value: unknown): Row[] | undefined {
  const isRows = (v: unknown): v is Row[] => Array.isArray(v) && v.length > 0 && v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r));
  if (isRows(value)) return value;
  const resources = value !== null && typeof value === 'object' ? (value as { resources?: unknown }).resources : undefined;
  return isRows(resources) ? resources : undefined;
}

export function initTable(rows: readonly Row[]): TableState {
  const { kind, columns } = defaultColumns(rows);
  const order = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) order[i] = i;
  return { rows, order, keys: keysOf(rows), columns, kind, cursor: 0, top: 0, column: 0, chooser: 0 };
}

/** A cell's text: strings as they are, numbers and booleans printed, anything else as compact JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Numbers by value, everything else by text; empty cells last either way. */
function compareCells(a: unknown, b: unknown): number {
  const ea = a === undefined || a === null || a === '';
  const eb = b === undefined || b === null || b === '';
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellText(a).localeCompare(cellText(b), 'en', { numeric: true });
}

function sorted(state: TableState, column: string, descending: boolean): Int32Array {
  const idx = Array.from({ length: state.rows.length }, (_, i) => i);
  const keyed = state.rows.map((r) => r[column]);
  // Stable: equal cells keep the API's order.
  idx.sort((x, y) => {
    const c = compareCells(keyed[x], keyed[y]);
    const e = keyed[x] === undefined || keyed[x] === null || keyed[x] === '' || keyed[y] === undefined || keyed[y] === null || keyed[y] === '';
    return (descending && !e ? -c : c) || x - y;
  });
  return Int32Array.from(idx);
}

function move(state: TableState, cursor: number, top: number, height: number): TableState {
  const n = state.rows.length;
  const c = Math.min(Math.max(0, cursor), Math.max(0, n - 1));
  let t = Math.min(Math.max(0, top), Math.max(0, n - height));
  if (c < t) t = c;
  else if (c >= t + height) t = c - height + 1;
  return { ...state, cursor: c, top: t };
}

function withColumns(state: TableState, wanted: readonly string[]): TableState {
  const columns = wanted.filter((c) => state.keys.includes(c));
  return { ...state, columns, column: Math.min(state.column, Math.max(0, columns.length - 1)) };
}

export function tableReducer(state: TableState, action: TableAction): TableState {
  switch (action.type) {
    case 'up':
      return move(state, state.cursor - 1, state.top, action.height);
    case 'down':
      return move(state, state.cursor + 1, state.top, action.height);
    case 'pageUp':
      return move(state, state.cursor - (action.height - 1), state.top - (action.height - 1), action.height);
    case 'pageDown':
      return move(state, state.cursor + (action.height - 1), state.top + (action.height - 1), action.height);
    case 'top':
      return move(state, 0, 0, action.height);
    case 'bottom':
      return move(state, state.rows.length - 1, state.rows.length, action.height);
    case 'left':
      return { ...state, column: Math.max(0, state.column - 1) };
    case 'right':
      return { ...state, column: Math.min(state.columns.length - 1, state.column + 1) };
    case 'sort': {
      const column = state.columns[state.column];
      if (column === undefined) return state;
      // First press sorts ascending, the next descending, and so on.
      const descending = state.sort?.column === column ? !state.sort.descending : false;
      return { ...state, sort: { column, descending }, order: sorted(state, column, descending) };
    }
    case 'setColumns':
      return withColumns(state, action.columns);
    case 'chooserOpen':
      return { ...state, chooser: 0 };
    case 'chooserUp':
      return { ...state, chooser: Math.max(0, state.chooser - 1) };
    case 'chooserDown':
      return { ...state, chooser: Math.min(state.keys.length - 1, state.chooser + 1) };
    case 'chooserToggle': {
      const k = state.keys[state.chooser];
      if (k === undefined) return state;
      return withColumns(state, state.columns.includes(k) ? state.columns.filter((c) => c !== k) : [...state.columns, k]);
    }
  }
}

/** The rows in the window, in sorted order. */
export function windowRows(state: TableState, height: number): Row[] {
  const out: Row[] = [];
  for (let i = state.top; i < Math.min(state.rows.length, state.top + height); i++) out.push(state.rows[state.order[i]!]!);
  return out;
}

/** Column widths from the header and the first rows (fixed while scrolling), each at most `max`. */
export function columnWidths(state: TableState, max = 40): number[] {
  return state.columns.map((c) => {
    let w = c.length + 2; // room for the sort arrow
    for (let i = 0; i < Math.min(state.rows.length, 500); i++) w = Math.max(w, cellText(state.rows[state.order[i]!]![c]).length);
    return Math.min(w, max);
  });
}

/** The table as CSV in its sorted order and chosen columns, every cell guarded against formulas. */
export function tableCsv(state: TableState): string {
  let out = csvLine([...state.columns]);
  for (let i = 0; i < state.rows.length; i++) {
    const row = state.rows[state.order[i]!]!;
    out += csvLine(state.columns.map((c) => cellText(row[c])));
  }
  return out;
}

/** The row under the cursor (in sorted order). */
export function cursorRecord(state: TableState): Row | undefined {
  return state.rows[state.order[state.cursor] ?? -1];
}
