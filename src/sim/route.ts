// How an endpoint of the simulator is declared: method, path, scope, the query
// parameters it accepts (anything else is a 400, as on the real API) and its body.
import type { IncomingHttpHeaders } from 'node:http';
import type { SimResponse } from './envelope.js';
import type { SimContext } from './context.js';

export type ParamSpec =
  | { type: 'string'; required?: boolean; enum?: readonly string[]; maxLength?: number }
  | { type: 'int'; required?: boolean; min?: number; max?: number }
  | { type: 'number'; required?: boolean }
  | { type: 'bool'; required?: boolean }
  /** repeated keys (`ids=a&ids=b`, swagger collectionFormat multi) */
  | { type: 'list'; required?: boolean; maxItems?: number; enum?: readonly string[] };

export type QuerySpec = Record<string, ParamSpec>;

export interface SimRequest {
  method: string;
  path: string;
  query: ValidatedQuery;
  headers: IncomingHttpHeaders;
  /** parsed JSON body, or form fields for `body: 'form'` routes; undefined when empty */
  body: unknown;
  /** the API client the bearer token belongs to (undefined on public routes) */
  clientId?: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'HEAD';
  path: string;
  /** OAuth2 scope needed; '' for a valid token of any scope; null for the public OAuth2 endpoints */
  scope: string | null;
  query?: QuerySpec;
  /** 'json' routes accept a JSON body; 'form' routes urlencoded fields; 'raw' routes any bytes (uploads) */
  body?: 'json' | 'form' | 'raw' | 'none';
  bodyRequired?: boolean;
  poweredBy?: string;
  handler: (req: SimRequest, ctx: SimContext) => SimResponse | Promise<SimResponse>;
}

/** Typed access to the query parameters a route declared, after validation. */
export class ValidatedQuery {
  constructor(private readonly values: Map<string, string[]>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  str(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  int(name: string): number | undefined {
    const v = this.values.get(name)?.[0];
    return v === undefined ? undefined : Number(v);
  }

  bool(name: string): boolean | undefined {
    const v = this.values.get(name)?.[0];
    return v === undefined ? undefined : v.toLowerCase() === 'true';
  }

  list(name: string): string[] {
    return this.values.get(name) ?? [];
  }
}

/** Returns the validated query, or an error sentence for a 400. */
export function validateQuery(spec: QuerySpec, params: URLSearchParams): ValidatedQuery | string {
  const values = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (!(key in spec)) {
      const known = Object.keys(spec);
      return known.length
        ? `Unknown query parameter '${key}'. Valid parameters: ${known.join(', ')}.`
        : `Unknown query parameter '${key}'. This endpoint takes no query parameters.`;
    }
    const list = values.get(key) ?? [];
    list.push(value);
    values.set(key, list);
  }
  for (const [name, p] of Object.entries(spec)) {
    const got = values.get(name);
    if (!got) {
      if (p.required) {
        return p.type === 'list'
          ? `The '${name}' parameter must be present at least once.`
          : `The '${name}' parameter is required.`;
      }
      continue;
    }
    if (p.type !== 'list' && got.length > 1) return `The '${name}' parameter must be given only once.`;
    const v = got[0] ?? '';
    switch (p.type) {
      case 'int': {
        if (!/^-?\d+$/.test(v)) return `Invalid value for '${name}': '${v}' is not an integer.`;
        const n = Number(v);
        if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) {
          return `Invalid value for '${name}': ${n} is out of range, must be between ${p.min ?? '-∞'} and ${p.max ?? '∞'}.`;
        }
        break;
      }
      case 'number':
        if (!/^-?\d+(\.\d+)?$/.test(v)) return `Invalid value for '${name}': '${v}' is not a number.`;
        break;
      case 'bool':
        if (!/^(true|false)$/i.test(v)) return `Invalid value for '${name}': '${v}' must be true or false.`;
        break;
      case 'string':
        if (p.enum && !p.enum.includes(v)) {
          return `Invalid value for '${name}': '${v}'. Allowed values: ${p.enum.join(', ')}.`;
        }
        if (p.maxLength !== undefined && v.length > p.maxLength) {
          return `Invalid value for '${name}': longer than ${p.maxLength} characters.`;
        }
        break;
      case 'list': {
        // Some clients send comma-joined lists; the API accepts both forms.
        const items = got.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
        if (p.required && items.length === 0) return `The '${name}' parameter must be present at least once.`;
        if (p.maxItems !== undefined && items.length > p.maxItems) {
          return `Too many values for '${name}': ${items.length} given, at most ${p.maxItems} allowed.`;
        }
        const bad = p.enum ? items.find((i) => !p.enum?.includes(i)) : undefined;
        if (bad !== undefined) return `Invalid value for '${name}': '${bad}'. Allowed values: ${p.enum?.join(', ')}.`;
        values.set(name, items);
        break;
      }
    }
  }
  return new ValidatedQuery(values);
}
