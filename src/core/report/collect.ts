// Reads a report's data from the tenant: a section whose family has an
// aggregate call asks the API to count; the others are counted while pages
// stream past, one walk per distinct query however many sections share it.
import { apiErrorOf } from '../api/apiError.js';
import { ExitCode, UserError } from '../errors.js';
import { envelopeOf, type ApiCaller, type ApiRequest } from '../http/types.js';
import { paginate } from '../paging/paginate.js';
import { BucketCounter, fillTimeSeries, rangeLabel, stepOf, topTerms, type Bucket, type BucketSet } from './buckets.js';
import { parseDuration } from './duration.js';
import { findSource, type ReportSource, type SourceName } from './sources.js';
import type { AggregateSpec, ChartKind, ReportSpec, SectionSpec } from './spec.js';

export const DEFAULT_SINCE = '30d';

export interface SectionData {
  title: string;
  source: SourceName;
  chart: ChartKind;
  aggregate: AggregateSpec;
  /** the FQL actually sent, time bound included */
  filter: string;
  /** how the numbers were obtained: the API's aggregate call, or counting streamed pages */
  via: { kind: 'aggregate' | 'pages'; method: string; path: string };
  /** the request behind the numbers, to open in the composer */
  request: Pick<ApiRequest, 'method' | 'path' | 'query' | 'body'>;
  /** the period the section covers (absent: every record, whenever it was seen) */
  window?: { from: string; to: string };
  buckets: Bucket[];
  other: number;
  /** records read, when counted from pages */
  records?: number;
  notes: string[];
}

export interface ReportData {
  title: string;
  description?: string;
  /** when the data was read */
  readAt: string;
  since: string;
  sections: SectionData[];
}

export interface CollectOptions {
  /** overrides the spec's `since` */
  since?: string;
  now?: () => number;
  signal?: AbortSignal;
  /** records per page when streaming (default: the source's largest page) */
  pageSize?: number;
  /** progress lines (pages read, sections done) */
  onProgress?: (message: string) => void;
}

interface Plan {
  spec: SectionSpec;
  source: ReportSource;
  filter: string;
  window?: { from: number; to: number };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function planSection(spec: SectionSpec, now: number, sinceMs: number): Plan {
  const source = findSource(spec.source);
  if (!source) throw new Error(`unknown source ${spec.source}`); // validateSpec rules this out
  const windowed = spec.windowed ?? true;
  const window = windowed ? { from: now - sinceMs, to: now } : undefined;
  const parts = [spec.filter?.trim() || source.defaultFilter || ''].filter(Boolean).map((f) => `(${f})`);
  if (window) parts.push(`${source.timeField}:>='${iso(window.from)}'`);
  return { spec, source, filter: parts.join('+'), window };
}

/** The request body the API's aggregate call takes (msa.AggregateQueryRequest): labels stay on our side. */
function aggregateRequest(plan: Plan, name: string): Record<string, unknown> {
  const a = plan.spec.aggregate;
  const body: Record<string, unknown> = { name, type: a.type, field: a.field, size: a.size ?? 10 };
  if (plan.filter) body.filter = plan.filter;
  if (a.interval) body.interval = a.interval;
  if (a.type === 'date_histogram') body.interval = a.interval ?? 'day';
  if (a.ranges) body.ranges = a.ranges.map(({ from, to }) => ({ from, to }));
  if (a.date_ranges) body.date_ranges = a.date_ranges.map(({ from, to }) => ({ from, to }));
  return body;
}

interface ApiBucket {
  label?: unknown;
  key_as_string?: unknown;
  count?: unknown;
}

function fromApi(plan: Plan, result: { buckets?: ApiBucket[]; sum_other_doc_count?: unknown }, now: number): BucketSet {
  const a = plan.spec.aggregate;
  const raw = Array.isArray(result.buckets) ? result.buckets : [];
  const count = (b: ApiBucket | undefined) => (typeof b?.count === 'number' ? b.count : 0);
  if (a.type === 'terms') {
    const set = topTerms(raw.map((b) => ({ label: String(b.label ?? ''), count: count(b) })), a.size ?? 10);
    return { buckets: set.buckets, other: set.other + (typeof result.sum_other_doc_count === 'number' ? result.sum_other_doc_count : 0) };
  }
  if (a.type === 'date_histogram') {
    const step = stepOf(a);
    const times = new Map<number, number>();
    for (const b of raw) {
      const t = typeof b.label === 'number' ? b.label : Date.parse(String(b.key_as_string ?? b.label));
      if (!Number.isNaN(t)) times.set(Math.floor(t / step) * step, count(b));
    }
    return { buckets: fillTimeSeries(times, a, plan.window?.from, now), other: 0 };
  }
  const list = a.type === 'range' ? a.ranges ?? [] : a.date_ranges ?? [];
  // The API answers ranges in the order they were asked.
  return { buckets: list.map((r, i) => ({ label: rangeLabel(r), count: count(raw[i]) })), other: 0 };
}

async function viaAggregate(caller: ApiCaller, plans: Plan[], path: string, now: number, signal?: AbortSignal): Promise<BucketSet[]> {
  const body = plans.map((p, i) => aggregateRequest(p, `s${i}`));
  const req: ApiRequest = { method: 'POST', path, body: { json: body }, signal };
  const res = await caller.request(req);
  if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, 'POST', path);
  const resources = envelopeOf(res)?.resources;
  if (!Array.isArray(resources) || resources.length !== plans.length) {
    throw new UserError(`${path} answered ${Array.isArray(resources) ? resources.length : 'no'} aggregation results for ${plans.length} requests, so the report would be wrong; try again, or report the API's answer.`, ExitCode.apiError);
  }
  return plans.map((p, i) => fromApi(p, resources[i] as { buckets?: ApiBucket[] }, now));
}

