// The containment wizard's calls to the API: resolving what the user named,
// sending the action in batches, and watching the hosts until they get
// there. Each takes a caller (the connection's door), so the command line
// and the shell use them alike.
import { NotSentError } from '../../request/notSent.js';
import { describeApiError } from '../../api/apiError.js';
import { NetworkError } from '../../http/networkError.js';
import { envelopeOf, type ApiCaller, type ApiRequest, type ApiResponse } from '../../http/types.js';
import type { ConfirmWrite, PolicyCaller } from '../../request/guardedClient.js';
import { paginate } from '../../paging/paginate.js';
import { systemClock, type Clock } from '../clock.js';
import { chunks, fetchHosts, isDeviceId, type HostRecord } from '../hostRecords.js';
import { scopesOf } from '../../api/apiError.js';
import { isAbort } from '../stepFailure.js';
import { hostnameFilter } from './targets.js';
import { API_ACTION_NAME, TARGET_STATUS, type ContainAction, type SubmitOutcome, type TargetResolution } from './types.js';

export { fetchHosts } from '../hostRecords.js';

const QUERY_PATH = '/devices/queries/devices/v1';
const ACTION_PATH = '/devices/entities/devices-actions/v2';
/** Hostnames per FQL query: keeps the URL short. */
const HOSTNAMES_PER_QUERY = 50;
/** The most ids one contain or lift call takes (as the SDKs batch them). */
export const MAX_IDS_PER_ACTION = 500;

export interface ServiceOptions {
  signal?: AbortSignal;
}

/**
 * Resolves each target: a device id (32 hex) to its host, a hostname to every
 * host with exactly that hostname (several when a hostname was reused).
 */
export async function resolveTargets(caller: ApiCaller, targets: readonly string[], opts: ServiceOptions = {}): Promise<TargetResolution[]> {
  const names = targets.filter((t) => !isDeviceId(t));
  const ids = new Set(targets.filter(isDeviceId).map((t) => t.toLowerCase()));
  for (const part of chunks(names, HOSTNAMES_PER_QUERY)) {
    const req = { method: 'GET' as const, path: QUERY_PATH, query: [['filter', hostnameFilter(part)], ['limit', '5000']] as const };
    for await (const id of paginate(caller, req, { signal: opts.signal })) if (typeof id === 'string') ids.add(id.toLowerCase());
  }
  const { hosts } = await fetchHosts(caller, [...ids], { signal: opts.signal });
  const byId = new Map(hosts.map((h) => [h.deviceId, h]));
  return targets.map((input): TargetResolution => {
    if (isDeviceId(input)) {
      const host = byId.get(input.toLowerCase());
      return { input, kind: 'deviceId', hosts: host ? [host] : [] };
    }
    // The filter matched exactly (case-sensitive, as the API does); this sorts the hosts of a batch out by name.
    return { input, kind: 'hostname', hosts: sortByLastSeen(hosts.filter((h) => h.hostname === input)) };
  });
}

/** Most recently seen first: the likely intended host of a reused hostname. */
function sortByLastSeen(hosts: HostRecord[]): HostRecord[] {
  return [...hosts].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}

/** The call that contains (or lifts) `ids`. */
export function actionRequest(action: ContainAction, ids: readonly string[]): ApiRequest {
  return { method: 'POST', path: ACTION_PATH, query: [['action_name', API_ACTION_NAME[action]]], body: { json: { ids: [...ids] } } };
}

/**
 * The wizard's answer to the door's confirmation: yes only for the action
 * call on ids the person reviewed and confirmed by typing; anything else is
 * not covered by that confirmation.
 */
export function reviewedActions(action: ContainAction, confirmedIds: readonly string[]): ConfirmWrite {
  const confirmed = new Set(confirmedIds.map((id) => id.toLowerCase()));
  return async ({ request }) => {
    const query = request.query ?? [];
    const body = request.body && 'json' in request.body ? (request.body.json as { ids?: unknown }) : undefined;
    const ids = Array.isArray(body?.ids) ? body.ids : [];
    return (
      request.method === 'POST' &&
      request.path === ACTION_PATH &&
      query.length === 1 &&
      query[0]?.[0] === 'action_name' &&
      query[0]?.[1] === API_ACTION_NAME[action] &&
      ids.length > 0 &&
      ids.every((id) => typeof id === 'string' && confirmed.has(id.toLowerCase()))
    );
  };
}

export interface SubmitOptions extends ServiceOptions {
  action: ContainAction;
  deviceIds: readonly string[];
  /** default (and at most) 500 */
  batchSize?: number;
  /** after each batch */
  onProgress?: (sent: number, total: number) => void;
  /** just before a batch's request goes out (the write-ahead audit records it; a throw stops the run unsent) */
  onBatchSending?: (ids: readonly string[]) => void;
  /** as a batch's answer lands */
  onBatchLanded?: (outcomes: readonly SubmitOutcome[]) => void;
  /** the send policy stopped a batch before it went out */
  onBatchNotSent?: (ids: readonly string[], reason: string) => void;
  /** answers the door's confirmation of each batch (the wizard's typed confirmation) */
  confirm?: ConfirmWrite;
}

type ErrorItem = { code?: number; message?: string; id?: string };

/**
 * Sends the action in batches and returns one outcome per device id: accepted,
 * rejected by the API (unknown id, conflict), forbidden (403, naming the
 * scope) or failed (5xx, 429 or the network, after the core's retries).
 */
