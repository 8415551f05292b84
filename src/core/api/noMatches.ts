// Some lookups answer 404 when nothing matches: the IOC device count says
// `404 "No results found for sha256 …"` where other calls return an empty list.
// That is an answer (zero matches), not an error, and talon reports it so.
import { envelopeOf, type ApiResponse } from '../http/types.js';
import { terminalSafe } from '../text/terminalSafe.js';

const NO_RESULTS = /^no (?:matching )?(?:results|records|matches)(?: were)? found\b/i;

/** True when a 404 is the API's way of saying that a lookup matched nothing. */
export function isNoMatchesAnswer(res: ApiResponse, method: string, path: string): boolean {
  if (res.status !== 404 || method.toUpperCase() !== 'GET') return false;
  if (!/\/(?:queries|aggregates|combined)\//.test(path)) return false;
  const errors = envelopeOf(res)?.errors ?? [];
  return errors.length > 0 && errors.every((e) => typeof e.message === 'string' && NO_RESULTS.test(e.message.trim()));
}

/** The API's own words for the notice, e.g. "No results found for sha256 ab12…", safe for a terminal. */
export function noMatchesMessage(res: ApiResponse): string {
  const text = (envelopeOf(res)?.errors ?? []).map((e) => e.message).filter(Boolean).join('; ');
  // API text is data: no control characters (escape sequences) reach the terminal.
  return terminalSafe(text.slice(0, 300));
}
