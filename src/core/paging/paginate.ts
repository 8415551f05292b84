// Walks every page of a Falcon query, whatever its paging style, yielding
// each item once, in order, as pages arrive (memory stays bounded). A walk
// never ends short in silence: a page that is not an envelope, or one that
// repeats the page before it, stops it with a WalkStopped error.
import { ExitCode, UserError } from '../errors.js';
import { apiErrorOf } from '../api/apiError.js';
import { envelopeOf, type ApiCaller, type ApiRequest, type ApiResponse } from '../http/types.js';
import { nextRequest, readCursor, requestedOffset, type PagingStyle } from './pagingStyle.js';
import { offsetCapFor } from './offsetCaps.js';

export interface PageInfo {
  /** 1-based page number */
  page: number;
  style: PagingStyle;
  /** items received so far, this page included */
  received: number;
  total?: number;
  response: ApiResponse;
}

export interface PaginateOptions {
  /** stop after this many items */
  maxItems?: number;
  signal?: AbortSignal;
  onPage?: (info: PageInfo) => void;
  /** one-line notices for the user (e.g. switching to the scroll endpoint) */
  onNotice?: (message: string) => void;
}

function items(res: ApiResponse): unknown[] {
  const r = envelopeOf(res)?.resources;
  return Array.isArray(r) ? r : [];
}

/** A walk that stopped before its end; `items` were already yielded (and written by the caller). */
export class WalkStopped extends UserError {
  constructor(
    reason: string,
    readonly items: number,
    readonly total: number | undefined,
  ) {
    const of = total === undefined ? `${items.toLocaleString('en-US')} items` : `${items.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} items`;
    super(`The walk stopped early after ${of}: ${reason}.`, ExitCode.apiError);
  }
}

/** Why a page is not a Falcon envelope with a resources array, or undefined when it is. */
function notAnEnvelope(res: ApiResponse, page: number): string | undefined {
  const body = res.body;
  if (body.kind !== 'json') {
    const text = body.kind === 'text' ? body.value.trimStart().slice(0, 200).toLowerCase() : '';
    const what = text.startsWith('<') ? 'an HTML page (a proxy or login page?)' : body.kind === 'empty' ? 'an empty body' : 'not valid JSON';
    return `page ${page} (HTTP ${res.status}) is ${what}, not a Falcon envelope`;
  }
  const env = envelopeOf(res);
  if (!env || Array.isArray(body.value)) return `page ${page} (HTTP ${res.status}) is not a Falcon envelope`;
  // A first page without paging metadata is a response that does not page: nothing to walk.
  if (page === 1 && !env.resources && !env.meta?.pagination) return undefined;
  if (!Array.isArray(env.resources)) return `page ${page} (HTTP ${res.status}) has ${env.resources === null ? 'null' : 'no'} resources`;
  return undefined;
}

/** Identifies a page's items, to notice a server that answers the same page again. */
function fingerprint(pageItems: unknown[]): string | undefined {
  // node:crypto is loaded by walks of several pages only, not by every call that imports this module.
  return pageItems.length ? process.getBuiltinModule('node:crypto').createHash('sha256').update(JSON.stringify(pageItems)).digest('hex') : undefined;
}

/** Sends one page; a non-2xx answer becomes an ApiError. */
async function fetchPage(caller: ApiCaller, req: ApiRequest, opts: PaginateOptions): Promise<ApiResponse> {
  // Whether a page may be sent again after a failure is the send policy's call (writes never are).
  const res = await caller.request({ ...req, signal: opts.signal });
  if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, req.method, req.path);
  return res;
}

export async function* paginate(caller: ApiCaller, first: ApiRequest, opts: PaginateOptions = {}): AsyncGenerator<unknown, void, undefined> {
  let req = first;
  let received = 0;
  let page = 0;
  let lastSent: string | number | undefined;
  let lastPage: string | undefined;
  let total: number | undefined;
  let emitted = 0;
  const max = opts.maxItems ?? Infinity;
  if (max <= 0) return;

  for (;;) {
    opts.signal?.throwIfAborted();
    let res = await fetchPage(caller, req, opts);
    let pageItems = items(res);
    const env = envelopeOf(res) ?? {};
    const offset = requestedOffset(req);

    // Host queries stop at a 10,000 offset on the real API: start over on the scroll endpoint before emitting anything.
    const cap = offsetCapFor(req.path);
    const matched = env.meta?.pagination?.total;
    if (page === 0 && cap && typeof matched === 'number' && matched > cap.cap && max > cap.cap - offset) {
      if (cap.scrollPath) {
        opts.onNotice?.(`${matched.toLocaleString('en-US')} items match: paging with ${cap.scrollPath}, since ${req.path} stops at offset ${cap.cap.toLocaleString('en-US')}.`);
        req = { ...req, path: cap.scrollPath, query: req.query?.filter(([k]) => k !== 'offset') };
        res = await fetchPage(caller, req, opts);
        pageItems = items(res);
      } else {
        throw new UserError(
          `${matched.toLocaleString('en-US')} items match, but ${req.path} stops at offset ${cap.cap.toLocaleString('en-US')}: ${cap.advice}.`,
        );
      }
    }

    page++;
    const broken = notAnEnvelope(res, page);
    if (broken) throw new WalkStopped(broken, emitted, total);
    const cursor = readCursor(envelopeOf(res) ?? {}, received + pageItems.length, requestedOffset(req), pageItems.length);
    // Only a page with a neighbour can repeat it: a walk of one page (most lookups) hashes nothing.
    if (lastPage !== undefined || cursor.next !== undefined) {
      const print = fingerprint(pageItems);
      if (print !== undefined && print === lastPage) throw new WalkStopped(`page ${page} repeats page ${page - 1} (the server ignored the paging ${cursorName(req)})`, emitted, total);
      lastPage = print;
    }
    received += pageItems.length;
    total = cursor.total ?? total;
    opts.onPage?.({ page, style: cursor.style, received, total: cursor.total, response: res });

    for (const item of pageItems) {
      yield item;
      if (++emitted >= max) return;
    }
    if (cursor.next === undefined) return;
    if (cursor.next === lastSent) throw new WalkStopped('the API returned the same cursor twice; narrow the query and try again', emitted, total);
    lastSent = cursor.next;
    req = nextRequest(req, cursor);
  }
}

/** The paging parameter a request advances by, for messages. */
function cursorName(req: ApiRequest): string {
  const keys = new Set([...(req.query ?? []).map(([k]) => k)]);
  return keys.has('after') ? '`after` token' : '`offset`';
}
