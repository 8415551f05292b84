// A pasted curl command as a talon request. Authorization is dropped (talon
// brings its own token), $VARIABLES in the URL or body become {{variables}},
// and anything talon cannot represent gets one sentence saying so.
import { UserError } from '../errors.js';
import { parseJson } from '../request/jsonInput.js';
import { parseMethod } from '../request/requestArgs.js';
import type { ApiRequest } from '../http/types.js';
import { isOnlyVariable, replaceVariables, splitCommand, VAR_END, VAR_START } from './shellWords.js';
import { readCurlArgs, type CurlArgs } from './curlArgs.js';

export interface ImportedRequest {
  request: ApiRequest;
  /** scheme://host[:port] of the URL, when it had one */
  baseUrl?: string;
  /** what was left out or changed, one sentence each (never a header's value) */
  notes: string[];
  /** the {{variables}} made from $VARIABLES */
  variables: string[];
}

export interface FromCurlOptions {
  /** strips this base URL's path prefix from the path */
  baseUrl?: string;
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** x-www-form-urlencoded decoding, as the API reads a query: + is a space. */
function decodeComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function parseQuery(search: string): [string, string][] {
  return search
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? [decodeComponent(p), ''] : [decodeComponent(p.slice(0, i)), decodeComponent(p.slice(i + 1))];
    });
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Splits the URL into origin, path and query; a leading $VARIABLE stands for the base URL. */
function splitUrl(url: string, options: FromCurlOptions): { origin?: string; path: string; query: [string, string][] } {
  let rest = url;
  let origin: string | undefined;
  if (rest.startsWith(VAR_START)) {
    rest = rest.slice(rest.indexOf(VAR_END) + 1);
  } else if (!rest.startsWith('/')) {
    // curl takes a URL without a scheme; the API is HTTPS.
    const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(rest) ? rest : `https://${rest}`;
    let parsed: URL;
    try {
      // The URL parser strips control characters at the end of its input: a '#' keeps the mark of a
      // $VARIABLE that ends the URL (…?ids=$AID); the fragment is dropped below anyway.
      parsed = new URL(`${absolute}#`);
    } catch {
      throw new UserError(`The curl command's URL '${url}' is not a valid URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new UserError(`The curl command's URL uses ${parsed.protocol.replace(':', '')}: talon speaks HTTP and HTTPS only.`);
    }
    origin = parsed.origin;
    rest = parsed.pathname + parsed.search;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  let path = decodePath(q >= 0 ? rest.slice(0, q) : rest);
  const query = q >= 0 ? parseQuery(rest.slice(q + 1)) : [];
  if (!path.startsWith('/')) path = `/${path}`;
  const prefix = options.baseUrl ? new URL(options.baseUrl).pathname.replace(/\/+$/, '') : '';
  if (prefix && path.startsWith(`${prefix}/`)) path = path.slice(prefix.length);
  return { origin, path, query };
}

/** The data of -d, --data-urlencode and --json, joined with & as curl does. */
function joinData(args: CurlArgs): string | undefined {
  if (args.data.length === 0) return undefined;
  return args.data.map((d) => d.text).join('&');
}

function bodyOf(args: CurlArgs, data: string): unknown {
  const r = parseJson(data);
  if (r.ok) return r.value;
  const looksLikeForm = args.data.every((d) => d.kind === 'urlencode') || /^[^{["\s][^=\s]*=/.test(data);
  if (looksLikeForm) {
    throw new UserError('The curl command sends form data (key=value): talon sends JSON bodies. For query parameters, add -G to the curl command.');
  }
  const { line, column, message } = r.problem;
  const hint = data.includes('{{') ? ' A shell variable outside a JSON string must be written as its value.' : '';
  throw new UserError(`The curl command's body is not valid JSON (line ${line}, column ${column}: ${message}).${hint}`);
}

/** Turns the marks of $VARIABLES into {{variables}}. */
function templated(text: string, found: Set<string>): string {
  return replaceVariables(text, (name) => {
    if (!VAR_NAME.test(name)) throw new UserError(`The shell variable '$${name}' cannot become a talon variable: write its value instead.`);
    found.add(name);
    return `{{${name}}}`;
  });
}

/** Parses a curl command (as pasted from a terminal, the docs or a browser's "Copy as cURL (bash)"). */
export function fromCurl(text: string, options: FromCurlOptions = {}): ImportedRequest {
  if (/\^"|\^\r?\n/.test(text)) {
    throw new UserError('This looks like a Windows cmd curl command: copy it as cURL (bash) instead.');
  }
  const { words, rest } = splitCommand(text.replace(/^\s*\$\s+/, ''));
  const notes: string[] = [];
  if (rest) notes.push(`Ignored what follows the curl command: ${rest.length > 40 ? `${rest.slice(0, 39)}…` : rest}`);
  if (words[0] !== 'curl') throw new UserError('That is not a curl command: it should start with curl.');
  const args = readCurlArgs(words.slice(1), notes);
  const urls = args.urls.filter((u) => {
    if (!isOnlyVariable(u)) return true;
    notes.push(`Ignored ${replaceVariables(u, (n) => `$${n}`)} (a shell variable on its own).`);
    return false;
  });
  if (urls.length === 0) throw new UserError('The curl command has no URL.');
  if (urls.length > 1) throw new UserError(`The curl command has ${urls.length} URLs: paste one request at a time.`);

  let url = urls[0] as string;
  const data = joinData(args);
  if (args.get && data !== undefined) url += (url.includes('?') ? '&' : '?') + data;
  const found = new Set<string>();
  const { origin, path, query } = splitUrl(url, options);
  const method = parseMethod(args.method ?? (args.head ? 'HEAD' : !args.get && data !== undefined ? 'POST' : 'GET'));
  const request: ApiRequest = {
    method,
    path: templated(path, found),
    query: query.map(([k, v]) => [templated(k, found), templated(v, found)] as const),
  };
  if (!args.get && data !== undefined) {
    // Variables become {{name}} before parsing: a JSON string may not hold the marks' control characters.
    const json = bodyOf(args, templated(data, found));
    return { request: { ...request, body: { json } }, baseUrl: origin, notes, variables: [...found] };
  }
  return { request, baseUrl: origin, notes, variables: [...found] };
}
