// A request as a curl command. The token is written as $FALCON_TOKEN inside
// double quotes, so the shell fills it in and its value never appears; the
// query is encoded exactly as talon's HTTP client encodes it.
import { parseBaseUrl, requestTarget } from '../http/requestUrl.js';
import type { ApiRequest } from '../http/types.js';
import { quoteWord } from './shellWords.js';

export const TOKEN_PLACEHOLDER = '$FALCON_TOKEN';

export interface CurlOptions {
  /** one word per line with backslash continuations (default), or one line */
  multiline?: boolean;
}

export function toCurl(req: ApiRequest, baseUrl: string, options: CurlOptions = {}): string {
  const url = requestTarget(parseBaseUrl(baseUrl), req.path, req.query).href;
  const parts: string[] = [req.method === 'GET' ? `curl ${quoteWord(url)}` : `curl -X ${req.method} ${quoteWord(url)}`];
  parts.push(`-H "Authorization: Bearer ${TOKEN_PLACEHOLDER}"`);
  if (req.body && 'json' in req.body) {
    parts.push(`-H ${quoteWord('Content-Type: application/json')}`);
    parts.push(`-d ${quoteWord(JSON.stringify(req.body.json))}`);
  }
  // Form bodies belong to the OAuth2 calls and carry credentials: never exported.
  return parts.join(options.multiline === false ? ' ' : ' \\\n  ');
}
