// Turns the arguments of `talon request` (those of XSOAR's cs-api-request:
// endpoint, http_method, query_parameters, request_body) into an ApiRequest.
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { HTTP_METHODS, type ApiRequest, type HttpMethod } from '../http/types.js';
import { parseJsonArg } from './jsonInput.js';

export interface RequestArgs {
  endpoint: string;
  method?: string;
  /** `-q key=value`, repeatable */
  query?: string[];
  /** `--query-json '{"filter": "...", "ids": ["a", "b"]}'` */
  queryJson?: string;
  /** `-d JSON`, `-d @file`, `-d -` (standard input) */
  data?: string;
}

export interface ArgSources {
  /** the configured API base URL, to accept full URLs on the same host */
  baseUrl: string;
  readStdin: () => string;
  readFile?: (path: string) => string;
}

export function parseMethod(input: string | undefined): HttpMethod {
  const m = (input ?? 'GET').toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(m)) {
    throw new UserError(`Unknown HTTP method '${input}': use one of ${HTTP_METHODS.join(', ')}.`);
  }
  return m as HttpMethod;
}

/** The path, and any query pairs written into it, of an endpoint given as a path or a full URL. */
export function parseEndpoint(endpoint: string, baseUrl: string): { path: string; query: [string, string][] } {
  const trimmed = endpoint.trim();
  if (!trimmed) throw new UserError('No endpoint given: pass a path such as /devices/queries/devices/v1.');
  let url: URL;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      url = new URL(trimmed);
    } catch {
      throw new UserError(`The endpoint '${trimmed}' is not a valid URL: pass a path such as /devices/queries/devices/v1, or a full https:// URL.`);
    }
    const base = new URL(baseUrl);
    if (url.host !== base.host) {
      throw new UserError(`The URL ${url.origin} is not the API host of this profile (${base.origin}): pass a path, or switch --cloud/--base-url.`);
    }
  } else {
    // As cs-api-request joins it to the base URL, the leading / is optional.
    url = new URL(trimmed.startsWith('/') ? trimmed : `/${trimmed}`, 'http://talon.invalid');
  }
  return { path: url.pathname, query: [...url.searchParams.entries()] };
}

function queryPairsFromFlags(items: string[]): [string, string][] {
  return items.map((item) => {
    const i = item.indexOf('=');
    if (i <= 0) throw new UserError(`Invalid query parameter '${item}': write it as key=value, e.g. -q filter="hostname:'WS-01'".`);
    return [item.slice(0, i), item.slice(i + 1)];
  });
}

function queryPairsFromJson(text: string): [string, string][] {
  // An empty query_parameters is absent, as in cs-api-request (playbooks pass empty arguments).
  if (text.trim() === '') return [];
  const value = parseJsonArg(text, '--query-json');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError('--query-json must be a JSON object, e.g. {"filter": "platform_name:\'Windows\'", "limit": 100}.');
  }
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(value)) {
    // A null value drops the key, as cs-api-request does.
    if (v === null) continue;
    // Arrays become repeated keys (collectionFormat multi); booleans lowercase.
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === null) continue;
      if (typeof item === 'object') {
        throw new UserError(`--query-json: the value of '${k}' must be a string, number, boolean or an array of those.`);
      }
      pairs.push([k, String(item)]);
    }
  }
  return pairs;
}

function readBody(data: string, src: ArgSources): { json: unknown } {
  if (data === '-') return { json: parseJsonArg(src.readStdin(), 'the body read from standard input') };
  if (data.startsWith('@')) {
    const path = data.slice(1);
    let text: string;
    try {
      text = (src.readFile ?? ((p: string) => readFileSync(p, 'utf8')))(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UserError(
        code === 'ENOENT' ? `The body file '${path}' does not exist.` : `Cannot read the body file '${path}' (${code ?? (e as Error).message}).`,
      );
    }
    return { json: parseJsonArg(text, `the body file '${path}'`) };
  }
  return { json: parseJsonArg(data, '-d') };
}

export function buildRequest(args: RequestArgs, src: ArgSources): ApiRequest {
  const method = parseMethod(args.method);
  const { path, query } = parseEndpoint(args.endpoint, src.baseUrl);
  // No --query-json, nothing to parse (the JSON parser's first run is ~1.5 ms of a one-shot call).
  const pairs = [...query, ...(args.queryJson === undefined ? [] : queryPairsFromJson(args.queryJson)), ...queryPairsFromFlags(args.query ?? [])];
  const req: ApiRequest = { method, path, query: pairs };
  // An empty request_body is absent, as in cs-api-request.
  if (args.data !== undefined && args.data.trim() !== '') return { ...req, body: readBody(args.data, src) };
  return req;
}
