// Walks every page of a Falcon query, whatever its paging style, yielding
// each item once, in order, as pages arrive (memory stays bounded).
import { UserError } from '../errors.js';
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
    const total = env.meta?.pagination?.total;
    if (page === 0 && cap && typeof total === 'number' && total > cap.cap && max > cap.cap - offset) {
      if (cap.scrollPath) {
        opts.onNotice?.(`${total.toLocaleString('en-US')} items match: paging with ${cap.scrollPath}, since ${req.path} stops at offset ${cap.cap.toLocaleString('en-US')}.`);
        req = { ...req, path: cap.scrollPath, query: req.query?.filter(([k]) => k !== 'offset') };
        res = await fetchPage(caller, req, opts);
        pageItems = items(res);
      } else {
        throw new UserError(
          `${total.toLocaleString('en-US')} items match, but ${req.path} stops at offset ${cap.cap.toLocaleString('en-US')}: ${cap.advice}.`,
        );
      }
    }

    page++;
    received += pageItems.length;
    const cursor = readCursor(envelopeOf(res) ?? {}, received, requestedOffset(req), pageItems.length);
    opts.onPage?.({ page, style: cursor.style, received, total: cursor.total, response: res });

    for (const item of pageItems) {
      yield item;
      if (++emitted >= max) return;
    }
    if (cursor.next === undefined) return;
    if (cursor.next === lastSent) {
      throw new UserError(`Paging stopped advancing at item ${received}: the API returned the same cursor twice. Narrow the query and try again.`);
    }
    lastSent = cursor.next;
    req = nextRequest(req, cursor);
  }
}
