// Compiles an FQL AST into a record predicate. All schema checks (unknown
// property, value of the wrong type, operator not valid for the type) happen
// here, once, so the returned predicate only does the matching.
//
// Matching rules:
// - A property can hold several values (string[] fields, or arrays met on a
//   dotted path); a positive operator matches when ANY value matches ANY
//   listed value. Negated operators (`!`, `!~`, `!*`) are the exact negation,
//   so a missing value never matches a positive operator and always matches
//   a negated one, and `!['a','b']` means "none of".
// - `null` as a value matches a missing or null property.

import { filterError } from './errors.js';
import { parseFql, statementsOf } from './parser.js';
import type { FqlNode, FqlOperator, FqlStatement, FqlValue } from './parser.js';
import { readPath, resolveField } from './schema.js';
import type { FieldSchema, ResolvedField } from './schema.js';
import type { SortPresets } from './sort.js';
import {
  compareScalars,
  normalizeText,
  parseNumberLiteral,
  parseTimeLiteral,
  toBoolean,
  toInstant,
  toNumber,
  toText,
  wildcardMatcher,
} from './values.js';

export interface FilterOptions {
  /** Epoch ms that relative times ('now-24h') are measured from; default Date.now(). */
  now?: number;
  /**
   * Values of top-level number and timestamp fields by position in the list
   * the filter will test (sort.ts): with them, the predicate must be given
   * each record's position, and compares those values without reading them.
   */
  presets?: SortPresets;
}

/** Whether a record matches; `at` is its position in the list, needed only with presets. */
type Predicate = (record: object, at?: number) => boolean;
/** Tests one value taken from a record against one literal from the filter. */
type ValueTest = (value: unknown) => boolean;
type PositiveOperator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'match' | 'wildcard';

const POSITIVE: Readonly<Record<FqlOperator, PositiveOperator>> = {
  eq: 'eq',
  ne: 'eq',
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
  match: 'match',
  notMatch: 'match',
  wildcard: 'wildcard',
  notWildcard: 'wildcard',
};

const SPELLING: Readonly<Record<FqlOperator, string>> = {
  eq: ':',
  ne: ':!',
  gt: ':>',
  gte: ':>=',
  lt: ':<',
  lte: ':<=',
  match: ':~',
  notMatch: ':!~',
  wildcard: ':*',
  notWildcard: ':!*',
};

export function compileFilter(filter: string, fields: FieldSchema, options: FilterOptions = {}): Predicate {
  const ast = parseFql(filter);
  // Report the first unknown property before any type error, as the API does.
  for (const st of statementsOf(ast)) {
    if (!resolveField(fields, st.property)) throw filterError(`'${st.property}' is an unknown property`);
  }
  return compileNode(ast, { fields, now: options.now ?? Date.now(), presets: options.presets });
}

interface CompileContext {
  fields: FieldSchema;
  now: number;
  presets: SortPresets | undefined;
}

function compileNode(node: FqlNode, c: CompileContext): Predicate {
  switch (node.type) {
    case 'all':
      return () => true;
    case 'and': {
      const parts = node.children.map((child) => compileNode(child, c));
      return (record, at) => parts.every((p) => p(record, at));
    }
    case 'or': {
      const parts = node.children.map((child) => compileNode(child, c));
      return (record, at) => parts.some((p) => p(record, at));
    }
    case 'statement':
      return compileStatement(node, c);
  }
}

function compileStatement(st: FqlStatement, { fields, now, presets }: CompileContext): Predicate {
  const field = resolveField(fields, st.property) as ResolvedField; // checked in compileFilter
  const op = POSITIVE[st.operator];
  const negated = op !== st.operator;
  const wantsNull = st.values.some((v) => v.kind === 'null');
  if (wantsNull && op !== 'eq') {
    throw filterError(`null can only be used with ':' or ':!' (property '${st.property}')`);
  }
  const tests = st.values
    .filter((v) => v.kind !== 'null')
    .map((v) => compileValueTest(field, st.operator, op, v, now));

  const any: ValueTest = tests.length === 1 ? (tests[0] as ValueTest) : (value) => tests.some((test) => test(value));
  // A number or an instant compares the same given as a number (not so the text operators, which read its text).
  const preset = field.path.length === 1 && (op !== 'match' && op !== 'wildcard') ? presets?.get(field.path[0] as string) : undefined;
  if (preset && (field.type === 'timestamp' || field.type === 'number')) {
    return (_record, at) => {
      const x = preset[at as number] as number;
      const hit = x !== x ? wantsNull : any(x);
      return negated ? !hit : hit;
    };
  }
  if (field.path.length === 1) {
    // The common case, a top-level field: read it in place instead of collecting values into arrays,
    // since a filter visits every record of the tenant.
    const key = field.path[0] as string;
    return (record) => {
      const hit = Object.hasOwn(record, key) ? valueHits((record as Record<string, unknown>)[key], wantsNull, any) : wantsNull;
      return negated ? !hit : hit;
    };
  }
  return (record) => {
    const found = readPath(record, field.path);
    const hit =
      (wantsNull && (found.length === 0 || found.includes(null))) ||
      found.some((value) => value !== null && any(value));
    return negated ? !hit : hit;
  };
}

