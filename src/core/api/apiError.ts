// A non-2xx answer from the Falcon API as a user-facing error: one sentence
// saying what went wrong and what to do, then the API's messages and trace id.
import { ExitCode, UserError } from '../errors.js';
import { envelopeOf, type ApiResponse } from '../http/types.js';
import { terminalSafe } from '../text/terminalSafe.js';

export interface ApiErrorContext {
  /** scopes the operation needs, from the catalog, for 403s */
  scopes?: readonly string[];
  /** true when a fresh token did not cure a 403 (see FalconClient) */
  missingScope?: boolean;
  /** for a 404 on a path the catalog does not know: that fact, and its nearest operation */
  unknownPath?: { nearest?: { method: string; path: string; operationId: string } };
}

/** The API's own error messages from the envelope (or the text body), terminal-safe. */
export function apiMessages(res: ApiResponse): string[] {
  const env = envelopeOf(res);
  const fromEnvelope = (env?.errors ?? []).map((e) => [e.code, e.message].filter((x) => x !== undefined && x !== '').join(' ')).filter(Boolean);
  if (fromEnvelope.length) return fromEnvelope.map((m) => terminalSafe(m));
  if (res.body.kind === 'text' && res.body.value.trim()) return [terminalSafe(res.body.value.trim().slice(0, 300))];
  return [];
}

export function describeApiError(res: ApiResponse, ctx: ApiErrorContext = {}): string {
  const what = `${res.method} ${new URL(res.url).pathname}`;
  switch (true) {
    case res.status === 400:
      return `The API rejected the request as invalid (400): check the parameters, filter and body of ${what}.`;
    case res.status === 401:
      return `The API refused the token (401) even after renewing it: check that the client id and secret are for this cloud.`;
    case res.status === 403: {
      const scopes = ctx.scopes?.length ? ctx.scopes.join(', ') : undefined;
      if (scopes) return `The API client lacks the scope ${scopes} that ${what} needs (403): add it to the API client in the Falcon console.`;
      return `The API client is not allowed to call ${what} (403): it lacks a scope, or the source IP is not allow-listed.`;
    }
    case res.status === 404 && ctx.unknownPath !== undefined: {
      const near = ctx.unknownPath.nearest;
      const hint = near ? ` The nearest operation in the catalog is ${near.method} ${near.path} (${near.operationId}).` : ' Search the catalog with talon endpoints WORDS.';
      return `Not found (404): ${what} is not an operation the catalog knows.${hint}`;
    }
    case res.status === 404:
      return `Not found (404): ${what} does not exist on this cloud, or the ids you gave are unknown.`;
    case res.status === 405:
      return `The method is not allowed on this path (405): ${what}.`;
    case res.status === 409:
      return `The API reported a conflict (409) for ${what}: another action may be in progress; try again shortly.`;
    case res.status === 429:
      return `Rate limited (429) on ${what} and retries ran out: wait a minute and try again.`;
    case res.status >= 500:
      return `The Falcon API failed (${res.status}) on ${what}: try again later; if it persists, quote the trace id to CrowdStrike support.`;
    default:
      return `The API answered ${res.status} to ${what}.`;
  }
}

export class ApiError extends UserError {
  constructor(
    readonly response: ApiResponse,
    ctx: ApiErrorContext = {},
  ) {
    super(describeApiError(response, ctx), ExitCode.apiError, [
      ...apiMessages(response).map((m) => `API: ${m}`),
      ...(response.traceId ? [`trace id: ${terminalSafe(response.traceId)}`] : []),
    ]);
    this.name = 'ApiError';
  }
}

/** The scopes a call needs, from the catalog; loaded only when a 403 needs naming. */
export async function scopesOf(method: string, path: string): Promise<string[] | undefined> {
  const { scopesFor } = await import('../catalog/scopes.js');
  const scopes = scopesFor(method, path);
  return scopes ? [...scopes] : undefined;
}

/** For a 404 on a path the bundled catalog does not know: its nearest operation; undefined for known paths. */
async function unknownPathOf(method: string, path: string): Promise<ApiErrorContext['unknownPath']> {
  const [{ bundledCatalog }, { findOperationByPath }, { nearestOperation }] = await Promise.all([
    import('../catalog/loadCatalog.js'),
    import('../catalog/findOperation.js'),
    import('../catalog/nearestOperation.js'),
  ]);
  const catalog = bundledCatalog();
  if (findOperationByPath(catalog, method, path)) return undefined;
  const near = nearestOperation(catalog, method, path);
  return { nearest: near ? { method: near.method, path: near.path, operationId: near.operationId } : undefined };
}

/** A non-2xx answer as an ApiError; a 403 names the scope the call needs, a 404 an unknown path. */
export async function apiErrorOf(res: ApiResponse, method: string, path: string): Promise<ApiError> {
  const missingScope = (res as { missingScope?: boolean }).missingScope;
  return new ApiError(res, {
    missingScope,
    scopes: res.status === 403 ? await scopesOf(method, path) : undefined,
    unknownPath: res.status === 404 ? await unknownPathOf(method, path) : undefined,
  });
}
