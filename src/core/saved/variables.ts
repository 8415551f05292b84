// {{variables}} in a saved request's path, query and body. A value comes from
// --var name=value, else the environment (TALON_VAR_<name>), else the
// variable's default in the file; the shell asks for the rest. Substitution
// works on the parsed JSON body, so values never break its quoting.
import { UserError } from '../errors.js';
import type { ApiRequest } from '../http/types.js';
import { VARIABLE_NAME, type SavedRequest, type VariableSpec } from './savedRequest.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

export type VariableSource = 'flag' | 'env' | 'default';

export interface ResolvedVariables {
  values: Record<string, string>;
  sources: Record<string, VariableSource>;
  /** used but given nowhere, in order of appearance */
  missing: string[];
}

/** The environment variable that gives `name` a value. */
export function envVarName(name: string): string {
  return `TALON_VAR_${name}`;
}

function namesIn(text: string, out: string[]): void {
  for (const m of text.matchAll(PLACEHOLDER)) if (!out.includes(m[1] as string)) out.push(m[1] as string);
}

function namesInJson(value: unknown, out: string[]): void {
  if (typeof value === 'string') namesIn(value, out);
  else if (Array.isArray(value)) for (const v of value) namesInJson(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      namesIn(k, out);
      namesInJson(v, out);
    }
  }
}

/** The variables a request uses, in order of appearance (path, query, body). */
export function variablesOf(saved: Pick<SavedRequest, 'path' | 'query' | 'body'>): string[] {
  const out: string[] = [];
  namesIn(saved.path, out);
  for (const [k, v] of saved.query) {
    namesIn(k, out);
    namesIn(v, out);
  }
  namesInJson(saved.body, out);
  return out;
}

/** Parses repeated `--var name=value`. */
export function parseVarFlags(items: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const i = item.indexOf('=');
    const name = i < 0 ? item : item.slice(0, i);
    if (i < 0 || !VARIABLE_NAME.test(name)) {
      throw new UserError(`Invalid --var '${item}': write it as name=value, e.g. --var hostname=WS-01.`);
    }
    out[name] = item.slice(i + 1);
  }
  return out;
}

/** Resolves every variable the request uses: --var, then TALON_VAR_<name>, then the file's default. */
export function resolveVariables(saved: SavedRequest, given: { vars?: Record<string, string>; env?: NodeJS.ProcessEnv } = {}): ResolvedVariables {
  const values: Record<string, string> = {};
  const sources: Record<string, VariableSource> = {};
  const missing: string[] = [];
  for (const name of variablesOf(saved)) {
    const flag = given.vars?.[name];
    const env = given.env?.[envVarName(name)];
    const fallback = saved.variables[name]?.default;
    if (flag !== undefined) [values[name], sources[name]] = [flag, 'flag'];
    else if (env !== undefined) [values[name], sources[name]] = [env, 'env'];
    else if (fallback !== undefined) [values[name], sources[name]] = [fallback, 'default'];
    else missing.push(name);
  }
  return { values, sources, missing };
}

/** One sentence naming what is missing and how to supply it. */
export function missingVariablesError(saved: SavedRequest, missing: readonly string[]): UserError {
  const about = (n: string): string => {
    const d = saved.variables[n]?.description;
    return d ? `{{${n}}} (${d})` : `{{${n}}}`;
  };
  const first = missing[0] as string;
  const list = missing.length === 1 ? about(first) : `${missing.slice(0, -1).map(about).join(', ')} and ${about(missing[missing.length - 1] as string)}`;
  const how = missing.map((n) => `--var ${n}=VALUE`).join(' ');
  return new UserError(
    `The saved request '${saved.name}' needs a value for ${list}: pass ${how}, or set ${missing.map(envVarName).join(', ')}.`,
  );
}

/** "a, b c" → ["a", "b", "c"] */
function listItems(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

function typed(name: string, value: string, spec: VariableSpec | undefined): unknown {
  if (spec?.type === 'number') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new UserError(`The variable ${name} must be a number; got '${value}'.`);
    return n;
  }
  if (spec?.type === 'list') return listItems(value);
  if (spec?.type === 'boolean') {
    if (!/^(true|false)$/i.test(value)) throw new UserError(`The variable ${name} must be true or false; got '${value}'.`);
    return value.toLowerCase() === 'true';
  }
  return value;
}

function fill(text: string, values: Record<string, string>, encode: (v: string) => string = (v) => v): string {
  return text.replace(PLACEHOLDER, (m, name: string) => {
    const v = values[name];
    return v === undefined ? m : encode(v);
  });
}

function fillJson(value: unknown, saved: SavedRequest, values: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    const name = whole?.[1];
    if (name !== undefined && values[name] !== undefined) return typed(name, values[name], saved.variables[name]);
    return fill(value, values);
  }
  if (Array.isArray(value)) return value.map((v) => fillJson(v, saved, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fill(k, values), fillJson(v, saved, values)]));
  }
  return value;
}

/** Replaces the variables that have a value; others stay {{placeholders}}. */
function substitute(saved: SavedRequest, values: Record<string, string>): ApiRequest {
  const req: ApiRequest = {
    method: saved.method,
    path: fill(saved.path, values, encodeURIComponent),
    query: saved.query.flatMap(([k, v]) => {
      const name = WHOLE.exec(v)?.[1];
      const value = name === undefined ? undefined : values[name];
      if (name !== undefined && value !== undefined && saved.variables[name]?.type === 'list') {
        return listItems(value).map((item) => [fill(k, values), item] as const);
      }
      return [[fill(k, values), fill(v, values)] as const];
    }),
  };
  return saved.body === undefined ? req : { ...req, body: { json: fillJson(saved.body, saved, values) } };
}

/**
 * The request with every {{variable}} replaced. Throws the missing-variable
 * sentence if one has no value. Path values are percent-encoded so that they
 * stay one path segment; query values are encoded later, by the HTTP client.
 */
export function applyVariables(saved: SavedRequest, values: Record<string, string>): ApiRequest {
  const missing = variablesOf(saved).filter((n) => values[n] === undefined);
  if (missing.length) throw missingVariablesError(saved, missing);
  return substitute(saved, values);
}

/** Fills what it can and leaves the other {{placeholders}} as they are (exports of requests not filled in). */
export function applyKnownVariables(saved: SavedRequest, values: Record<string, string>): ApiRequest {
  return substitute(saved, values);
}
