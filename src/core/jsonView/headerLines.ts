// The response's status line, timing and headers as `H` shows them: the
// headers Falcon users look for first (rate limit, trace id, retry), then the
// rest by name. Header values come from the server: made terminal-safe here.
import type { ApiResponse } from '../http/types.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { formatSize, statusText } from './responseSummary.js';

/** Shown first, in this order, when present. */
export const FIRST_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-retryafter', 'retry-after', 'x-cs-traceid'];

function order(name: string): number {
  const i = FIRST_HEADERS.indexOf(name);
  if (i >= 0) return i;
  return name.startsWith('x-ratelimit') || name.includes('trace') ? FIRST_HEADERS.length : FIRST_HEADERS.length + 1;
}

/** `HTTP 200 OK · GET https://… · 16 ms · 2.7 KB`, then `name: value` lines. */
export function headerLines(res: ApiResponse): string[] {
  const attempts = res.attempts > 1 ? ` · ${res.attempts} attempts` : '';
  const status = `HTTP ${statusText(res.status)} · ${res.method} ${terminalSafe(res.url)} · ${res.durationMs} ms · ${formatSize(res.size)}${attempts}`;
  const names = Object.keys(res.headers).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return [status, ...names.map((n) => `${terminalSafe(n)}: ${terminalSafe(res.headers[n] ?? '')}`)];
}
