// A JSON skeleton of a request body, for the user to fill in: required fields
// first, enums as their first value, arrays with one element, nested models
// expanded down to a depth (recursive models would never end).
import type { Catalog, SchemaNode } from './types.js';

export interface SkeletonOptions {
  /** levels of nested objects to expand (default 6); deeper ones are `{}` */
  maxDepth?: number;
  /** leave optional fields out (default false) */
  requiredOnly?: boolean;
}

/**
 * Numbers the API accepts where 0 is refused. The catalog carries no
 * minimum or maximum (the SDK it is built from drops them), so a page size
 * is Falcon's usual default, 100, within every documented limit range.
 */
const NUMBER_DEFAULTS: Record<string, number> = { limit: 100, max_results: 100, page_size: 100, per_page: 100, size: 100 };

/** Placeholders that say what goes there, for values an empty string would hide. */
const PLACEHOLDERS = { 'date-time': 'YYYY-MM-DDThh:mm:ssZ', date: 'YYYY-MM-DD', binary: '@FILE' } as const;

export function bodySkeleton(schema: SchemaNode, catalog: Catalog, options: SkeletonOptions = {}): unknown {
  return build(schema, catalog, { maxDepth: options.maxDepth ?? 6, requiredOnly: options.requiredOnly ?? false }, 0, []);
}

function build(schema: SchemaNode, catalog: Catalog, opts: Required<SkeletonOptions>, depth: number, models: string[], field = ''): unknown {
  switch (schema.kind) {
    case 'string':
      return schema.format ? PLACEHOLDERS[schema.format] : '';
    case 'integer':
    case 'number':
      return NUMBER_DEFAULTS[field.toLowerCase()] ?? 0;
    case 'boolean':
      return false;
    case 'any':
      return null;
    case 'enum':
      return schema.values[0] ?? '';
    case 'array': {
      const item = build(schema.items, catalog, opts, depth, models, field);
      return item === undefined ? [] : [item];
    }
    case 'map':
      return {};
    case 'ref': {
      const target = catalog.model(schema.name);
      // A model inside itself: stop here rather than expand forever.
      if (!target || models.includes(schema.name)) return target?.kind === 'array' ? [] : {};
      return build(target, catalog, opts, depth, [...models, schema.name], field);
    }
    case 'object': {
      if (depth >= opts.maxDepth) return {};
      const out: Record<string, unknown> = {};
      const ordered = [...schema.properties.filter((p) => p.required), ...schema.properties.filter((p) => !p.required)];
      for (const p of ordered) {
        if (opts.requiredOnly && !p.required) continue;
        out[p.name] = build(p.schema, catalog, opts, depth + 1, models, p.name);
      }
      return out;
    }
  }
}
