// A request as a `talon request` command line: talon finds the credentials
// itself, so nothing secret is needed, and each query pair is one -q so that
// repeated keys and FQL read as typed.
import type { ApiRequest } from '../http/types.js';
import { quoteWord } from './shellWords.js';

export function toTalonCommand(req: ApiRequest): string {
  const words = ['talon', 'request', quoteWord(req.path)];
  if (req.method !== 'GET') words.push('-X', req.method);
  for (const [k, v] of req.query ?? []) words.push('-q', quoteWord(`${k}=${v}`));
  if (req.body && 'json' in req.body) words.push('-d', quoteWord(JSON.stringify(req.body.json)));
  return words.join(' ');
}
