// What a confirmation shows before a call that changes the tenant: the
// whole request (method, URL, each query pair, the body), never the token.
import type { ApiRequest } from '../http/types.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { safeJson } from '../text/safeJson.js';

/** The lines, terminal-safe: a request may come from history or a shared collection. */
export function describeRequest(req: ApiRequest, baseUrl: string): string[] {
  const lines = [`${req.method} ${baseUrl}${req.path}`];
  for (const [k, v] of req.query ?? []) lines.push(`  ${k} = ${v}`);
  if (req.body && 'json' in req.body) lines.push(...safeJson(req.body.json, 2).split('\n').map((l) => `  ${l}`));
  return lines.map((l) => terminalSafe(l));
}
