// Adapts the catalog (bundled, or a profile's imported spec) to what the
// shell needs: search hits with highlight positions, operation shapes for
// the composer, and scopes for 403 messages.
import { loadCurrentCatalog } from '../catalog/currentCatalog.js';
import { searchCatalog } from '../catalog/searchCatalog.js';
import { bodySkeleton } from '../catalog/bodySkeleton.js';
import { findOperationByPath, operationsAtPath } from '../catalog/findOperation.js';
import { entitiesPairFor } from '../catalog/entitiesPair.js';
import { completePathSegment } from '../catalog/pathCompletion.js';
import type { Catalog, CatalogOperation, CatalogParam } from '../catalog/types.js';
import type { OperationShape, ParamShape } from '../composer/operationShape.js';
import type { HttpMethod } from '../http/types.js';
import type { EndpointHit, EndpointSource } from './endpointSource.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { successorOf } from '../catalog/successor.js';
import { requestAsCode } from '../requestCode/requestCode.js';

function paramShape(p: CatalogParam): ParamShape | undefined {
  if (p.in === 'header') return undefined;
  const type = p.schema.kind === 'array' ? p.schema.items.kind : p.schema.kind;
  return {
    name: p.name,
    in: p.in,
    type: type === 'enum' ? 'string' : type,
    required: p.required,
    enum: p.enum?.map(String),
    array: p.array,
  };
}

export function operationShape(op: CatalogOperation, catalog: Catalog): OperationShape {
  const next = successorOf(catalog, op);
  return {
    operationId: op.operationId,
    method: op.method.toUpperCase() as HttpMethod,
    path: op.path,
    params: op.params.map(paramShape).filter((p): p is ParamShape => p !== undefined),
    bodySkeleton: op.body ? bodySkeleton(op.body.schema, catalog) : undefined,
    scopes: [...op.scopes],
    ...(op.deprecated ? { deprecated: true } : {}),
    ...(next ? { successor: `${next.method.toUpperCase()} ${next.path}` } : {}),
  };
}

export function endpointSource(catalog: Catalog): EndpointSource {
  const byKey = new Map<string, CatalogOperation>(catalog.operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o]));
  return {
    search(query, limit) {
      return searchCatalog(catalog, query, { limit }).map(
        (m): EndpointHit => ({
          operationId: m.operation.operationId,
          method: m.operation.method.toUpperCase(),
          path: m.operation.path,
          // An imported catalog's text is someone else's file: terminal-safe.
          summary: terminalSafe(m.operation.summary),
          scopes: m.operation.scopes.map((s) => terminalSafe(s)),
          deprecated: m.operation.deprecated,
          positions: m.pathPositions,
        }),
      );
    },
    nextSegments(typed) {
      return typed.startsWith('/') ? completePathSegment(catalog, typed).filter((c) => c.value !== typed || c.hasChildren).map(({ segment, count, value, hasChildren }) => ({ segment, count, value, hasChildren })) : [];
    },
    operation(hit) {
      const op = byKey.get(`${hit.method} ${hit.path}`);
      if (!op) throw new Error(`catalog has no ${hit.method} ${hit.path}`);
      return operationShape(op, catalog);
    },
    findByPath(method, path) {
      const op = findOperationByPath(catalog, method, path);
      return op && operationShape(op, catalog);
    },
    methodsFor(path) {
      return operationsAtPath(catalog, path).map((o) => o.method.toUpperCase() as HttpMethod);
    },
    requestCode(format, request, baseUrl) {
      return requestAsCode(format, request, { baseUrl, operation: findOperationByPath(catalog, request.method, request.path) });
    },
    scopesFor(method, path) {
      return [...(findOperationByPath(catalog, method, path)?.scopes ?? [])];
    },
    entitiesFor: (method, path) => entitiesPairFor(catalog, method, path),
  };
}

/**
 * The shell's source. The search and segment indexes are built on first use (some 50 ms): built here, as the
 * catalog loads and before the endpoint line says it is ready, so the first key typed does not pay for them.
 */
export async function catalogEndpointSource(profile: string | undefined, env: NodeJS.ProcessEnv): Promise<EndpointSource> {
  const source = endpointSource(await loadCurrentCatalog({ profile, env }));
  source.search('/', 1);
  source.nextSegments('/');
  return source;
}
