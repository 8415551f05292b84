// The little the composer needs to know about an API operation. The catalog
// is adapted to this shape, so the composer does not depend on its format.
import type { HttpMethod } from '../http/types.js';

export interface ParamShape {
  name: string;
  in: 'query' | 'path';
  /** the schema type as the catalog states it: string, integer, boolean… */
  type: string;
  required: boolean;
  enum?: string[];
  /** may be repeated (`ids=a&ids=b`) */
  array: boolean;
  description?: string;
}

export interface OperationShape {
  operationId: string;
  method: HttpMethod;
  /** with `{param}` placeholders, e.g. /devices/entities/devices/v2 or /policy/entities/{id}/v1 */
  path: string;
  params: ParamShape[];
  /** an example JSON body; undefined when the operation takes none */
  bodySkeleton?: unknown;
  scopes: string[];
  /** the catalog marks it deprecated */
  deprecated?: boolean;
  /** what replaces it, as `METHOD /path`, when the catalog knows */
  successor?: string;
}
