// A saved request and its file format: one human-editable JSON file per
// request, validated with valibot on load (naming the field that is wrong) and
// written in a fixed key order so that diffs stay small.
import * as v from 'valibot';
import { closedMapping, unknownKeysOf } from '../schema/closedMapping.js';
import { issuePath } from '../schema/issuePath.js';
import { UserError } from '../errors.js';
import { HTTP_METHODS, type ApiRequest, type HttpMethod } from '../http/types.js';

export const VARIABLE_TYPES = ['string', 'number', 'boolean', 'list'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export interface VariableSpec {
  description?: string;
  /** used when neither --var nor the environment gives a value */
  default?: string;
  /**
   * number, boolean or list: a body value that is exactly "{{name}}" becomes
   * that JSON type (a list is split on commas and spaces into an array of
   * strings), and a list in a query value that is exactly "{{name}}" becomes
   * one repeated key per item (ids=a&ids=b)
   */
  type?: VariableType;
}

export interface SavedRequest {
  /** the file name without .json */
  name: string;
  description: string;
  method: HttpMethod;
  path: string;
  /** ordered pairs; a key may repeat */
  query: [string, string][];
  body?: unknown;
  variables: Record<string, VariableSpec>;
}

/** Letters, digits, - and _ (the name is also the file name). */
export const SAVED_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkSavedName(name: string): string {
  if (!SAVED_NAME.test(name) || name.length > 100) {
    throw new UserError(`'${name}' is not a valid saved request name: use letters, digits, - and _ (starting with a letter or digit).`);
  }
  return name;
}

const scalar = v.union([v.string(), v.number(), v.boolean()]);
// Every unknown key is named (parseSavedFile words the sentence); a list where a mapping belongs is refused.
const mapping = <const E extends v.ObjectEntries>(entries: E) =>
  closedMapping(entries, { notAMapping: 'must be a JSON object', unknownKeys: (keys) => `unknown field${keys.length === 1 ? '' : 's'} ${keys.join(', ')}` });
const fileSchema = mapping({
  description: v.optional(v.string(), ''),
  method: v.pipe(
    v.string(),
    v.transform((m: string) => m.toUpperCase()),
    v.picklist(HTTP_METHODS, `must be one of ${HTTP_METHODS.join(', ')}`),
  ),
  path: v.pipe(v.string(), v.startsWith('/', 'must be a path starting with /')),
  query: v.optional(v.record(v.string(), v.union([scalar, v.array(scalar)]), 'must be an object of names to values (arrays for repeated keys)')),
  // The file is parsed JSON already: any value in it is a JSON value.
  body: v.optional(v.unknown()),
  variables: v.optional(
    v.record(
      v.pipe(v.string(), v.regex(VARIABLE_NAME, 'variable names use letters, digits and _')),
      mapping({
        description: v.optional(v.string()),
        default: v.optional(v.pipe(v.union([v.string(), v.number(), v.boolean()]), v.transform(String))),
        type: v.optional(v.picklist(VARIABLE_TYPES)),
      }),
    ),
  ),
});

/** A file that failed validation: the first problem, naming the field. */
export class SavedFileError extends UserError {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
  }
}

/** Parses the text of `<name>.json`; throws a SavedFileError naming the file and the field. */
export function parseSavedFile(text: string, name: string, file: string): SavedRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SavedFileError(file, undefined, `not valid JSON (${(e as Error).message})`);
  }
  const r = v.safeParse(fileSchema, raw);
  if (!r.success) {
    const issue = r.issues[0];
    const where = issuePath(issue.path);
    const unknown = unknownKeysOf(issue);
    if (unknown) throw new SavedFileError(file, unknown.map((k) => (where ? `${where}.${k}` : k)).join(', '), 'unknown field (expected description, method, path, query, body, variables)');
    throw new SavedFileError(file, where || undefined, issue.message);
  }
  const f = r.output;
  const query: [string, string][] = [];
  for (const [k, v] of Object.entries(f.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) query.push([k, String(item)]);
  }
  const saved: SavedRequest = { name, description: f.description, method: f.method, path: f.path, query, variables: f.variables ?? {} };
  if (f.body !== undefined) saved.body = f.body;
  return saved;
}

/** Query pairs as the file's object: repeated keys become arrays, keys in order of first appearance. */
function queryObject(pairs: readonly (readonly [string, string])[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** The file text: fixed key order, 2-space indent, trailing newline; empty parts left out. */
export function serializeSaved(saved: SavedRequest): string {
  const file: Record<string, unknown> = { description: saved.description, method: saved.method, path: saved.path };
  if (saved.query.length) file.query = queryObject(saved.query);
  if (saved.body !== undefined) file.body = saved.body;
  const names = Object.keys(saved.variables);
  if (names.length) {
    file.variables = Object.fromEntries(
      names.map((n) => {
        const v = saved.variables[n] ?? {};
        const spec: VariableSpec = {};
        if (v.description !== undefined) spec.description = v.description;
        if (v.default !== undefined) spec.default = v.default;
        if (v.type !== undefined) spec.type = v.type;
        return [n, spec];
      }),
    );
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A saved request made from a request (sent, from history, or imported); `variables` declares names it uses. */
export function savedFromRequest(name: string, req: ApiRequest, description = '', variables: readonly string[] = []): SavedRequest {
  const saved: SavedRequest = {
    name: checkSavedName(name),
    description,
    method: req.method,
    path: req.path,
    query: (req.query ?? []).map(([k, v]) => [k, v]),
    variables: Object.fromEntries(variables.map((v) => [v, {}])),
  };
  if (req.body && 'json' in req.body && req.body.json !== undefined) saved.body = req.body.json;
  return saved;
}
