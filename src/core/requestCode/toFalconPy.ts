// A request as FalconPy: the Uber class's `command()` with the operation's id
// in the published API definition (what FalconPy's Uber class looks up), the
// query as `parameters` and the JSON body as `body`. Credentials come from
// the environment. A path the catalog does not know goes through `override`.
import type { ApiRequest } from '../http/types.js';
import type { CatalogOperation } from '../catalog/types.js';
import { pythonLiteral, pythonString } from './literals.js';

function parameters(req: ApiRequest): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of req.query ?? []) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function toFalconPy(req: ApiRequest, op: CatalogOperation | undefined): string {
  const args: string[] = [];
  // Path values are part of the path: the Uber class takes those through override.
  if (op && !op.path.includes('{')) args.push(pythonString(op.publishedId));
  else args.push(`override=${pythonString(`${req.method},${req.path}`)}`);
  const params = parameters(req);
  if (params) args.push(`parameters=${pythonLiteral(params, 1)}`);
  if (req.body && 'json' in req.body) args.push(`body=${pythonLiteral(req.body.json, 1)}`);
  return [
    'import os',
    'from falconpy import APIHarnessV2',
    '',
    'falcon = APIHarnessV2(client_id=os.environ["FALCON_CLIENT_ID"], client_secret=os.environ["FALCON_CLIENT_SECRET"])',
    `response = falcon.command(${args.join(', ')})`,
    'print(response)',
  ].join('\n');
}
