// Compiles a Falcon sort parameter into a comparator. Families disagree on the
// syntax ('hostname.asc' vs 'hostname|asc'), so both are accepted, plus a
// bare field name (ascending) and several comma-separated keys.
//
// Ordering rules: numbers numerically, timestamps as instants, booleans
// false < true, strings by code unit (like an Elasticsearch keyword sort).
// Records without a value sort last in both directions. A multi-valued field
// (string[]) sorts by its smallest value ascending and its largest descending.
// Ties return 0, so with Array.prototype.sort (stable) equal records keep
// their original order.

import { sortError } from './errors.js';
import { readPath, resolveField } from './schema.js';
import type { FieldSchema, ResolvedField } from './schema.js';
import { compareScalars, toBoolean, toInstant, toNumber, toText } from './values.js';
import { numberRanks, type RankColumn } from './ranks.js';
import { textRanks } from './textRanks.js';

export interface SortKey {
  field: ResolvedField;
  descending: boolean;
}

type Comparator = (a: object, b: object) => number;

function parseKey(part: string, fields: FieldSchema): SortKey {
  let name = part;
  let direction: string | undefined;
  const bar = part.lastIndexOf('|');
  if (bar >= 0) {
    name = part.slice(0, bar).trim();
    direction = part.slice(bar + 1).trim();
  } else if (!resolveField(fields, part)) {
    // Field names may contain dots themselves ('local_ip.raw'), so only the
    // last segment can be a direction, and only if the whole isn't a field.
    const dot = part.lastIndexOf('.');
    if (dot > 0) {
      name = part.slice(0, dot);
      direction = part.slice(dot + 1);
    }
  }

  const lower = direction?.toLowerCase();
  const validDirection = lower === undefined || lower === 'asc' || lower === 'desc';
  const field = resolveField(fields, name);
  if (!field) {
    // 'foo.bar' with neither part known: report the whole thing.
    throw sortError(`'${validDirection ? name : part}' is an unknown sort field`);
  }
  if (!validDirection) {
    throw sortError(`invalid sort direction '${direction}' for '${name}' (use asc or desc)`);
  }
  return { field, descending: lower === 'desc' };
}

/** The comparable form of one record value for the field's type. */
function sortable(field: ResolvedField, value: unknown): number | string | undefined {
  switch (field.type) {
    case 'number':
      return toNumber(value);
    case 'timestamp':
      return toInstant(value);
    case 'boolean': {
      const b = toBoolean(value);
      return b === undefined ? undefined : Number(b);
    }
    case 'string':
    case 'string[]':
      return toText(value);
  }
}

export function sortValue(record: object, key: SortKey): number | string | undefined {
  const path = key.field.path;
  if (path.length === 1) {
    // A top-level scalar, the common case: no arrays collected on the way.
    const name = path[0] as string;
    const raw = Object.hasOwn(record, name) ? (record as Record<string, unknown>)[name] : undefined;
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw)) return sortable(key.field, raw);
  }
  let best: number | string | undefined;
  for (const raw of readPath(record, path)) {
    const v = sortable(key.field, raw);
    if (v === undefined) continue;
    if (best === undefined || (key.descending ? compareScalars(v, best) > 0 : compareScalars(v, best) < 0)) {
      best = v;
    }
  }
  return best;
}

export function parseKeys(sort: string, fields: FieldSchema): SortKey[] {
  return sort
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => parseKey(part, fields));
}

/** Rank columns already computed for one list of records, by key (see columnKey). */
export type SortColumns = Map<string, RankColumn>;

/**
 * Values of top-level number or timestamp fields by record position, known
 * without reading the records (a timestamp as its instant in ms): what a sort
 * would read from each record, given ahead.
 */
export type SortPresets = ReadonlyMap<string, Float64Array>;

/** The preset values of `key` over `n` records, if there are any. */
export function presetFor(key: SortKey, n: number, presets?: SortPresets): Float64Array | undefined {
  const { type, path } = key.field;
  if (!presets || (type !== 'timestamp' && type !== 'number') || path.length !== 1) return undefined;
  const values = presets.get(path[0] as string);
  return values?.length === n ? values : undefined;
}

function columnKey(key: SortKey): string {
  return `${key.field.path.join('.')}|${key.field.type}|${key.descending ? 'desc' : 'asc'}`;
}