/** What readPath then the test above decide for one field's value: any element matches, or null/missing was asked for. */
function valueHits(value: unknown, wantsNull: boolean, test: ValueTest): boolean {
  if (value === undefined || value === null) return wantsNull;
  if (!Array.isArray(value)) return test(value);
  let present = false;
  for (const v of value as unknown[]) {
    if (v === undefined) continue;
    present = true;
    if (v === null) {
      if (wantsNull) return true;
    } else if (test(v)) return true;
  }
  return wantsNull && !present;
}

/** The literal's text as the user wrote it (numbers keep '007'). */
function literalText(v: FqlValue): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return v.raw;
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
  }
}

function compileValueTest(
  field: ResolvedField,
  written: FqlOperator,
  op: PositiveOperator,
  v: FqlValue,
  now: number,
): ValueTest {
  const text = literalText(v);
  const where = `for property '${field.name}' at position ${v.pos}`;

  // ~ and * are text operators on every type except boolean: they look at
  // the value's text form (e.g. last_seen:*'2026-01-*').
  if (op === 'match' || op === 'wildcard') {
    if (field.type === 'boolean') {
      throw filterError(`operator '${SPELLING[written]}' cannot be used with boolean property '${field.name}'`);
    }
    const test = textTest(op, text);
    return (value) => {
      const t = toText(value);
      return t !== undefined && test(t);
    };
  }

  switch (field.type) {
    case 'string':
    case 'string[]': {
      const test = textTest(op, text);
      return (value) => {
        const t = toText(value);
        return t !== undefined && test(t);
      };
    }
    case 'number': {
      const n = v.kind === 'number' ? v.value : v.kind === 'string' ? parseNumberLiteral(v.value.trim()) : undefined;
      if (n === undefined) throw filterError(`'${text}' is not a valid number ${where}`);
      return (value) => {
        const x = toNumber(value);
        return x !== undefined && compare(op, compareScalars(x, n));
      };
    }
    case 'timestamp': {
      const t = v.kind === 'string' ? parseTimeLiteral(v.value.trim(), now) : undefined;
      if (t === undefined) throw filterError(`'${text}' is not a valid timestamp ${where}`);
      return (value) => {
        const x = toInstant(value);
        return x !== undefined && compare(op, compareScalars(x, t));
      };
    }
    case 'boolean': {
      if (op !== 'eq') {
        throw filterError(`operator '${SPELLING[written]}' cannot be used with boolean property '${field.name}'`);
      }
      const b = v.kind === 'boolean' ? v.value : v.kind === 'string' ? toBoolean(v.value.toLowerCase()) : undefined;
      if (b === undefined) throw filterError(`'${text}' is not a valid boolean ${where}`);
      return (value) => toBoolean(value) === b;
    }
  }
}

/** String semantics of each operator against one literal. */
function textTest(op: PositiveOperator, literal: string): (text: string) => boolean {
  switch (op) {
    case 'eq':
      // Equality is case-sensitive; a '*' in the value makes it a
      // (case-insensitive) wildcard, e.g. hostname:'PC*'.
      if (literal.includes('*')) return wildcardMatcher(literal);
      return (text) => text === literal;
    case 'match': {
      const needle = normalizeText(literal);
      return (text) => normalizeText(text).includes(needle);
    }
    case 'wildcard':
      // `*` without any '*' in the pattern is read as "contains".
      return wildcardMatcher(literal.includes('*') ? literal : `*${literal}*`);
    default:
      return (text) => compare(op, compareScalars(text, literal));
  }
}

function compare(op: PositiveOperator, order: number): boolean {
  switch (op) {
    case 'gt':
      return order > 0;
    case 'gte':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
    default:
      return order === 0;
  }
}
