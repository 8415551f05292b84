// Recognises how a Falcon response pages (from meta.pagination) and builds
// the request for the next page.
import type { ApiRequest, FalconEnvelope, QueryPairs } from '../http/types.js';

export type PagingStyle =
  /** `after` token (Spotlight, alerts combined, IOC management) */
  | 'after'
  /** combined hosts: `next` token passed back as `offset` */
  | 'next-token'
  /** legacy IOC lookups: `next_page` */
  | 'next-page'
  /** host scroll: string `offset` token */
  | 'offset-token'
  /** integer `offset` + `total` */
  | 'offset'
  /** the response does not page */
  | 'none';

export interface PageCursor {
  style: PagingStyle;
  /** the value to send for the next page; undefined when this was the last page */
  next?: string | number;
  total?: number;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Reads the cursor from a page. `received` is how many items all pages so
 * far held (this one included); `requestedOffset` the integer offset sent.
 */
export function readCursor(env: FalconEnvelope, received: number, requestedOffset: number, pageSize: number): PageCursor {
  const p = env.meta?.pagination;
  if (!p || typeof p !== 'object') return { style: 'none' };
  const total = typeof p.total === 'number' ? p.total : undefined;
  const cursor = ((): PageCursor => {
    // Order as PSF's -All loop: `after`, then tokens, then offsets.
    if (str(p.after) !== undefined || ('after' in p && typeof p.offset !== 'number')) return { style: 'after', next: str(p.after) };
    if ('next' in p || 'previous' in p) return { style: 'next-token', next: str(p.next) };
    if ('next_page' in p || (typeof p.offset === 'string' && /^\d+$/.test(p.offset) && !('expires_at' in p))) {
      return { style: 'next-page', next: str(p.next_page) };
    }
    if (typeof p.offset === 'string') return { style: 'offset-token', next: str(p.offset) };
    if (typeof p.offset === 'number') return { style: 'offset', next: requestedOffset + pageSize };
    return { style: 'none' };
  })();
  // A short or empty page, or reaching the total, ends the walk whatever the cursor says.
  const done = pageSize === 0 || (total !== undefined && received >= total) || (cursor.style === 'offset' && total === undefined);
  return { ...cursor, total, next: done ? undefined : cursor.next };
}

function withQuery(query: QueryPairs | undefined, key: string, value: string): QueryPairs {
  return [...(query ?? []).filter(([k]) => k !== key), [key, value]];
}

/** The request for the next page. */
export function nextRequest(req: ApiRequest, cursor: PageCursor): ApiRequest {
  const value = String(cursor.next);
  const json = req.body && 'json' in req.body && typeof req.body.json === 'object' && req.body.json !== null ? req.body.json : undefined;
  switch (cursor.style) {
    case 'after':
      // POST queries (alerts combined) carry `after` in the body; GET ones in the query.
      if (json) return { ...req, body: { json: { ...json, after: value } } };
      return { ...req, query: withQuery(req.query?.filter(([k]) => k !== 'offset'), 'after', value) };
    case 'next-token':
    case 'next-page':
    case 'offset-token':
    case 'offset':
      if (json && req.method !== 'GET') return { ...req, body: { json: { ...json, offset: cursor.next } } };
      return { ...req, query: withQuery(req.query, 'offset', value) };
    case 'none':
      return req;
  }
}

/** The integer offset a request starts at (0 when absent or not an integer). */
export function requestedOffset(req: ApiRequest): number {
  const fromQuery = req.query?.find(([k]) => k === 'offset')?.[1];
  const n = Number(fromQuery ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