export async function submitActions(caller: PolicyCaller, opts: SubmitOptions): Promise<SubmitOutcome[]> {
  const size = Math.max(1, Math.min(opts.batchSize ?? MAX_IDS_PER_ACTION, MAX_IDS_PER_ACTION));
  const outcomes: SubmitOutcome[] = [];
  let sent = 0;
  for (const batch of chunks(opts.deviceIds, size)) {
    opts.onBatchSending?.(batch);
    let landed: SubmitOutcome[];
    try {
      landed = await submitBatch(caller, opts.action, batch, opts.signal, opts.confirm);
    } catch (e) {
      // The door refused the batch before it left: the record must not say it was sent.
      if (e instanceof NotSentError) opts.onBatchNotSent?.(batch, e.message);
      throw e;
    }
    opts.onBatchLanded?.(landed);
    outcomes.push(...landed);
    sent += batch.length;
    opts.onProgress?.(sent, opts.deviceIds.length);
  }
  return outcomes;
}

async function submitBatch(caller: PolicyCaller, action: ContainAction, ids: string[], signal?: AbortSignal, confirm?: ConfirmWrite): Promise<SubmitOutcome[]> {
  let res: ApiResponse;
  try {
    // A write (devices:write): after a 5xx or a dropped connection it is not sent again; the host is reported failed.
    res = await caller.request({ ...actionRequest(action, ids), signal }, { confirm });
  } catch (e) {
    if (e instanceof NetworkError && !isAbort(e, signal)) return ids.map((deviceId) => ({ deviceId, kind: 'failed', message: e.message }));
    throw e;
  }
  const traceId = res.traceId;
  if (res.status === 403) {
    const message = describeApiError(res, { scopes: await scopesOf('POST', ACTION_PATH), missingScope: (res as { missingScope?: boolean }).missingScope });
    return ids.map((deviceId) => ({ deviceId, kind: 'forbidden', message, code: 403, traceId }));
  }
  const env = envelopeOf(res);
  const errorsById = new Map<string, ErrorItem>();
  for (const e of (env?.errors ?? []) as ErrorItem[]) if (typeof e.id === 'string') errorsById.set(e.id.toLowerCase(), e);
  const ok = res.status >= 200 && res.status < 300;
  const transient = res.status === 429 || res.status >= 500;
  return ids.map((deviceId): SubmitOutcome => {
    const err = errorsById.get(deviceId.toLowerCase());
    if (err) return { deviceId, kind: 'rejected', message: err.message ?? `rejected (${err.code ?? res.status})`, code: err.code ?? res.status, traceId };
    // A 2xx call accepted every id it did not report an error for.
    if (ok) return { deviceId, kind: 'accepted', message: 'accepted', traceId };
    return { deviceId, kind: transient ? 'failed' : 'rejected', message: describeApiError(res), code: res.status, traceId };
  });
}

export interface WatchUpdate {
  /** clock time of the poll */
  at: number;
  /** statuses seen by this poll (empty when it failed) */
  statuses: Record<string, string>;
  /** the failed poll, in one sentence; the watch goes on */
  error?: string;
}

export interface WatchOptions extends ServiceOptions {
  action: ContainAction;
  deviceIds: readonly string[];
  timeoutMs: number;
  /** first wait between polls; it grows by half each poll, up to maxPollIntervalMs */
  pollIntervalMs: number;
  maxPollIntervalMs?: number;
  clock?: Clock;
  onStart?: (at: number, deadline: number) => void;
  onPoll?: (update: WatchUpdate) => void;
}

export interface WatchResult {
  statuses: Record<string, string>;
  /** ids in the asked state */
  reached: string[];
  timedOut: boolean;
}

/**
 * Polls the hosts' details until each is in the asked state or the deadline
 * passes. A failed poll (after the core's retries) is reported and polling
 * goes on: a passing API failure must not end the watch.
 */
export async function watchStatus(caller: ApiCaller, opts: WatchOptions): Promise<WatchResult> {
  const clock = opts.clock ?? systemClock;
  const target = TARGET_STATUS[opts.action];
  const start = clock.now();
  const deadline = start + opts.timeoutMs;
  const statuses: Record<string, string> = {};
  const pending = new Set(opts.deviceIds.map((id) => id.toLowerCase()));
  const maxInterval = opts.maxPollIntervalMs ?? Math.max(opts.pollIntervalMs, 5000);
  let interval = opts.pollIntervalMs;
  opts.onStart?.(start, deadline);
  while (pending.size) {
    const now = clock.now();
    if (now >= deadline) break;
    await clock.sleep(Math.min(interval, deadline - now), opts.signal);
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
    try {
      const { hosts } = await fetchHosts(caller, [...pending], { online: false, signal: opts.signal });
      const seen: Record<string, string> = {};
      for (const h of hosts) {
        seen[h.deviceId] = h.status;
        statuses[h.deviceId] = h.status;
        if (h.status === target) pending.delete(h.deviceId);
      }
      opts.onPoll?.({ at: clock.now(), statuses: seen });
    } catch (e) {
      if (isAbort(e, opts.signal)) throw e;
      opts.onPoll?.({ at: clock.now(), statuses: {}, error: (e as Error).message });
    }
  }
  return { statuses, reached: opts.deviceIds.filter((id) => statuses[id.toLowerCase()] === target), timedOut: pending.size > 0 };
}
