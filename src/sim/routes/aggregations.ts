// The API's aggregate request model (msa.AggregateQueryRequest) evaluated
// over a family's records: terms, date_histogram, range and date_range, each
// with optional sub_aggregates, answered as msa.AggregationResult buckets.
import { SimHttpError } from '../envelope.js';
import type { FieldSchema } from '../fql/index.js';
import { bodyObject, isoSeconds } from './querying.js';

const KEYS = [
  'type', 'field', 'name', 'size', 'filter', 'q', 'sort', 'interval', 'ranges', 'date_ranges', 'sub_aggregates',
  'min_doc_count', 'max_doc_count', 'missing', 'time_zone', 'from', 'include', 'exclude', 'extended_bounds', 'percents', 'filters_spec',
];
const TYPES = ['terms', 'date_histogram', 'range', 'date_range'];
const INTERVALS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

export interface AggregationBucket {
  label: string | number;
  count: number;
  key_as_string?: string;
  from?: number;
  to?: number;
  string_from?: string;
  string_to?: string;
  sub_aggregates: AggregationResult[];
}

export interface AggregationResult {
  name: string;
  sum_other_doc_count: number;
  doc_count_error_upper_bound: number;
  buckets: AggregationBucket[];
}

export interface AggregateRequest {
  type: string;
  field: string;
  path: string;
  name: string;
  size: number;
  filter?: string;
  q?: string;
  interval?: number;
  ranges?: { from?: number; to?: number }[];
  dateRanges?: { from?: string; to?: string }[];
  minDocCount: number;
  sub: AggregateRequest[];
}

function optionalString(spec: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = spec[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new SimHttpError(400, `'${key}' in ${where} must be a string.`);
  return v;
}

function bounds(list: unknown, key: string, where: string, kind: 'number' | 'string'): { from?: never; to?: never }[] {
  if (!Array.isArray(list) || list.length === 0) throw new SimHttpError(400, `${where} needs '${key}', a non-empty array of {from, to}.`);
  return list.map((item: unknown, i) => {
    const r = bodyObject(item, ['from', 'to'], `${where} ${key}[${i}]`);
    for (const b of ['from', 'to'] as const) {
      if (r[b] !== undefined && typeof r[b] !== kind) throw new SimHttpError(400, `${where} ${key}[${i}].${b} must be a ${kind}.`);
    }
    return r as { from?: never; to?: never };
  });
}

/** Validates one request (and its sub_aggregates) against the family's fields; mistakes are the API's 400. */
export function parseAggregateRequest(item: unknown, fields: FieldSchema, where: string): AggregateRequest {
  const spec = bodyObject(item, KEYS, where);
  const type = spec.type;
  if (typeof type !== 'string' || !TYPES.includes(type)) {
    throw new SimHttpError(400, `${where}: type ${JSON.stringify(type)} is not supported; use one of ${TYPES.join(', ')}.`);
  }
  const field = spec.field;
  const def = typeof field === 'string' && Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (def === undefined) throw new SimHttpError(400, `${where}: unknown aggregation field ${JSON.stringify(field)}.`);
  const fieldType = typeof def === 'string' ? def : def.type;
  const size = spec.size ?? 10;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 10_000) {
    throw new SimHttpError(400, `${where}: 'size' must be an integer between 0 and 10000.`);
  }
  const out: AggregateRequest = {
    type,
    field: field as string,
    path: typeof def === 'string' ? (field as string) : (def.path ?? (field as string)),
    name: optionalString(spec, 'name', where) ?? (field as string),
    size: size || 10,
    filter: optionalString(spec, 'filter', where),
    q: optionalString(spec, 'q', where),
    minDocCount: typeof spec.min_doc_count === 'number' ? spec.min_doc_count : type === 'date_histogram' ? 0 : 1,
    sub: [],
  };
  if (type === 'date_histogram' || type === 'date_range') {
    if (fieldType !== 'timestamp') throw new SimHttpError(400, `${where}: ${type} needs a timestamp field; '${field}' is not one.`);
  }
  if (type === 'date_histogram') {
    const interval = optionalString(spec, 'interval', where) ?? 'day';
    if (!(interval in INTERVALS)) throw new SimHttpError(400, `${where}: interval '${interval}' is not supported; use ${Object.keys(INTERVALS).join(', ')}.`);
    out.interval = INTERVALS[interval];
  }
  if (type === 'range') {
    if (fieldType !== 'number') throw new SimHttpError(400, `${where}: range needs a numeric field; '${field}' is not one.`);
    out.ranges = bounds(spec.ranges, 'ranges', where, 'number');
  }
  if (type === 'date_range') out.dateRanges = bounds(spec.date_ranges, 'date_ranges', where, 'string');
  if (spec.sub_aggregates !== undefined && spec.sub_aggregates !== null) {
    if (!Array.isArray(spec.sub_aggregates)) throw new SimHttpError(400, `${where}: 'sub_aggregates' must be an array.`);
    out.sub = spec.sub_aggregates.map((s: unknown, i: number) => parseAggregateRequest(s, fields, `${where} sub_aggregates[${i}]`));
  }
  return out;
}

