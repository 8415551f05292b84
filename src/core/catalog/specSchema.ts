// Converts Swagger 2.0 / OpenAPI 3 schema objects into catalog schemas. Named
// schemas (#/definitions/X, #/components/schemas/X) become models referenced
// by name, so recursive ones stay finite; any other reference is inlined.
import type { FileProperty, FileSchema } from './catalogFile.js';
import { isObject } from '../schema/isObject.js';

type Json = Record<string, unknown>;

const MODEL_REF = /^#\/(?:definitions|components\/schemas)\/([^/]+)$/;
/** Inlined (unnamed) references deeper than this are cut: they can only be cycles. */
const MAX_INLINE_DEPTH = 24;

/** A `$ref` that points at nothing, and where it is used (an operation, or a model). */
export interface UnresolvedRef {
  ref: string;
  usedIn: string[];
}

export class SpecSchemas {
  readonly models: Record<string, FileSchema> = {};
  readonly #pending = new Set<string>();
  /** ref → the places using it; what it should describe is "any" (unknown) */
  readonly #unresolved = new Map<string, Set<string>>();
  readonly #missingModels = new Set<string>();
  /** what is being converted, for reports: "GET /path" or "model X" */
  where = '';

  constructor(readonly doc: Json) {}

  /** The references that point at nothing, in the order first met. */
  unresolved(): UnresolvedRef[] {
    return [...this.#unresolved].map(([ref, places]) => ({ ref, usedIn: [...places] }));
  }

  #missing(ref: string): void {
    let places = this.#unresolved.get(ref);
    if (!places) this.#unresolved.set(ref, (places = new Set()));
    if (this.where) places.add(this.where);
  }

  /** Follows a local `#/...` JSON pointer; undefined when it points at nothing. */
  resolve(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.doc;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
      node = (node as Json)[key];
    }
    return node;
  }

  /** `{ $ref }` objects followed to what they point at (for parameters and request bodies). */
  deref(node: unknown, depth = 0): unknown {
    if (depth < MAX_INLINE_DEPTH && isObject(node) && typeof node.$ref === 'string') {
      const target = this.resolve(node.$ref);
      if (target === undefined) this.#missing(node.$ref);
      return this.deref(target, depth + 1);
    }
    return node;
  }

  convert(schema: unknown, depth = 0): FileSchema {
    if (!isObject(schema) || depth > MAX_INLINE_DEPTH) return 'any';
    if (typeof schema.$ref === 'string') {
      const name = MODEL_REF.exec(schema.$ref)?.[1];
      if (name !== undefined) {
        const model = decodeURIComponent(name).replace(/~1/g, '/').replace(/~0/g, '~');
        this.#model(model, schema.$ref);
        if (this.#missingModels.has(model)) this.#missing(schema.$ref);
        return { r: model };
      }
      const target = this.resolve(schema.$ref);
      if (target === undefined) {
        // A dangling reference makes this schema unknown; the import goes on and reports it.
        this.#missing(schema.$ref);
        return 'any';
      }
      return this.convert(target, depth + 1);
    }
    const all = Array.isArray(schema.allOf) ? schema.allOf : undefined;
    if (all) return this.#allOf(schema, all, depth);
    if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return 'any';
    const type = typeOf(schema);
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      const values = schema.enum.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
      if (values.length > 0) {
        if (values.every((v) => typeof v === 'number')) return { e: values, t: type === 'integer' ? 'integer' : 'number' };
        return { e: values.map(String) };
      }
    }
    switch (type) {
      case 'string':
        if (schema.format === 'date-time' || schema.format === 'date' || schema.format === 'binary') return schema.format;
        return 'string';
      case 'file':
        return 'binary';
      case 'integer':
      case 'number':
      case 'boolean':
        return type;
      case 'array': {
        const items = this.convert(schema.items, depth + 1);
        return schema.uniqueItems === true ? { a: items, u: 1 } : { a: items };
      }
    }
    if (type === 'object' || isObject(schema.properties) || schema.additionalProperties !== undefined) return this.#object(schema, depth);
    return 'any';
  }

  #model(name: string, ref: string): void {
    if (Object.hasOwn(this.models, name) || this.#pending.has(name)) return;
    const target = this.resolve(ref);
    if (target === undefined) {
      this.#missingModels.add(name);
      this.models[name] = 'any';
      return;
    }
    this.#pending.add(name);
    const outer = this.where;
    this.where = `model ${name}`;
    this.models[name] = this.convert(target, 1);
    this.where = outer;
    this.#pending.delete(name);
  }

  #object(schema: Json, depth: number): FileSchema {
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
    const props: FileProperty[] = [];
    if (isObject(schema.properties)) {
      for (const [name, prop] of Object.entries(schema.properties)) {
        if (isObject(prop) && prop.readOnly === true) continue; // never sent
        props.push([name, this.convert(prop, depth + 1), required.has(name) ? 1 : 0]);
      }
    }
    const extra = schema.additionalProperties;
    if (props.length === 0 && isObject(extra)) return { m: this.convert(extra, depth + 1) };
    if (props.length === 0) return 'object';
    return extra === true || isObject(extra) ? { o: props, x: 1 } : { o: props };
  }

  /** allOf: the properties of every part, merged. */
  #allOf(schema: Json, parts: unknown[], depth: number): FileSchema {
    const merged: FileProperty[] = [];
    let extra = false;
    const own = { ...schema };
    delete own.allOf;
    for (const part of [...parts, own]) {
      let node = this.convert(part, depth + 1);
      for (let hops = 0; typeof node === 'object' && 'r' in node && hops < MAX_INLINE_DEPTH; hops++) node = this.models[node.r] ?? 'any';
      if (typeof node === 'object' && 'o' in node) {
        for (const p of node.o) {
          const at = merged.findIndex((m) => m[0] === p[0]);
          if (at === -1) merged.push(p);
          else merged[at] = p;
        }
        if (node.x) extra = true;
      } else if (node === 'object') extra = true;
    }
    if (merged.length === 0) return extra ? 'object' : 'any';
    return extra ? { o: merged, x: 1 } : { o: merged };
  }
}

/** The schema's type; OpenAPI 3.1 allows a list such as ["string", "null"]. */
function typeOf(schema: Json): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === 'string' && x !== 'null');
  return undefined;
}
