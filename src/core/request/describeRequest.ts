// What a confirmation shows before a call that changes the tenant: the
// whole request (method, the URL with its query as it will be sent, each
// query pair decoded, the body), never the token or a form field's value.
import type { ApiRequest } from '../http/types.js';
import { encodeQuery, parseBaseUrl, requestTarget } from '../http/requestUrl.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { safeJson } from '../text/safeJson.js';

function urlOf(req: ApiRequest, baseUrl: string): string {
  try {
    return requestTarget(parseBaseUrl(baseUrl), req.path, req.query).href;
  } catch {
    // No usable base URL yet: the path and query alone.
    const qs = encodeQuery(req.query);
    return `${baseUrl}${req.path}${qs ? `?${qs}` : ''}`;
  }
}

/** The lines, terminal-safe: a request may come from history or a shared collection. */
export function describeRequest(req: ApiRequest, baseUrl: string): string[] {
  const lines = [`${req.method} ${urlOf(req, baseUrl)}`];
  if (req.query?.length) lines.push('query:');
  for (const [k, v] of req.query ?? []) lines.push(`  ${k} = ${v}`);
  if (req.body && 'json' in req.body) lines.push('body:', ...safeJson(req.body.json, 2).split('\n').map((l) => `  ${l}`));
  if (req.body && 'form' in req.body) lines.push('form fields:', ...Object.keys(req.body.form).map((k) => `  ${k}`));
  return lines.map((l) => terminalSafe(l));
}