export function valuesAt(record: object, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    current = current.flatMap((c) => {
      const v = c && typeof c === 'object' ? (c as Record<string, unknown>)[key] : undefined;
      return Array.isArray(v) ? v : [v];
    });
  }
  return current.filter((v) => v !== undefined && v !== null && v !== '');
}

/** `now`, `now-7d`, `now-12h` or an RFC 3339 time, in ms. */
function dateMath(text: string, now: number, where: string): number {
  const m = /^now(?:([-+])(\d+)([mhdw]))?$/.exec(text.trim());
  if (m) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }[m[3] as 'm' | 'h' | 'd' | 'w'] ?? 0;
    return now + (m[1] === '-' ? -1 : 1) * Number(m[2] ?? 0) * unit;
  }
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new SimHttpError(400, `${where}: ${JSON.stringify(text)} is not a date (use RFC 3339 or now-7d).`);
  return t;
}

function bucketise<T extends object>(req: AggregateRequest, records: T[], now: number): { keys: AggregationBucket[]; members: T[][]; other: number } {
  const members: T[][] = [];
  const keys: AggregationBucket[] = [];
  if (req.type === 'terms') {
    const groups = new Map<string, T[]>();
    for (const r of records) {
      for (const v of new Set(valuesAt(r, req.path).map(String))) {
        let g = groups.get(v);
        if (!g) groups.set(v, (g = []));
        g.push(r);
      }
    }
    const sorted = [...groups].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]));
    const shown = sorted.slice(0, req.size);
    for (const [label, g] of shown) {
      keys.push({ label, count: g.length, sub_aggregates: [] });
      members.push(g);
    }
    return { keys, members, other: sorted.slice(req.size).reduce((n, [, g]) => n + g.length, 0) };
  }
  if (req.type === 'date_histogram') {
    const step = req.interval ?? INTERVALS.day!;
    const groups = new Map<number, T[]>();
    for (const r of records) {
      for (const v of valuesAt(r, req.path)) {
        const t = Date.parse(String(v));
        if (Number.isNaN(t)) continue;
        const k = Math.floor(t / step) * step;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = []));
        g.push(r);
      }
    }
    const ks = [...groups.keys()].sort((a, b) => a - b);
    // Empty buckets between the first and last are present, as with min_doc_count 0.
    for (let k = ks[0] ?? 0; ks.length && k <= ks[ks.length - 1]!; k += step) {
      const g = groups.get(k) ?? [];
      if (g.length < req.minDocCount) continue;
      keys.push({ label: k, key_as_string: isoSeconds(k), count: g.length, sub_aggregates: [] });
      members.push(g);
    }
    return { keys, members, other: 0 };
  }
  const ranges = req.type === 'range'
    ? (req.ranges ?? []).map((r) => ({ from: r.from, to: r.to, sf: r.from === undefined ? undefined : String(r.from), st: r.to === undefined ? undefined : String(r.to) }))
    : (req.dateRanges ?? []).map((r, i) => ({
        from: r.from === undefined ? undefined : dateMath(r.from, now, `date_ranges[${i}].from`),
        to: r.to === undefined ? undefined : dateMath(r.to, now, `date_ranges[${i}].to`),
        sf: r.from,
        st: r.to,
      }));
  for (const range of ranges) {
    const g = records.filter((r) => valuesAt(r, req.path).some((v) => {
      const n = req.type === 'range' ? Number(v) : Date.parse(String(v));
      return !Number.isNaN(n) && (range.from === undefined || n >= range.from) && (range.to === undefined || n < range.to);
    }));
    const label = `${range.sf ?? '*'}-${range.st ?? '*'}`;
    keys.push({ label, count: g.length, from: range.from, to: range.to, string_from: range.sf, string_to: range.st, sub_aggregates: [] });
    members.push(g);
  }
  return { keys, members, other: 0 };
}

/** Evaluates one request over records already narrowed by its filter; sub_aggregates run per bucket. */
export function evaluate<T extends object>(req: AggregateRequest, records: T[], now: number): AggregationResult {
  const { keys, members, other } = bucketise(req, records, now);
  keys.forEach((b, i) => {
    b.sub_aggregates = req.sub.map((s) => evaluate(s, members[i] ?? [], now));
  });
  return { name: req.name, sum_other_doc_count: other, doc_count_error_upper_bound: 0, buckets: keys };
}
