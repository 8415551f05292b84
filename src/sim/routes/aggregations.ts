// The aggregation requests of the `/…/aggregates/…` endpoints (alerts,
// incidents, behaviors): terms, ranges, date ranges, date histograms and
// metrics, each with nested `sub_aggregates` over its bucket's records. The
// typed SDKs send every field of the request model (empty strings and empty
// lists for the unused ones), so those mean "not set". Every bucket carries
// `sub_aggregates` ([] when none were asked for), as the SDKs' models expect.
import { SimHttpError } from '../envelope.js';
import { FqlError, parseTimeLiteral, readPath, resolveField, toInstant, toNumber, toText, type FieldSchema } from '../fql/index.js';
import { bodyObject } from './querying.js';

const REQUEST_FIELDS = [
  'date_ranges', 'exclude', 'extended_bounds', 'field', 'filter', 'filters_spec', 'from', 'include', 'interval',
  'max_doc_count', 'min_doc_count', 'missing', 'name', 'percents', 'q', 'ranges', 'size', 'sort', 'sub_aggregates',
  'time_zone', 'type',
];
const TYPES = ['terms', 'range', 'date_range', 'date_histogram', 'cardinality', 'count', 'max', 'min', 'sum', 'avg'];
const INTERVALS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };
const MAX_DEPTH = 3;

export interface AggregationRequest {
  name: string;
  type: string;
  field: string;
  path: readonly string[];
  filter?: string;
  q?: string;
  size: number;
  from: number;
  sort: { by: '_count' | '_term'; descending: boolean };
  include?: Set<string>;
  exclude?: Set<string>;
  missing?: string;
  minDocCount: number;
  interval: string;
  ranges: { from?: number; to?: number }[];
  dateRanges: { from?: string; to?: string }[];
  subAggregates: AggregationRequest[];
}

export interface Bucket {
  label: string;
  count: number;
  value?: number;
  key_as_string?: string;
  from?: number;
  to?: number;
  string_from?: string;
  string_to?: string;
  sub_aggregates: AggregationResult[];
}

export interface AggregationResult {
  name: string;
  buckets: Bucket[];
  sum_other_doc_count: number;
}

