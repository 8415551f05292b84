// Completion for query rows: parameter names from the operation, then enum
// values for the chosen name. Matching is case-insensitive; a prefix match
// ranks above a match inside the word.
import type { ParamShape } from './operationShape.js';

export interface Suggestion {
  /** what accepting it puts in the field */
  value: string;
  /** a short note shown beside it, e.g. "integer, required" */
  detail?: string;
  required?: boolean;
}

/** 0 exact, 1 prefix, 2 inside the word; undefined when it does not match. */
function matchRank(candidate: string, typed: string): number | undefined {
  const c = candidate.toLowerCase();
  const t = typed.trim().toLowerCase();
  if (t === '') return 1;
  if (c === t) return 0;
  if (c.startsWith(t)) return 1;
  if (c.includes(t)) return 2;
  return undefined;
}

function detailOf(p: ParamShape): string {
  const type = p.array ? `${p.type}[]` : p.type;
  return p.required ? `${type}, required` : type;
}

/**
 * Query parameter names matching what is typed: required ones first within
 * each match rank, then in the operation's order. Names used by other rows
 * are left out unless the parameter may repeat.
 */
export function suggestParamNames(params: readonly ParamShape[], typed: string, usedKeys: readonly string[] = []): Suggestion[] {
  const ranked: { p: ParamShape; rank: number; order: number }[] = [];
  params.forEach((p, order) => {
    if (p.in !== 'query') return;
    if (!p.array && usedKeys.includes(p.name)) return;
    const rank = matchRank(p.name, typed);
    if (rank !== undefined) ranked.push({ p, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || Number(b.p.required) - Number(a.p.required) || a.order - b.order);
  return ranked.map(({ p }) => ({ value: p.name, detail: detailOf(p), required: p.required }));
}

/** The values a parameter can take, when they are a closed set (an enum, or a boolean). */
export function closedValuesOf(param: ParamShape | undefined): string[] | undefined {
  if (!param) return undefined;
  if (param.enum && param.enum.length > 0) return param.enum;
  if (param.type === 'boolean') return ['true', 'false'];
  return undefined;
}

/**
 * Values of a parameter with a closed set that match what is typed, in the
 * set's order with prefix matches first. For a repeatable parameter, values
 * other rows already hold are left out.
 */
export function suggestParamValues(param: ParamShape | undefined, typed: string, usedValues: readonly string[] = []): Suggestion[] {
  const values = closedValuesOf(param);
  if (!values || !param) return [];
  const ranked: { value: string; rank: number; order: number }[] = [];
  values.forEach((value, order) => {
    if (param.array && usedValues.includes(value)) return;
    const rank = matchRank(value, typed);
    if (rank !== undefined) ranked.push({ value, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.map(({ value }) => ({ value }));
}
