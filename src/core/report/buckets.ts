// Aggregation buckets in one shape whichever way they were computed: from
// the API's aggregate call or by counting streamed records. Counting keeps
// one number per distinct value, never the records themselves.
import type { AggregateSpec } from './spec.js';

export interface Bucket {
  label: string;
  count: number;
}

export interface BucketSet {
  buckets: Bucket[];
  /** records outside the shown buckets (terms beyond `size`) */
  other: number;
}

const STEP_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;
const DATE_MATH = /^now(?:([-+])(\d+)([mhdw]))?$/;
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export function stepOf(spec: AggregateSpec): number {
  return STEP_MS[spec.interval ?? 'day'];
}

/** `now-7d` or an RFC 3339 time, in ms. */
export function resolveDate(text: string, now: number): number {
  const m = DATE_MATH.exec(text.trim());
  if (m) return now + (m[1] === '-' ? -1 : 1) * Number(m[2] ?? 0) * (UNIT_MS[m[3] ?? 'd'] ?? 0);
  return Date.parse(text);
}

/** The label of a time bucket: a date for days and weeks, a date and hour for hours. */
export function timeLabel(ms: number, spec: AggregateSpec): string {
  const iso = new Date(ms).toISOString();
  return spec.interval === 'hour' ? `${iso.slice(0, 13)}:00Z` : iso.slice(0, 10);
}

export function rangeLabel(r: { from?: number | string; to?: number | string; label?: string }): string {
  if (r.label) return r.label;
  if (r.from !== undefined && r.to !== undefined) return `${r.from} to ${r.to}`;
  if (r.from !== undefined) return `${r.from} and above`;
  return r.to !== undefined ? `below ${r.to}` : 'all';
}

/** Fills a time series from `from` to `to` (both ms) so that empty periods show as zero. */
export function fillTimeSeries(counts: ReadonlyMap<number, number>, spec: AggregateSpec, from: number | undefined, to: number): Bucket[] {
  const step = stepOf(spec);
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const first = from !== undefined ? Math.floor(from / step) * step : keys[0];
  if (first === undefined) return [];
  const last = Math.max(Math.floor(to / step) * step, keys[keys.length - 1] ?? first);
  const out: Bucket[] = [];
  for (let k = first; k <= last; k += step) out.push({ label: timeLabel(k, spec), count: counts.get(k) ?? 0 });
  return out;
}

function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    current = current.flatMap((c) => {
      const v = c && typeof c === 'object' ? (c as Record<string, unknown>)[key] : undefined;
      return Array.isArray(v) ? v : [v];
    });
  }
  return current.filter((v) => v !== undefined && v !== null && v !== '');
}

/** Counts records as they stream past, for one section's aggregate. */
export class BucketCounter {
  private readonly terms = new Map<string, number>();
  private readonly times = new Map<number, number>();
  private readonly ranges: number[];
  /** records that had the field at all, so a misspelt field is noticed */
  withField = 0;
  records = 0;

  constructor(
    private readonly spec: AggregateSpec,
    private readonly now: number,
  ) {
    this.ranges = new Array((spec.ranges ?? spec.date_ranges ?? []).length).fill(0);
  }

  add(record: unknown): void {
    this.records++;
    const values = valuesAt(record, this.spec.field);
    if (values.length) this.withField++;
    const spec = this.spec;
    if (spec.type === 'terms') {
      for (const v of new Set(values.map(String))) this.terms.set(v, (this.terms.get(v) ?? 0) + 1);
    } else if (spec.type === 'date_histogram') {
      const step = stepOf(spec);
      for (const v of values) {
        const t = Date.parse(String(v));
        if (!Number.isNaN(t)) this.times.set(Math.floor(t / step) * step, (this.times.get(Math.floor(t / step) * step) ?? 0) + 1);
      }
    } else {
      const bounds = spec.type === 'range'
        ? (spec.ranges ?? []).map((r) => [r.from, r.to] as const)
        : (spec.date_ranges ?? []).map((r) => [r.from === undefined ? undefined : resolveDate(r.from, this.now), r.to === undefined ? undefined : resolveDate(r.to, this.now)] as const);
      bounds.forEach(([from, to], i) => {
        const hit = values.some((v) => {
          const n = spec.type === 'range' ? Number(v) : Date.parse(String(v));
          return !Number.isNaN(n) && (from === undefined || n >= from) && (to === undefined || n < to);
        });
        if (hit) this.ranges[i]!++;
      });
    }
  }

  result(window: { from?: number; to: number }): BucketSet {
    const spec = this.spec;
    if (spec.type === 'terms') return topTerms([...this.terms].map(([label, count]) => ({ label, count })), spec.size ?? 10);
    if (spec.type === 'date_histogram') return { buckets: fillTimeSeries(this.times, spec, window.from, window.to), other: 0 };
    const list = spec.type === 'range' ? spec.ranges ?? [] : spec.date_ranges ?? [];
    return { buckets: list.map((r, i) => ({ label: rangeLabel(r), count: this.ranges[i] ?? 0 })), other: 0 };
  }
}

/** The `size` largest terms (ties by label), the rest summed as `other`. */
export function topTerms(all: Bucket[], size: number): BucketSet {
  const sorted = [...all].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { buckets: sorted.slice(0, size), other: sorted.slice(size).reduce((n, b) => n + b.count, 0) };
}
