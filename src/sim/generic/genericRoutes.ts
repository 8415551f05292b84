// Routes for every catalog operation no hand-modelled route answers. The
// catalog data (about 1 MB of JSON) is imported and parsed on the first request
// that falls through to it, so neither the shell's demo nor a one-shot command
// pays for it unless it calls such an operation.
import type { ParamSpec, QuerySpec, Route } from '../route.js';
import type { SimCatalogFile, SimOperation, SimParam, SimSchema } from './catalogData.js';
import { resolve } from './synthesize.js';
import { OperationIndex } from './operationIndex.js';
import { FamilyIds, familyKey, familySize } from './families.js';
import { respond, type FamilyView } from './respond.js';

export type GenericMatch = { kind: 'found'; route: Route } | { kind: 'method-not-allowed'; allowed: string[] } | { kind: 'not-found' };

let loading: Promise<OperationIndex> | undefined;

/** Whether the catalog data has been asked for in this process (start-up must not). */
export function operationIndexRequested(): boolean {
  return loading !== undefined;
}

/** The parsed catalog, shared by every simulator in the process. */
export function loadOperationIndex(): Promise<OperationIndex> {
  loading ??= import('./data/operations.js').then((m) => new OperationIndex(JSON.parse(m.SIM_CATALOG_JSON) as SimCatalogFile));
  return loading;
}

export class GenericRoutes {
  private queried: Set<string> | undefined;
  private readonly families = new Map<string, FamilyView>();
  private readonly specs = new Map<SimOperation, QuerySpec>();

  async match(method: string, path: string): Promise<GenericMatch> {
    const index = await loadOperationIndex();
    const found = index.match(method, path);
    if (found.kind !== 'found') return found;
    const { op } = found;
    this.queried ??= queriedFamilies(index);
    const route: Route = {
      method: op.m as Route['method'],
      path: op.p,
      scope: op.sc ?? '',
      query: this.querySpec(op),
      body: bodyKind(op),
      ...(op.b?.r ? { bodyRequired: true } : {}),
      handler: (req, ctx) => respond(op, index.models, this.family(op, ctx.tenant.cid, ctx.options.seed, ctx.options.hosts), req, ctx),
    };
    return { kind: 'found', route };
  }

  private family(op: SimOperation, cid: string, seed: number, hosts: number): FamilyView {
    const { key, noun } = familyKey(op.p);
    const cacheKey = `${cid}:${key}`;
    let view = this.families.get(cacheKey);
    if (!view) {
      const tenantSeed = seed ^ Number.parseInt(cid.slice(0, 8), 16);
      view = { ids: new FamilyIds({ key, noun, size: familySize(key, tenantSeed, hosts) }, tenantSeed), queried: this.queried?.has(key) ?? false };
      this.families.set(cacheKey, view);
    }
    return view;
  }

  private querySpec(op: SimOperation): QuerySpec {
    let spec = this.specs.get(op);
    if (!spec) {
      spec = Object.fromEntries((op.q ?? []).filter((p) => p[1] === 'q').map((p) => [p[0], paramSpec(p)]));
      this.specs.set(op, spec);
    }
    return spec;
  }
}

function paramSpec(p: SimParam): ParamSpec {
  const required = p[3] === 1;
  const values = p[4]?.map(String);
  switch (p[2]) {
    case 'int':
      return { type: 'int', required };
    case 'number':
      return { type: 'number', required };
    case 'bool':
      return { type: 'bool', required };
    case 'list':
      return values ? { type: 'list', required, enum: values } : { type: 'list', required };
    default:
      return values ? { type: 'string', required, enum: values } : { type: 'string', required };
  }
}

function bodyKind(op: SimOperation): Route['body'] {
  switch (op.b?.t) {
    case undefined:
      return 'none';
    case 'json':
      return 'json';
    case 'form':
      return 'form';
    default:
      return 'raw';
  }
}

/** Families whose ids come from a query operation (`/…/queries/…` answering a list of ids). */
function queriedFamilies(index: OperationIndex): Set<string> {
  const out = new Set<string>();
  for (const op of index.operations) {
    if (op.m !== 'GET' || !op.p.includes('/queries/') || (typeof op.r === 'object' && 'k' in op.r)) continue;
    const top = resolve(op.r as SimSchema, index.models);
    const resources = typeof top === 'object' && 'o' in top ? top.o.find(([n]) => n === 'resources') : undefined;
    const list = resources ? resolve(resources[1], index.models) : undefined;
    if (list && typeof list === 'object' && 'a' in list && resolve(list.a, index.models) === 'string') out.add(familyKey(op.p).key);
  }
  return out;
}
