// The simulator's catalog, parsed and indexed by method and path: fixed paths
// by map lookup, templated ones (`/…/{id}`) by segment match, the most literal
// template first.
import type { SimCatalogFile, SimOperation, SimSchema } from './catalogData.js';

export type OperationMatch =
  | { kind: 'found'; op: SimOperation; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface Template {
  segments: string[];
  /** how many segments are `{param}`: fewer wins */
  params: number;
  ops: SimOperation[];
}

export class OperationIndex {
  readonly models: Record<string, SimSchema>;
  readonly operations: readonly SimOperation[];
  private readonly fixed = new Map<string, SimOperation[]>();
  private readonly templates: Template[] = [];

  constructor(file: SimCatalogFile) {
    this.models = file.models;
    this.operations = file.operations;
    const byTemplate = new Map<string, Template>();
    for (const op of file.operations) {
      if (!op.p.includes('{')) {
        const list = this.fixed.get(op.p) ?? [];
        list.push(op);
        this.fixed.set(op.p, list);
        continue;
      }
      let t = byTemplate.get(op.p);
      if (!t) {
        const segments = op.p.split('/');
        t = { segments, params: segments.filter(isParam).length, ops: [] };
        byTemplate.set(op.p, t);
        this.templates.push(t);
      }
      t.ops.push(op);
    }
    this.templates.sort((a, b) => a.params - b.params);
  }

  match(method: string, path: string): OperationMatch {
    const fixed = this.fixed.get(path);
    const candidates: Array<{ ops: SimOperation[]; pathParams: Record<string, string> }> = fixed ? [{ ops: fixed, pathParams: {} }] : [];
    if (!fixed) {
      const parts = path.split('/');
      for (const t of this.templates) {
        const params = matchTemplate(t.segments, parts);
        if (params) candidates.push({ ops: t.ops, pathParams: params });
      }
    }
    for (const c of candidates) {
      const op = c.ops.find((o) => o.m === method);
      if (op) return { kind: 'found', op, pathParams: c.pathParams };
    }
    if (candidates.length === 0) return { kind: 'not-found' };
    return { kind: 'method-not-allowed', allowed: [...new Set(candidates.flatMap((c) => c.ops.map((o) => o.m)))] };
  }
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function matchTemplate(template: string[], parts: string[]): Record<string, string> | undefined {
  if (template.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    const p = parts[i] as string;
    if (isParam(t)) {
      if (p === '') return undefined;
      try {
        params[t.slice(1, -1)] = decodeURIComponent(p);
      } catch {
        return undefined;
      }
    } else if (t !== p) return undefined;
  }
  return params;
}
