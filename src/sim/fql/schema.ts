// Field schemas: which FQL property names a collection accepts, their types,
// and where each lives inside a record. Also the dotted-path reader shared
// by the filter evaluator and the sort compiler.

export type FieldType = 'string' | 'number' | 'boolean' | 'timestamp' | 'string[]';

/**
 * key = the FQL property name users write (may be dotted, e.g. 'device.hostname');
 * value = its type, or {type, path} when the record path differs from the key
 * (e.g. 'local_ip.raw': {type: 'string', path: 'local_ip'}).
 */
export type FieldSchema = Record<string, FieldType | { type: FieldType; path: string }>;

export interface ResolvedField {
  name: string;
  type: FieldType;
  path: readonly string[];
}

/** Looks a property up by its exact (case-sensitive) name. */
export function resolveField(fields: FieldSchema, name: string): ResolvedField | undefined {
  if (!Object.hasOwn(fields, name)) return undefined;
  const spec = fields[name];
  if (spec === undefined) return undefined;
  if (typeof spec === 'string') return { name, type: spec, path: name.split('.') };
  return { name, type: spec.type, path: spec.path.split('.') };
}

/**
 * Every value found at `path` in `record`. Arrays met on the way (e.g.
 * `policies.policy_id` over a list of policies) or at the end (string[]
 * fields) are flattened, so callers can apply "any element matches".
 * `undefined` is dropped (missing); `null` is kept so `field:null` can see it.
 */
export function readPath(record: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [record];
  for (const key of path) {
    const next: unknown[] = [];
    for (const item of current) {
      for (const obj of Array.isArray(item) ? item : [item]) {
        if (obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key)) {
          next.push((obj as Record<string, unknown>)[key]);
        }
      }
    }
    current = next;
    if (current.length === 0) return current;
  }
  const out: unknown[] = [];
  for (const value of current) {
    if (Array.isArray(value)) {
      for (const v of value) if (v !== undefined) out.push(v);
    } else if (value !== undefined) {
      out.push(value);
    }
  }
  return out;
}
