// Whether a call changes the tenant, and what happens before it is sent:
// send it, confirm it (showing the whole request), or refuse it (a read-only
// profile). The catalog in use decides from the operation's OAuth2 scopes,
// never from words in the path:
// - an operation that needs a `:write` scope is a write, whatever its method
//   (17 GETs of real-time response need one);
// - a GET (or HEAD, OPTIONS) that needs no `:write` scope is a read;
// - any other method is a read only when the catalog knows the operation and
//   it needs `:read` scopes alone (POST queries, searches, GET-by-body); an
//   operation the catalog does not know, or that names no scope, is a write.
// The same answer decides retries (retryPolicy.ts): a write is never sent
// again once it may have reached the server.
import type { ApiRequest } from '../http/types.js';
import type { ScopeCatalog, ScopeOperation } from '../catalog/types.js';
import { findOperationByPath } from '../catalog/findOperation.js';
import { describeRequest } from './describeRequest.js';
import { terminalSafe } from '../text/terminalSafe.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestEffect {
  /** true when the call may change the tenant */
  writes: boolean;
  /** the catalog's operation, when the catalog knows the call */
  operation?: ScopeOperation;
  /** why, as a clause led by the operation: "BatchAdminCmd needs real-time-response-admin:write" */
  because: string;
}

/** Who is sending: a profile's name (or where the credentials came from) and whether it is read-only. */
export interface SendProfile {
  name: string;
  readOnly: boolean;
}

export type SendPlan =
  | { action: 'send'; effect: RequestEffect }
  /** `title` and `lines` (the whole request: method, URL with its query, body) are terminal-safe */
  | { action: 'confirm'; effect: RequestEffect; title: string; lines: string[] }
  /** `reason` is one sentence naming the operation and its scope */
  | { action: 'refuse'; effect: RequestEffect; reason: string };

/** Classifies one call by the catalog in use. */
export function classifyRequest(req: { method: string; path: string }, catalog: ScopeCatalog): RequestEffect {
  const method = req.method.toUpperCase();
  const operation = findOperationByPath(catalog, method, req.path);
  const safe = SAFE_METHODS.has(method);
  if (!operation) {
    return safe
      ? { writes: false, because: `${method} ${req.path} is not in the catalog; a ${method} only reads` }
      : { writes: true, because: `${method} ${req.path} is not in the catalog, so talon treats it as a write` };
  }
  const name = operation.operationId;
  const writeScopes = operation.scopes.filter((s) => s.endsWith(':write'));
  if (writeScopes.length) return { writes: true, operation, because: `${name} needs ${writeScopes.join(', ')}` };
  const readScopes = operation.scopes.filter((s) => s.endsWith(':read'));
  if (readScopes.length) return { writes: false, operation, because: `${name} needs only ${readScopes.join(', ')}` };
  if (safe) return { writes: false, operation, because: `${name} needs no scope` };
  return { writes: true, operation, because: `${name} needs no :read scope, so talon treats it as a write` };
}

/**
 * What to do with `request` for `profile`: reads are sent; writes are refused
 * by a read-only profile, and otherwise need a confirmation that shows the
 * whole request against `baseUrl`.
 */
export function planSend(request: ApiRequest, profile: SendProfile, catalog: ScopeCatalog, baseUrl = ''): SendPlan {
  const effect = classifyRequest(request, catalog);
  if (!effect.writes) return { action: 'send', effect };
  if (profile.readOnly) {
    // The operation and its scope lead: the shell shows this on one line.
    const where = effect.operation ? ` (${request.method} ${request.path})` : '';
    return { action: 'refuse', effect, reason: `Refused by the read-only profile '${profile.name}': ${effect.because}${where}; use another profile.` };
  }
  // Terminal-safe like the lines: an imported spec names the operation, history or a shared collection the path.
  return { action: 'confirm', effect, title: terminalSafe(`This call changes the tenant: ${effect.because}.`), lines: describeRequest(request, baseUrl) };
}
