// A report spec: a title and sections, each a catalog query (source and FQL
// filter), one aggregation in the API's request model, and a presentation.
// Validation names every mistake with where it is in the file. It uses
// valibot, not zod: valibot's schemas are plain objects, so nothing is built
// when the module loads (zod's runtime cost one-shot commands ~8 ms a call).
import * as v from 'valibot';
import { closedMapping } from '../schema/closedMapping.js';
import { isObject } from '../schema/isObject.js';
import { findSource, SOURCE_NAMES } from './sources.js';
import { parseDuration } from './duration.js';

export const CHARTS = ['table', 'bar', 'timeseries'] as const;
export const AGGREGATE_TYPES = ['terms', 'date_histogram', 'range', 'date_range'] as const;
export const INTERVALS = ['hour', 'day', 'week'] as const;

export type ChartKind = (typeof CHARTS)[number];
export type AggregateType = (typeof AGGREGATE_TYPES)[number];
export type Interval = (typeof INTERVALS)[number];

function unknownKeysMessage(keys: readonly string[]): string {
  return `has unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}`;
}

const closedMap = <const E extends v.ObjectEntries>(entries: E, notAMapping: string) => closedMapping(entries, { notAMapping, unknownKeys: unknownKeysMessage });

const label = v.optional(v.string('must be text'));
const dateText = v.optional(v.string("must be a date such as 'now-7d' or an RFC 3339 time"));
const numberRange = closedMap({ from: v.optional(v.number('must be a number')), to: v.optional(v.number('must be a number')), label }, 'must be {from, to, label}');
const dateRange = closedMap({ from: dateText, to: dateText, label }, 'must be {from, to, label}');
const fieldName = v.pipe(v.string('must name a record field, such as platform_name'), v.minLength(1, 'must name a record field, such as platform_name'));
// A schema, not v.integer: a fraction stops here rather than also failing 'at least 1'.
const bucketCount = v.pipe(v.custom<number>(Number.isInteger, 'must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(1000, 'must be at most 1000'));

const aggregateSchema = closedMap(
  {
    type: v.picklist(AGGREGATE_TYPES, `must be one of ${AGGREGATE_TYPES.join(', ')}`),
    field: fieldName,
    size: v.optional(bucketCount),
    interval: v.optional(v.picklist(INTERVALS, `must be one of ${INTERVALS.join(', ')}`)),
    ranges: v.optional(v.array(numberRange, 'must be a list of {from, to, label}')),
    date_ranges: v.optional(v.array(dateRange, 'must be a list of {from, to, label}')),
  },
  'must be {type, field} and its options',
);

const sectionSchema = closedMap(
  {
    title: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty')),
    source: v.string(`must be one of ${SOURCE_NAMES.join(', ')} (or its query's path)`),
    filter: v.optional(v.string('must be an FQL filter in quotes')),
    windowed: v.optional(v.boolean('must be true or false')),
    aggregate: aggregateSchema,
    chart: v.optional(v.picklist(CHARTS, `must be one of ${CHARTS.join(', ')}`)),
    /** display names for values, e.g. exploit status 90 → Actively used */
    labels: v.optional(
      v.pipe(v.custom<Record<string, unknown>>(isObject, 'must map values to display names'), v.record(v.string(), v.string('must map each value to a display name'))),
    ),
  },
  'must be a section: {title, source, aggregate}',
);

const reportSchema = closedMap(
  {
    title: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty')),
    description: v.optional(v.string('must be text')),
    since: v.optional(v.string("must be a duration such as '30d'")),
    sections: v.pipe(v.array(sectionSchema, 'must be a list of sections'), v.minLength(1, 'must list at least one section')),
  },
  'must be a map with a title and sections',
);

export type ReportSpec = v.InferOutput<typeof reportSchema>;
export type SectionSpec = v.InferOutput<typeof sectionSchema>;
export type AggregateSpec = v.InferOutput<typeof aggregateSchema>;

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

/** An absent key (its issue's input is undefined, which YAML cannot write) is missing; other mistakes say what is expected. */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  return issue.input === undefined ? 'is missing' : issue.message;
}

export type SpecResult = { ok: true; spec: ReportSpec } | { ok: false; problems: SpecProblem[] };

/** Validates parsed YAML/JSON as a report spec, collecting every mistake. */
export function validateSpec(value: unknown): SpecResult {
  const parsed = v.safeParse(reportSchema, value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((i) => ({ path: (i.path ?? []).map((p) => (typeof p.key === 'number' ? p.key : String(p.key))), message: issueMessage(i) })),
    };
  }
  const problems = crossChecks(parsed.output);
  return problems.length ? { ok: false, problems } : { ok: true, spec: parsed.output };
}
