// `e` on a query answer: the entities for its ids, fetched in batches of
// what the entities operation takes, each call through the caller given (the
// shell's backend: its door, history and status bar), and shown as one
// answer whose resources are every batch's.
import type { EntitiesPair } from '../catalog/entitiesPair.js';
import { envelopeOf, type ApiCaller, type ApiRequest, type ApiResponse } from '../http/types.js';

/** The ids of a query answer: its resources, when they are strings. */
export function idsOf(res: ApiResponse): string[] | undefined {
  const r = envelopeOf(res)?.resources;
  return Array.isArray(r) && r.length > 0 && r.every((x) => typeof x === 'string') ? (r as string[]) : undefined;
}

/** One request per batch of ids. */
export function entitiesRequests(pair: EntitiesPair, ids: readonly string[]): ApiRequest[] {
  const out: ApiRequest[] = [];
  const method = pair.entities.method.toUpperCase() as ApiRequest['method'];
  for (let i = 0; i < ids.length; i += pair.batch) {
    const batch = ids.slice(i, i + pair.batch);
    out.push(pair.via === 'body' ? { method, path: pair.entities.path, body: { json: { ids: batch } } } : { method, path: pair.entities.path, query: batch.map((id) => ['ids', id] as const) });
  }
  return out;
}

/**
 * Sends every batch in order and merges the answers: resources and errors
 * concatenated, the last call's meta, status and headers. Stops at the first
 * call that is not a 2xx, which is shown as it came (its errors say why).
 */
export async function fetchEntities(caller: ApiCaller, requests: readonly ApiRequest[], signal?: AbortSignal): Promise<ApiResponse> {
  const resources: unknown[] = [];
  const errors: unknown[] = [];
  let last: ApiResponse | undefined;
  let duration = 0;
  let size = 0;
  for (const req of requests) {
    const res = await caller.request({ ...req, signal });
    duration += res.durationMs;
    size += res.size;
    if (res.status < 200 || res.status >= 300) return res;
    const env = envelopeOf(res);
    if (Array.isArray(env?.resources)) resources.push(...env.resources);
    if (Array.isArray(env?.errors)) errors.push(...env.errors);
    last = res;
  }
  if (!last) throw new Error('No ids to fetch.');
  const meta = envelopeOf(last)?.meta ?? {};
  return { ...last, durationMs: duration, size, body: { kind: 'json', value: { meta, resources, errors } } };
}