function pageRequest(source: ReportSource, filter: string, pageSize = source.query.pageSize): ApiRequest {
  const q = { ...source.query, pageSize };
  if (q.filterIn === 'body') {
    return { method: q.method, path: q.path, body: { json: filter ? { filter, limit: q.pageSize } : { limit: q.pageSize } } };
  }
  const query: [string, string][] = [['limit', String(q.pageSize)]];
  if (filter) query.push(['filter', filter]);
  for (const f of source.facets ?? []) query.push(['facet', f]);
  return { method: q.method, path: q.path, query };
}

async function viaPages(caller: ApiCaller, plans: Plan[], now: number, opts: CollectOptions): Promise<{ sets: BucketSet[]; records: number; notes: string[][] }> {
  const counters = plans.map((p) => new BucketCounter(p.spec.aggregate, now));
  const first = plans[0]!;
  const req = pageRequest(first.source, first.filter, opts.pageSize);
  for await (const item of paginate(caller, req, {
    signal: opts.signal,
    onNotice: (m) => opts.onProgress?.(m),
    onPage: (p) => opts.onProgress?.(`${first.source.name}: ${p.received.toLocaleString('en-US')}${p.total === undefined ? '' : ` of ${p.total.toLocaleString('en-US')}`} records read`),
  })) {
    for (const c of counters) c.add(item);
  }
  const records = counters[0]?.records ?? 0;
  const notes = plans.map((p, i) => {
    const c = counters[i]!;
    return records > 0 && c.withField === 0 ? [`No record had the field '${p.spec.aggregate.field}': check its spelling.`] : [];
  });
  return { sets: plans.map((p, i) => counters[i]!.result({ from: p.window?.from, to: now })), records, notes };
}

/** Reads every section of `spec` from the tenant. */
export async function collectReport(caller: ApiCaller, spec: ReportSpec, opts: CollectOptions = {}): Promise<ReportData> {
  const now = (opts.now ?? Date.now)();
  const since = opts.since ?? spec.since ?? DEFAULT_SINCE;
  const sinceMs = parseDuration(since);
  if (sinceMs === undefined) throw new Error(`bad duration ${since}`); // callers validate
  const plans = spec.sections.map((s) => planSection(s, now, sinceMs));
  const out: (SectionData | undefined)[] = new Array(plans.length);
  const finish = (i: number, set: BucketSet, via: SectionData['via'], records?: number, notes: string[] = []): void => {
    const p = plans[i]!;
    const request = via.kind === 'aggregate'
      ? { method: 'POST' as const, path: via.path, body: { json: [aggregateRequest(p, p.spec.title)] } }
      : pageRequest(p.source, p.filter);
    out[i] = {
      title: p.spec.title,
      source: p.source.name,
      chart: p.spec.chart ?? (p.spec.aggregate.type === 'date_histogram' ? 'timeseries' : 'bar'),
      aggregate: p.spec.aggregate,
      filter: p.filter,
      via,
      request,
      window: p.window && { from: iso(p.window.from), to: iso(p.window.to) },
      buckets: p.spec.labels ? set.buckets.map((b) => ({ ...b, label: p.spec.labels?.[b.label] ?? b.label })) : set.buckets,
      other: set.other,
      records,
      notes,
    };
  };

  // One aggregate call per family carries all its sections; one page walk per distinct query.
  const byAggregate = new Map<string, number[]>();
  const byQuery = new Map<string, number[]>();
  plans.forEach((p, i) => {
    const map = p.source.aggregatePath ? byAggregate : byQuery;
    const key = p.source.aggregatePath ?? JSON.stringify([p.source.name, p.filter]);
    map.set(key, [...(map.get(key) ?? []), i]);
  });
  for (const [path, idx] of byAggregate) {
    opts.onProgress?.(`${plans[idx[0]!]!.source.name}: asking ${path} for ${idx.length} aggregate${idx.length === 1 ? '' : 's'}`);
    const sets = await viaAggregate(caller, idx.map((i) => plans[i]!), path, now, opts.signal);
    idx.forEach((i, k) => finish(i, sets[k]!, { kind: 'aggregate', method: 'POST', path }));
  }
  for (const idx of byQuery.values()) {
    const group = idx.map((i) => plans[i]!);
    const { sets, records, notes } = await viaPages(caller, group, now, opts);
    const q = group[0]!.source.query;
    idx.forEach((i, k) => finish(i, sets[k]!, { kind: 'pages', method: q.method, path: q.path }, records, notes[k]));
  }
  return { title: spec.title, description: spec.description, readAt: iso(now), since, sections: out.filter((s): s is SectionData => s !== undefined) };
}

