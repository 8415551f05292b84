// A request as a call of the `crowdstrike-falcon` TypeScript SDK: the
// collection's API (`client.hosts`) and the operation's method, with the
// parameters in the SDK's positional order (required ones first, headers
// before the rest, as the SDK's generator lays them out) and the body's keys
// in the SDK models' camelCase. Credentials come from the environment.
import type { ApiRequest } from '../http/types.js';
import type { CatalogOperation, CatalogParam } from '../catalog/types.js';
import { matchPath } from '../composer/pathTemplate.js';
import { camelCase, tsLiteral } from './literals.js';
import { UserError } from '../errors.js';

const RESERVED = new Set(['package', 'default', 'function', 'delete', 'new', 'class', 'in', 'for', 'import', 'export', 'var', 'with', 'return']);

/** The SDK's name for a wire parameter (`action_name` → `actionName`, `package` → `_package`). */
export function sdkParamName(wire: string): string {
  const name = camelCase(wire);
  return RESERVED.has(name) ? `_${name}` : name;
}

/** The SDK client's property for a collection: `Hosts` → `hosts`. */
export function sdkApiProperty(collection: string): string {
  return collection.charAt(0).toLowerCase() + collection.slice(1);
}

function valueOf(param: CatalogParam, values: string[]): string {
  const typed = (v: string): string => {
    const kind = param.schema.kind === 'enum' ? param.schema.base : param.schema.kind === 'array' ? param.schema.items.kind : param.schema.kind;
    if ((kind === 'integer' || kind === 'number') && /^-?\d+(\.\d+)?$/.test(v)) return v;
    if (kind === 'boolean' && (v === 'true' || v === 'false')) return v;
    return JSON.stringify(v);
  };
  if (param.array) return `[${values.flatMap((v) => (param.collectionFormat ? v.split(',') : [v])).map(typed).join(', ')}]`;
  return typed(values[0] ?? '');
}

interface Slot {
  name: string;
  required: boolean;
  code?: string;
}

export function toTypeScript(req: ApiRequest, op: CatalogOperation | undefined): string {
  if (!op) throw new UserError(`${req.method} ${req.path} is not an operation of the catalog: the TypeScript SDK has no method for it. Export it as curl instead.`);
  if (op.body && !op.body.contentType.includes('json')) {
    throw new UserError(`${op.operationId} sends a ${op.body.contentType} body, which talon does not write as SDK code: export it as curl instead.`);
  }
  const pathValues = matchPath(op.path, req.path) ?? {};
  const query = req.query ?? [];
  const params = [...op.params.filter((p) => p.in === 'header'), ...op.params.filter((p) => p.in !== 'header')];
  const slots: Slot[] = params.map((p) => {
    const values = p.in === 'path' ? (pathValues[p.name] !== undefined ? [pathValues[p.name] as string] : []) : query.filter(([k]) => k === p.name).map(([, v]) => v);
    return { name: sdkParamName(p.name), required: p.required, code: values.length > 0 ? valueOf(p, values) : undefined };
  });
  if (op.body) {
    const json = req.body && 'json' in req.body ? req.body.json : undefined;
    slots.push({ name: 'body', required: op.body.required, code: json === undefined ? undefined : tsLiteral(json, 1, camelCase) });
  }
  const ordered = [...slots.filter((s) => s.required), ...slots.filter((s) => !s.required)];
  // Positional: drop the trailing unset ones, write `undefined` for gaps.
  let last = ordered.length - 1;
  while (last >= 0 && ordered[last]?.code === undefined) last--;
  const args = ordered.slice(0, last + 1).map((s) => (s.code === undefined ? `undefined /* ${s.name} */` : s.code));
  const call = `client.${sdkApiProperty(op.collection)}.${op.operationId}(${args.join(', ')})`;
  return [
    `import { FalconClient } from 'crowdstrike-falcon';`,
    '',
    'const client = new FalconClient({',
    `  cloud: 'us-1',`,
    `  clientId: process.env.FALCON_CLIENT_ID ?? '',`,
    `  clientSecret: process.env.FALCON_CLIENT_SECRET ?? '',`,
    '});',
    '',
    `const response = await ${call};`,
    'console.log(JSON.stringify(response, null, 2));',
  ].join('\n');
}
