// One line of the history file: what was sent and how it went. Never a
// header: the Authorization header, tokens and secrets have no field here.
// Reading lines back checks them (historyEntrySchema.ts); writing one needs no
// schema, so every `talon request` appends without loading a validator.
import { UserError } from '../errors.js';
import { envelopeOf, type ApiRequest, type ApiResponse, type HttpMethod } from '../http/types.js';

export interface HistoryEntry {
  /** ISO time the request was sent */
  time: string;
  /** the profile (or target) label that sent it */
  profile: string;
  /** the API base URL it went to, for exports */
  baseUrl?: string;
  method: HttpMethod;
  path: string;
  query: [string, string][];
  /** the JSON body sent, unless it was too large to keep (see truncated) */
  body?: unknown;
  /** HTTP status of the (last) response; 0 when no response came back */
  status: number;
  durationMs: number;
  /** resources received (every page with --all) */
  items?: number;
  traceId?: string;
  /** why no response came back (network failure) */
  error?: string;
  /** parts left out to keep the line small: the body's size in bytes, the number of query pairs */
  truncated?: { body?: number; query?: number };
}

/** Bodies larger than this are replaced by a marker, so a line stays far below 64 KB. */
export const MAX_BODY_CHARS = 16_384;
const MAX_QUERY_CHARS = 32_768;


/** What happened to a request: a response, or the reason there was none. */
export interface RequestOutcome {
  status: number;
  durationMs: number;
  items?: number;
  traceId?: string;
  error?: string;
}

export interface EntryContext {
  profile: string;
  baseUrl?: string;
}

/** The number of resources in a Falcon envelope, when it has a resources array. */
export function resourceCount(res: ApiResponse): number | undefined {
  const r = envelopeOf(res)?.resources;
  return Array.isArray(r) ? r.length : undefined;
}

export function outcomeOf(res: ApiResponse, items: number | undefined = resourceCount(res)): RequestOutcome {
  const ok = res.status >= 200 && res.status < 300;
  return { status: res.status, durationMs: Math.round(res.durationMs), items: ok ? items : undefined, traceId: res.traceId };
}

/** OAuth2 calls carry client secrets and tokens in their fields: history keeps none of them. */
function carriesCredentials(path: string): boolean {
  return path.startsWith('/oauth2/');
}

/** Builds an entry; only JSON bodies are kept (form bodies carry credentials). */
export function makeEntry(req: ApiRequest, outcome: RequestOutcome, ctx: EntryContext, now: Date = new Date()): HistoryEntry {
  const entry: HistoryEntry = {
    time: now.toISOString(),
    profile: ctx.profile,
    baseUrl: ctx.baseUrl,
    method: req.method,
    path: req.path,
    query: carriesCredentials(req.path) ? [] : (req.query ?? []).map(([k, v]) => [k, v]),
    status: outcome.status,
    durationMs: Math.round(outcome.durationMs),
    items: outcome.items,
    traceId: outcome.traceId,
    error: outcome.error,
  };
  if (req.body && 'json' in req.body && req.body.json !== undefined && !carriesCredentials(req.path)) entry.body = req.body.json;
  return entry;
}

/** The entry as one line of JSON in a fixed key order, with huge parts replaced by markers. */
export function serializeEntry(entry: HistoryEntry): string {
  const truncated: { body?: number; query?: number } = { ...entry.truncated };
  let body = entry.body;
  if (body !== undefined) {
    const text = JSON.stringify(body);
    if (text.length > MAX_BODY_CHARS) {
      truncated.body = Buffer.byteLength(text, 'utf8');
      body = undefined;
    }
  }
  let query = entry.query;
  if (JSON.stringify(query).length > MAX_QUERY_CHARS) {
    truncated.query = query.length;
    query = [];
  }
  const ordered: HistoryEntry = {
    time: entry.time,
    profile: entry.profile,
    baseUrl: entry.baseUrl,
    method: entry.method,
    path: entry.path,
    query,
    body,
    status: entry.status,
    durationMs: entry.durationMs,
    items: entry.items,
    traceId: entry.traceId,
    error: entry.error,
    truncated: Object.keys(truncated).length ? truncated : undefined,
  };
  return JSON.stringify(ordered);
}

/** The request an entry describes, ready to send again (throws if parts were too large to keep). */
export function entryToRequest(entry: HistoryEntry): ApiRequest {
  if (entry.truncated?.body !== undefined || entry.truncated?.query !== undefined) {
    const what = entry.truncated.body !== undefined ? `its body (${entry.truncated.body} bytes)` : `its query (${entry.truncated.query} parameters)`;
    throw new UserError(`This history entry cannot be sent again: ${what} was too large to keep in the history.`);
  }
  const req: ApiRequest = { method: entry.method, path: entry.path, query: entry.query.map(([k, v]) => [k, v] as const) };
  return entry.body === undefined ? req : { ...req, body: { json: entry.body } };
}
