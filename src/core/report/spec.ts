// A report spec: a title and sections, each a catalog query (source and FQL
// filter), one aggregation in the API's request model, and a presentation.
// Validation names every mistake with where it is in the file.
import * as z from 'zod/mini';
import { findSource, SOURCE_NAMES } from './sources.js';
import { parseDuration } from './duration.js';

export const CHARTS = ['table', 'bar', 'timeseries'] as const;
export const AGGREGATE_TYPES = ['terms', 'date_histogram', 'range', 'date_range'] as const;
export const INTERVALS = ['hour', 'day', 'week'] as const;

export type ChartKind = (typeof CHARTS)[number];
export type AggregateType = (typeof AGGREGATE_TYPES)[number];
export type Interval = (typeof INTERVALS)[number];

const label = z.optional(z.string({ error: 'must be text' }));
const numberRange = z.strictObject({ from: z.optional(z.number({ error: 'must be a number' })), to: z.optional(z.number({ error: 'must be a number' })), label });
const dateRange = z.strictObject({
  from: z.optional(z.string({ error: "must be a date such as 'now-7d' or an RFC 3339 time" })),
  to: z.optional(z.string({ error: "must be a date such as 'now-7d' or an RFC 3339 time" })),
  label,
});

const aggregateSchema = z.strictObject({
  type: z.enum(AGGREGATE_TYPES, { error: `must be one of ${AGGREGATE_TYPES.join(', ')}` }),
  field: z.string({ error: 'must name a record field, such as platform_name' }).check(z.minLength(1, { error: 'must name a record field, such as platform_name' })),
  size: z.optional(z.int({ error: 'must be a whole number' }).check(z.gte(1, { error: 'must be at least 1' }), z.lte(1000, { error: 'must be at most 1000' }))),
  interval: z.optional(z.enum(INTERVALS, { error: `must be one of ${INTERVALS.join(', ')}` })),
  ranges: z.optional(z.array(numberRange, { error: 'must be a list of {from, to, label}' })),
  date_ranges: z.optional(z.array(dateRange, { error: 'must be a list of {from, to, label}' })),
});

const sectionSchema = z.strictObject({
  title: z.string({ error: 'must be text' }).check(z.minLength(1, { error: 'must not be empty' })),
  source: z.string({ error: `must be one of ${SOURCE_NAMES.join(', ')} (or its query's path)` }),
  filter: z.optional(z.string({ error: 'must be an FQL filter in quotes' })),
  windowed: z.optional(z.boolean({ error: 'must be true or false' })),
  aggregate: aggregateSchema,
  chart: z.optional(z.enum(CHARTS, { error: `must be one of ${CHARTS.join(', ')}` })),
  /** display names for values, e.g. exploit status 90 → Actively used */
  labels: z.optional(z.record(z.string(), z.string({ error: 'must map each value to a display name' }), { error: 'must map values to display names' })),
});

const reportSchema = z.strictObject({
  title: z.string({ error: 'must be text' }).check(z.minLength(1, { error: 'must not be empty' })),
  description: z.optional(z.string({ error: 'must be text' })),
  since: z.optional(z.string({ error: "must be a duration such as '30d'" })),
  sections: z.array(sectionSchema, { error: 'must be a list of sections' }).check(z.minLength(1, { error: 'must list at least one section' })),
});

export type ReportSpec = z.infer<typeof reportSchema>;
export type SectionSpec = z.infer<typeof sectionSchema>;
export type AggregateSpec = z.infer<typeof aggregateSchema>;

/** One mistake: where (a path into the file) and what is wrong. */
export interface SpecProblem {
  path: (string | number)[];
  message: string;
}

export function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || 'the file';
}

/** Checks the schema cannot express: known sources, ranges for range types, a time series over dates. */
function crossChecks(spec: ReportSpec): SpecProblem[] {
  const out: SpecProblem[] = [];
  if (spec.since !== undefined && parseDuration(spec.since) === undefined) {
    out.push({ path: ['since'], message: "must be a duration such as '24h', '30d' or '12w'" });
  }
  spec.sections.forEach((s, i) => {
    const at = (...p: (string | number)[]) => ['sections', i, ...p];
    if (!findSource(s.source)) out.push({ path: at('source'), message: `must be one of ${SOURCE_NAMES.join(', ')} (or its query's path), not '${s.source}'` });
    const a = s.aggregate;
    if (a.type === 'range' && !a.ranges?.length) out.push({ path: at('aggregate', 'ranges'), message: 'is needed by a range aggregate: list {from, to, label}' });
    if (a.type === 'date_range' && !a.date_ranges?.length) out.push({ path: at('aggregate', 'date_ranges'), message: "is needed by a date_range aggregate: list {from: 'now-7d', to, label}" });
    if (a.type !== 'date_histogram' && a.interval) out.push({ path: at('aggregate', 'interval'), message: 'applies only to a date_histogram aggregate' });
    if (s.chart === 'timeseries' && a.type !== 'date_histogram') out.push({ path: at('chart'), message: 'timeseries needs a date_histogram aggregate' });
  });
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  return issue.message;
}

export type SpecResult = { ok: true; spec: ReportSpec } | { ok: false; problems: SpecProblem[] };

/** Validates parsed YAML/JSON as a report spec, collecting every mistake. */
export function validateSpec(value: unknown): SpecResult {
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issueMessage(i) })) };
  }
  const problems = crossChecks(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, spec: parsed.data };
}
