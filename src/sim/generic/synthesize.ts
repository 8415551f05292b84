// Builds a value that is valid against a response schema: required fields
// always, a few optional ones near the top, arrays of one or two items, enum
// values from the enum, and strings shaped by the field's name (ids, hashes,
// timestamps, hostnames, addresses) so records look like the API's.
import type { Random } from '../random.js';
import type { SimSchema } from './catalogData.js';

export interface SynthContext {
  models: Record<string, SimSchema>;
  rng: Random;
  cid: string;
  /** timestamps fall in the 30 days before this epoch ms */
  anchor: number;
}

/** Below this depth optional properties are left out and arrays stay empty unless required. */
const OPTIONAL_DEPTH = 2;
const MAX_DEPTH = 8;

export function resolve(schema: SimSchema, models: Record<string, SimSchema>): SimSchema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s === 'object' && 'r' in s; i++) s = models[s.r] ?? 'any';
  return s;
}

export function synthesize(schema: SimSchema, ctx: SynthContext, field = '', depth = 0): unknown {
  const s = resolve(schema, ctx.models);
  if (typeof s === 'string') return primitive(s, field, ctx);
  if ('e' in s) return s.e.length > 0 ? ctx.rng.pick(s.e) : '';
  if ('a' in s) {
    if (depth >= OPTIONAL_DEPTH + 1 || depth >= MAX_DEPTH) return [];
    const n = depth === 0 ? ctx.rng.int(1, 3) : ctx.rng.int(1, 2);
    const items = Array.from({ length: n }, () => synthesize(s.a, ctx, singular(field), depth + 1));
    return s.u ? [...new Map(items.map((i) => [JSON.stringify(i), i])).values()] : items;
  }
  if ('m' in s) {
    if (depth >= MAX_DEPTH) return {};
    return { [`${field || 'key'}_1`]: synthesize(s.m, ctx, field, depth + 1) };
  }
  if ('o' in s) {
    // A model that requires itself cannot be finished: stop with an empty object.
    if (depth > MAX_DEPTH) return {};
    const out: Record<string, unknown> = {};
    for (const [name, prop, required] of s.o) {
      if (!required && (depth >= OPTIONAL_DEPTH || !worthFilling(prop, ctx))) continue;
      if (depth >= MAX_DEPTH && !required) continue;
      out[name] = synthesize(prop, ctx, name, depth + 1);
    }
    return out;
  }
  return null;
}

/** Optional primitives and enums are filled; optional nested objects only when cheap. */
function worthFilling(schema: SimSchema, ctx: SynthContext): boolean {
  const s = resolve(schema, ctx.models);
  return typeof s === 'string' || 'e' in s || ('a' in s && typeof resolve(s.a, ctx.models) === 'string');
}

function singular(field: string): string {
  return field.replace(/ies$/, 'y').replace(/s$/, '');
}

const WORDS = ['alpha', 'bravo', 'delta', 'harbor', 'lumen', 'orbit', 'quartz', 'summit', 'tango', 'vector'];

function primitive(type: string, field: string, ctx: SynthContext): unknown {
  const f = field.toLowerCase();
  if (type === 'string') return text(f, ctx);
  const rng = ctx.rng;
  switch (type) {
    case 'number':
    case 'integer':
      if (/port$/.test(f)) return rng.int(1024, 65535);
      if (/(severity|score|confidence|percent)/.test(f)) return rng.int(1, 100);
      if (/(timestamp|_time|epoch|expires_at)$/.test(f)) return Math.floor((ctx.anchor - rng.int(0, 30 * 86_400_000)) / 1000);
      return rng.int(0, 50);
    case 'boolean':
      return rng.chance(0.5);
    case 'date-time':
      return timestamp(ctx);
    case 'date':
      return timestamp(ctx).slice(0, 10);
    case 'object':
      return {};
    default:
      return text(f, ctx);
  }
}

function timestamp(ctx: SynthContext): string {
  return new Date(ctx.anchor - ctx.rng.int(0, 30 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type TextMaker = (rng: Random, ctx: SynthContext, f: string) => string;

/** What a string field holds, decided once per field name (the regexes are the slow part). */
const makers = new Map<string, TextMaker>();

function text(f: string, ctx: SynthContext): string {
  let make = makers.get(f);
  if (!make) {
    make = makerFor(f);
    makers.set(f, make);
  }
  return make(ctx.rng, ctx, f);
}

function makerFor(f: string): TextMaker {
  if (f === 'cid' || f.endsWith('_cid')) return (_r, ctx) => ctx.cid;
  if (/sha256/.test(f)) return (r) => r.hex(64);
  if (/sha1/.test(f)) return (r) => r.hex(40);
  if (/md5/.test(f)) return (r) => r.hex(32);
  if (f === 'id' || /(_id|_uuid|uuid|_key)$/.test(f) || f === 'ids' || f.endsWith('_ids') || f === 'aid') return (r) => r.hex(32);
  if (/(timestamp|_time|_at|_on|_date|^date|last_seen|first_seen|modified|created|updated)$/.test(f)) return (_r, ctx) => timestamp(ctx);
  if (/hostname|host_name/.test(f)) return (r) => `${r.pick(['WS', 'SRV', 'LT'])}-${r.pick(WORDS).toUpperCase()}-${r.int(1, 999)}`;
  if (/(^|_)ip(_address|v4)?$|address$/.test(f)) return (r) => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  if (/mac_address/.test(f)) return (r) => Array.from({ length: 6 }, () => r.hex(2)).join('-');
  if (/email/.test(f)) return (r) => `${r.pick(WORDS)}.${r.pick(WORDS)}@example.com`;
  if (/(url|uri|link|href)$/.test(f)) return (r) => `https://falcon.example.com/${r.pick(WORDS)}/${r.hex(8)}`;
  if (/domain/.test(f)) return (r) => `${r.pick(WORDS)}.example.com`;
  if (/version/.test(f)) return (r) => `${r.int(1, 7)}.${r.int(0, 30)}.${r.int(0, 9999)}`;
  if (/platform/.test(f)) return (r) => r.pick(['Windows', 'Mac', 'Linux']);
  if (/(status|state)$/.test(f)) return (r) => r.pick(['active', 'enabled', 'pending', 'completed']);
  if (/(name|title|label)$/.test(f)) return (r) => `${cap(r.pick(WORDS))} ${cap(r.pick(WORDS))} ${r.int(1, 99)}`;
  if (/(description|comment|message|summary|note)s?$/.test(f)) {
    const words = f.replace(/_/g, ' ') || 'value';
    return (r) => `Simulated ${words} ${r.hex(6)}.`;
  }
  if (/(by|user|username|owner)$/.test(f)) return (r) => `${r.pick(WORDS)}@example.com`;
  const stem = f ? f.replace(/[^a-z0-9]+/g, '-') : 'value';
  return (r) => `${stem}-${r.hex(6)}`;
}

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
