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

interface SortKey {
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

function sortValue(record: object, key: SortKey): number | string | undefined {
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

function parseKeys(sort: string, fields: FieldSchema): SortKey[] {
  return sort
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => parseKey(part, fields));
}

/**
 * A sorted copy of `records`. Each record's sort values are computed once
 * (a timestamp is parsed once, not on every comparison), then positions are
 * sorted; ties keep the input order.
 */
export function sortRecords<T extends object>(records: readonly T[], sort: string, fields: FieldSchema): T[] {
  const keys = parseKeys(sort, fields);
  const n = records.length;
  const columns = keys.map((key) => {
    const col: (number | string | undefined)[] = new Array(n);
    for (let i = 0; i < n; i++) col[i] = sortValue(records[i] as T, key);
    return col;
  });
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const col = columns[k] as (number | string | undefined)[];
      const x = col[a];
      const y = col[b];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = x < y ? -1 : 1;
      return (keys[k] as SortKey).descending ? -order : order;
    }
    return a - b;
  });
  const out: T[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = records[order[i] as number] as T;
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
