// Builds request URLs. Query values are encoded with encodeURIComponent, not
// URLSearchParams: that writes a space as "+", and FQL uses "+" for AND, so a
// literal "+" must travel as %2B and a space as %20.
import { UserError } from '../errors.js';
import type { QueryPairs } from './types.js';

/** Checks and normalises the API base URL (http or https, no query or fragment). */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new UserError(`The base URL '${baseUrl}' is not valid: use a form such as https://api.crowdstrike.com.`);
  }
  url.search = '';
  url.hash = '';
  return url;
}

/** "a=1&ids=x&ids=y", keeping order and repeated keys. */
export function encodeQuery(query: QueryPairs | undefined): string {
  if (!query || query.length === 0) return '';
  return query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export interface RequestTarget {
  /** scheme://host[:port] */
  origin: string;
  /** path and query, as sent on the request line */
  pathAndQuery: string;
  /** host[:port], for messages */
  host: string;
  /** the full URL, without credentials */
  href: string;
}

/** Joins the base URL (which may carry a path prefix) with a request path and query. */
export function requestTarget(base: URL, path: string, query?: QueryPairs): RequestTarget {
  const prefix = base.pathname.replace(/\/+$/, '');
  const rel = path.startsWith('/') ? path : `/${path}`;
  const qs = encodeQuery(query);
  const pathAndQuery = `${prefix}${rel}${qs ? `?${qs}` : ''}`;
  return { origin: base.origin, pathAndQuery, host: base.host, href: `${base.origin}${pathAndQuery}` };
}
