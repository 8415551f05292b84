// Page-by-page navigation in the shell: where the current page sits in the
// whole result ("items 101-200 of 5,312"), and the requests for the next and
// previous pages, whatever the paging style.
import { envelopeOf, type ApiRequest, type ApiResponse } from '../http/types.js';
import { nextRequest, readCursor, requestedOffset } from '../paging/pagingStyle.js';
import type { PagingInfo } from '../jsonView/pagingInfo.js';

export interface PageEntry {
  request: ApiRequest;
  /** items before this page */
  before: number;
  /** kept so that going back shows the page again without a call (tokens expire) */
  response?: ApiResponse;
}

export interface PageNavigator {
  /** pages visited, oldest first; the last one is on screen */
  stack: PageEntry[];
  response?: ApiResponse;
}

export function startNavigation(request: ApiRequest): PageNavigator {
  return { stack: [{ request, before: requestedOffset(request) }] };
}

function pageItems(res: ApiResponse): number {
  const r = envelopeOf(res)?.resources;
  return Array.isArray(r) ? r.length : 0;
}

/** Records the response of the page on top of the stack. */
export function withResponse(nav: PageNavigator, response: ApiResponse): PageNavigator {
  const stack = nav.stack.slice();
  const top = stack[stack.length - 1];
  if (top) stack[stack.length - 1] = { ...top, response };
  return { stack, response };
}

export function pageView(nav: PageNavigator): PagingInfo | undefined {
  const top = nav.stack[nav.stack.length - 1];
  const res = nav.response;
  if (!top || !res || res.status < 200 || res.status >= 300) return undefined;
  const env = envelopeOf(res);
  if (!env?.meta?.pagination) return undefined;
  const count = pageItems(res);
  const cursor = readCursor(env, top.before + count, requestedOffset(top.request), count);
  return {
    firstItem: count ? top.before + 1 : top.before,
    lastItem: top.before + count,
    total: cursor.total,
    hasNext: cursor.next !== undefined,
    hasPrevious: nav.stack.length > 1,
  };
}

/** The navigator for the next page, or undefined on the last one. */
export function nextPage(nav: PageNavigator): PageNavigator | undefined {
  const top = nav.stack[nav.stack.length - 1];
  const res = nav.response;
  const env = res && envelopeOf(res);
  if (!top || !res || !env) return undefined;
  const count = pageItems(res);
  const cursor = readCursor(env, top.before + count, requestedOffset(top.request), count);
  if (cursor.next === undefined) return undefined;
  return { stack: [...nav.stack, { request: nextRequest(top.request, cursor), before: top.before + count }] };
}

export function previousPage(nav: PageNavigator): PageNavigator | undefined {
  if (nav.stack.length < 2) return undefined;
  const stack = nav.stack.slice(0, -1);
  return { stack, response: stack[stack.length - 1]?.response };
}

export function currentRequest(nav: PageNavigator): ApiRequest {
  return (nav.stack[nav.stack.length - 1] as PageEntry).request;
}