function str(spec: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = spec[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new SimHttpError(400, `'${key}' in ${where} must be a string.`);
  return v;
}

function int(spec: Record<string, unknown>, key: string, where: string, dflt: number, min: number, max: number): number {
  const v = spec[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new SimHttpError(400, `'${key}' in ${where} must be an integer between ${min} and ${max}.`);
  }
  return v;
}

function list(spec: Record<string, unknown>, key: string, where: string): Record<string, unknown>[] {
  const v = spec[key] ?? [];
  if (!Array.isArray(v)) throw new SimHttpError(400, `'${key}' in ${where} must be an array.`);
  return v.map((item, i) => bodyObject(item, ['from', 'to', 'From', 'To'], `${where} ${key}[${i}]`));
}

/** Validates one aggregation request of a body; `fields` are the family's FQL properties. */
export function parseAggregation(item: unknown, where: string, fields: FieldSchema, depth = 0): AggregationRequest {
  const spec = bodyObject(item, REQUEST_FIELDS, where);
  const type = str(spec, 'type', where) ?? 'terms';
  if (!TYPES.includes(type)) throw new SimHttpError(400, `Unknown aggregation type '${type}' in ${where}. Valid types: ${TYPES.join(', ')}.`);
  const field = str(spec, 'field', where);
  const resolved = field === undefined ? undefined : resolveField(fields, field);
  if (!resolved) throw new SimHttpError(400, `${where} needs 'field', one of the filterable properties; ${JSON.stringify(field ?? '')} is not one.`);
  if ((type === 'date_histogram' || type === 'date_range') && resolved.type !== 'timestamp') {
    throw new SimHttpError(400, `A ${type} aggregation needs a timestamp field; '${field}' is not one.`);
  }
  const sortText = str(spec, 'sort', where) ?? '_count|desc';
  const sm = /^(_count|_term)[|.](asc|desc)$/.exec(sortText);
  if (!sm) throw new SimHttpError(400, `Invalid 'sort' ${JSON.stringify(sortText)} in ${where}: use _count|desc, _count|asc, _term|asc or _term|desc.`);
  const interval = str(spec, 'interval', where) ?? 'day';
  if (type === 'date_histogram' && !(interval in INTERVALS) && interval !== 'month' && interval !== 'year') {
    throw new SimHttpError(400, `Invalid 'interval' ${JSON.stringify(interval)} in ${where}: use minute, hour, day, week, month or year.`);
  }
  const zone = str(spec, 'time_zone', where);
  if (zone !== undefined && !/^(UTC|Z|\+00:00|Etc\/UTC)$/i.test(zone)) {
    throw new SimHttpError(400, `The simulator buckets dates in UTC only; 'time_zone' ${JSON.stringify(zone)} is not supported.`);
  }
  const subs = spec.sub_aggregates ?? [];
  if (!Array.isArray(subs)) throw new SimHttpError(400, `'sub_aggregates' in ${where} must be an array.`);
  if (subs.length && depth >= MAX_DEPTH) throw new SimHttpError(400, `Aggregations nest at most ${MAX_DEPTH} levels deep.`);
  const set = (key: string) => {
    const v = str(spec, key, where);
    return v === undefined ? undefined : new Set(v.split(',').map((s) => s.trim()).filter(Boolean));
  };
  return {
    name: str(spec, 'name', where) ?? (field as string),
    type,
    field: field as string,
    path: resolved.path,
    filter: str(spec, 'filter', where),
    q: str(spec, 'q', where),
    size: int(spec, 'size', where, 10, 0, 10_000) || 10,
    from: int(spec, 'from', where, 0, 0, 10_000),
    sort: { by: sm[1] as '_count' | '_term', descending: sm[2] === 'desc' },
    include: set('include'),
    exclude: set('exclude'),
    missing: str(spec, 'missing', where),
    minDocCount: int(spec, 'min_doc_count', where, 1, 0, 1_000_000),
    interval,
    ranges: list(spec, 'ranges', where).map((r) => ({ from: toNumber(r.From ?? r.from), to: toNumber(r.To ?? r.to) })),
    dateRanges: list(spec, 'date_ranges', where).map((r) => ({ from: toText(r.from) || undefined, to: toText(r.to) || undefined })),
    subAggregates: subs.map((s: unknown, i: number) => parseAggregation(s, `${where} sub_aggregates[${i}]`, fields, depth + 1)),
  };
}

function histogramKey(ms: number, interval: string): number {
  const d = new Date(ms);
  if (interval === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (interval === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1);
  const step = INTERVALS[interval] as number;
  // Weeks start on Monday, as in Elasticsearch (the epoch was a Thursday).
  const shift = interval === 'week' ? 3 * 86_400_000 : 0;
  return Math.floor((ms + shift) / step) * step - shift;
}

function bucketed<T extends object>(records: readonly T[], a: AggregationRequest, now: number): { buckets: Map<string, { rows: T[]; extra: Partial<Bucket> }>; ordered: boolean } {
  const buckets = new Map<string, { rows: T[]; extra: Partial<Bucket> }>();
  const put = (key: string, row: T, extra: Partial<Bucket> = {}) => {
    const b = buckets.get(key) ?? { rows: [], extra };
    b.rows.push(row);
    buckets.set(key, b);
  };
  if (a.type === 'range' || a.type === 'date_range') {
    const bounds = a.type === 'range'
      ? a.ranges.map((r) => ({ lo: r.from, hi: r.to, extra: { from: r.from, to: r.to } as Partial<Bucket>, label: `${r.from ?? '*'}-${r.to ?? '*'}` }))
      : a.dateRanges.map((r) => {
          const lo = r.from === undefined ? undefined : parseTimeLiteral(r.from, now);
          const hi = r.to === undefined ? undefined : parseTimeLiteral(r.to, now);
          if ((r.from !== undefined && lo === undefined) || (r.to !== undefined && hi === undefined)) {
            throw new SimHttpError(400, `Invalid date range ${JSON.stringify(r)}: use RFC 3339 times or now-24h style.`);
          }
          return { lo, hi, extra: { string_from: r.from, string_to: r.to } as Partial<Bucket>, label: `${r.from ?? '*'}-${r.to ?? '*'}` };
        });
    for (const b of bounds) buckets.set(b.label, { rows: [], extra: b.extra });
    const convert = a.type === 'range' ? toNumber : toInstant;
    for (const row of records) {
      const values = readPath(row, a.path).map(convert).filter((v): v is number => v !== undefined);
      for (const b of bounds) {
        if (values.some((v) => (b.lo === undefined || v >= b.lo) && (b.hi === undefined || v < b.hi))) buckets.get(b.label)?.rows.push(row);
      }
    }
    return { buckets, ordered: true };
  }
  for (const row of records) {
    const values = readPath(row, a.path).filter((v) => v !== null && v !== '');
    if (values.length === 0 && a.missing !== undefined) put(a.missing, row);
    for (const raw of new Set(values)) {
      if (a.type === 'date_histogram') {
        const t = toInstant(raw);
        if (t === undefined) continue;
        const key = histogramKey(t, a.interval);
        const stamp = new Date(key).toISOString();
        put(stamp, row, { value: key, key_as_string: stamp });
      } else put(String(raw), row);
    }
  }
  return { buckets, ordered: a.type === 'date_histogram' };
}

/** Runs one aggregation; `select` applies a request's own filter and q to the records. */
export function aggregate<T extends object>(
  records: readonly T[],
  a: AggregationRequest,
  now: number,
  select: (records: readonly T[], filter?: string, q?: string) => readonly T[],
): AggregationResult {
  let rows: readonly T[];
  try {
    rows = a.filter || a.q ? select(records, a.filter, a.q) : records;
  } catch (e) {
    if (e instanceof FqlError) throw new SimHttpError(400, e.message);
    throw e;
  }
  const sub = (part: readonly T[]) => a.subAggregates.map((s) => aggregate(part, s, now, select));
  if (!['terms', 'range', 'date_range', 'date_histogram'].includes(a.type)) {
    const nums = rows.flatMap((r) => readPath(r, a.path)).map((v) => toNumber(v) ?? toInstant(v)).filter((v): v is number => v !== undefined);
    const distinct = new Set(rows.flatMap((r) => readPath(r, a.path)).map((v) => JSON.stringify(v))).size;
    const value =
      a.type === 'cardinality' ? distinct
      : a.type === 'count' ? rows.length
      : a.type === 'sum' ? nums.reduce((x, y) => x + y, 0)
      : a.type === 'avg' ? (nums.length ? nums.reduce((x, y) => x + y, 0) / nums.length : 0)
      : nums.length === 0 ? 0
      : a.type === 'max' ? Math.max(...nums) : Math.min(...nums);
    return { name: a.name, sum_other_doc_count: 0, buckets: [{ label: a.field, count: rows.length, value, sub_aggregates: sub(rows) }] };
  }
  const { buckets, ordered } = bucketed(rows, a, now);
  let entries = [...buckets].filter(([label, b]) =>
    (ordered || b.rows.length >= a.minDocCount) && (!a.include || a.include.has(label)) && !a.exclude?.has(label));
  if (!ordered) {
    const dir = a.sort.descending ? -1 : 1;
    entries.sort((x, y) =>
      a.sort.by === '_count'
        ? dir * (x[1].rows.length - y[1].rows.length) || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)
        : dir * (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  } else if (a.type === 'date_histogram') {
    entries.sort((x, y) => (x[1].extra.value ?? 0) - (y[1].extra.value ?? 0));
  }
  const shown = a.type === 'terms' ? entries.slice(a.from, a.from + a.size) : entries;
  const other = a.type === 'terms' ? entries.reduce((n, e) => n + e[1].rows.length, 0) - shown.reduce((n, e) => n + e[1].rows.length, 0) : 0;
  entries = shown;
  return {
    name: a.name,
    sum_other_doc_count: other,
    buckets: entries.map(([label, b]) => ({ label, count: b.rows.length, ...b.extra, sub_aggregates: sub(b.rows) })),
  };
}

/** A whole aggregates body: a non-empty array of requests, answered in order. */
export function aggregateBody<T extends object>(
  body: unknown,
  fields: FieldSchema,
  records: readonly T[],
  now: number,
  select: (records: readonly T[], filter?: string, q?: string) => readonly T[],
): AggregationResult[] {
  if (!Array.isArray(body) || body.length === 0) {
    throw new SimHttpError(400, 'The request body must be a non-empty array of aggregation requests.');
  }
  const requests = body.map((item: unknown, i: number) => parseAggregation(item, `aggregation request ${i}`, fields));
  return requests.map((a) => aggregate(records, a, now, select));
}
