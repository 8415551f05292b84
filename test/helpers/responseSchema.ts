// Test helper: the simulator's response schemas (the SDK's response models, as
// the catalog generator keeps them) as zod schemas, to check what it answers.
import { z } from 'zod';
import type { SimSchema } from '../../src/sim/generic/catalogData.js';

// Each schema is used about once: zod's compiled fast path for objects would cost more than it saves.
z.config({ jitless: true });

/** A value that is there: a required property typed `any` must still be present. */
const present = z.custom<unknown>((v) => v !== undefined, 'required');

/** SimSchemas as zod schemas; `{ r }` is a lazy reference, so recursive models work. */
export function zodFactory(models: Record<string, SimSchema>): (s: SimSchema) => z.ZodType {
  const named = new Map<string, z.ZodType>();
  const build = (s: SimSchema): z.ZodType => {
    if (typeof s === 'string') {
      switch (s) {
        case 'string':
          return z.string();
        case 'number':
          return z.number();
        case 'integer':
          return z.number().int();
        case 'boolean':
          return z.boolean();
        case 'date-time':
          return z.iso.datetime({ offset: true });
        case 'date':
          return z.iso.date();
        // The SDK types free-form values `object` but never checks them (the legacy IOC offset is a string or a number).
        default:
          return z.unknown();
      }
    }
    if ('e' in s) return z.literal(s.e as [string | number, ...(string | number)[]]);
    if ('a' in s) return z.array(build(s.a));
    if ('m' in s) return z.record(z.string(), build(s.m));
    if ('r' in s) {
      const name = s.r;
      return z.lazy(() => {
        let m = named.get(name);
        if (!m) named.set(name, (m = build(models[name] ?? 'any')));
        return m;
      });
    }
    return z.looseObject(Object.fromEntries(s.o.map(([n, p, required]) => {
      const inner = build(p);
      return [n, required ? (inner instanceof z.ZodUnknown ? present : inner) : inner.optional()];
    })));
  };
  return build;
}

