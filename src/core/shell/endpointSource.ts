// What the shell needs of the catalog: search results for the endpoint
// line, the shape of a picked operation for the composer, and the scopes an
// operation needs (named in 403 messages).
import type { OperationShape } from '../composer/operationShape.js';
import type { ApiRequest } from '../http/types.js';
import type { CodeFormat } from '../requestCode/requestCode.js';
import type { EntitiesPair } from '../catalog/entitiesPair.js';

export interface EndpointHit {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  scopes: readonly string[];
  deprecated?: boolean;
  /** indexes of matched characters in `path` */
  positions: readonly number[];
}

export interface EndpointSource {
  search(query: string, limit: number): EndpointHit[];
  /** with a path typed (`/devices/en`), the segments that can come next, with how many operations lie under each */
  nextSegments(typed: string): { segment: string; count: number; value: string; hasChildren: boolean }[];
  operation(hit: EndpointHit): OperationShape;
  findByPath(method: string, path: string): OperationShape | undefined;
  scopesFor(method: string, path: string): string[];
  /** the methods the catalog has for a concrete path (empty when it does not know the path) */
  methodsFor(path: string): string[];
  /** the request as code (curl, FalconPy, TypeScript SDK); throws a UserError when the format cannot say it */
  requestCode(format: CodeFormat, request: ApiRequest, baseUrl: string): string;
  /** for a query operation, the entities operation that reads what its ids name */
  entitiesFor?(method: string, path: string): EntitiesPair | undefined;
}