/** Each record's rank for `key`, from its sort value read once per record (a timestamp parsed once). */
function rankColumn(records: readonly object[], key: SortKey, cache?: SortColumns, presets?: SortPresets): RankColumn {
  const id = columnKey(key);
  const hit = cache?.get(id);
  if (hit) return hit;
  // A single-valued field ranks the same both ways, reversed: rank it once per field.
  const single = key.field.type !== 'string[]';
  const ascending = single && key.descending ? rankColumn(records, { ...key, descending: false }, cache, presets) : undefined;
  const preset = presetFor(key, records.length, presets);
  const col = ascending ? { ranks: ascending.ranks.slice(), count: ascending.count } : preset ? numberRanks(preset) : readRanks(records, key);
  if (key.descending) {
    // Reverse the ranks of present values; no value stays last.
    const last = col.count - 1;
    const ranks = col.ranks;
    for (let i = 0; i < ranks.length; i++) if ((ranks[i] as number) !== last) ranks[i] = last - 1 - (ranks[i] as number);
  }
  cache?.set(id, col);
  return col;
}

/**
 * A record's text for a text key (`string`, `string[]`; a multi-valued field
 * gives its smallest or largest): a top-level string straight from the record,
 * anything else through sortValue. A sort's first use reads every record, so
 * this is its hot loop. Names on Object.prototype need sortValue's
 * own-property check.
 */
export function textReader(key: SortKey): (record: object) => string | undefined {
  const direct = directName(key);
  return (record) => {
    const raw = direct === undefined ? undefined : (record as Record<string, unknown>)[direct];
    return typeof raw === 'string' ? raw : (sortValue(record, key) as string | undefined);
  };
}

/** A record's number for any other key, NaN for none: a top-level timestamp's text parsed at once. */
export function numberReader(key: SortKey): (record: object) => number {
  const direct = directName(key);
  const timestamp = key.field.type === 'timestamp';
  return (record) => {
    const raw = direct === undefined ? undefined : (record as Record<string, unknown>)[direct];
    const v = timestamp && typeof raw === 'string' ? toInstant(raw) : sortValue(record, key);
    return v === undefined ? NaN : (v as number);
  };
}

function directName(key: SortKey): string | undefined {
  const path = key.field.path;
  return path.length === 1 && !((path[0] as string) in Object.prototype) ? (path[0] as string) : undefined;
}

/** Ascending ranks of the records' sort values for `key`. */
function readRanks(records: readonly object[], key: SortKey): RankColumn {
  const n = records.length;
  if (key.field.type === 'string' || key.field.type === 'string[]') {
    const read = textReader(key);
    const text: (string | undefined)[] = new Array(n);
    for (let i = 0; i < n; i++) text[i] = read(records[i] as object);
    return textRanks(text);
  }
  const read = numberReader(key);
  const nums = new Float64Array(n);
  for (let i = 0; i < n; i++) nums[i] = read(records[i] as object);
  return numberRanks(nums);
}

/**
 * Positions of `records` in the order `sort` gives (ties keep the input
 * order). Each key's values are read once per record and ranked with a
 * native numeric sort; several keys combine their ranks; a counting pass
 * places the records. `cache` keeps each key's ranks for later sorts of the
 * same records; `presets`, values known without reading the records.
 */
export function sortOrder(records: readonly object[], sort: string, fields: FieldSchema, cache?: SortColumns, presets?: SortPresets): Uint32Array {
  const keys = parseKeys(sort, fields);
  const n = records.length;
  let total: RankColumn | undefined;
  for (const key of keys) {
    const col = rankColumn(records, key, cache, presets);
    if (!total) {
      total = col;
      continue;
    }
    // Lexicographic: (earlier keys' rank, this key's rank), re-ranked to stay small.
    const combined = new Float64Array(n);
    for (let i = 0; i < n; i++) combined[i] = (total.ranks[i] as number) * col.count + (col.ranks[i] as number);
    total = numberRanks(combined);
  }
  const order = new Uint32Array(n);
  if (!total) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  // Counting placement, in input order within a rank: a stable sort.
  const starts = new Uint32Array(total.count + 1);
  const ranks = total.ranks;
  for (let i = 0; i < n; i++) {
    const r = (ranks[i] as number) + 1;
    starts[r] = (starts[r] as number) + 1;
  }
  for (let r = 0; r < total.count; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  for (let i = 0; i < n; i++) {
    const r = ranks[i] as number;
    const at = starts[r] as number;
    order[at] = i;
    starts[r] = at + 1;
  }
  return order;
}

/** A sorted copy of `records` (see sortOrder); ties keep the input order. */
export function sortRecords<T extends object>(records: readonly T[], sort: string, fields: FieldSchema): T[] {
  const order = sortOrder(records, sort, fields);
  const out: T[] = new Array(records.length);
  for (let i = 0; i < order.length; i++) out[i] = records[order[i] as number] as T;
  return out;
}

export function compileSort(sort: string, fields: FieldSchema): Comparator {
  const keys = parseKeys(sort, fields);

  return (a, b) => {
    for (const key of keys) {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      if (x === undefined && y === undefined) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = compareScalars(x, y);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  };
}
