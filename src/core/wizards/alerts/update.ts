// Changing alerts: one change (status, assignee, tags, a comment) as the
// update call's action parameters, sent in batches of the call's maximum,
// with each batch's outcome reported as it lands (for the audit log).
import { describeApiError, scopesOf } from '../../api/apiError.js';
import { NetworkError } from '../../http/networkError.js';
import { envelopeOf, type ApiResponse } from '../../http/types.js';
import type { ConfirmWrite, PolicyCaller } from '../../request/guardedClient.js';
import { chunks } from '../hostRecords.js';
import { isAbort } from '../stepFailure.js';
import type { AlertStatus } from './alertRecord.js';

export const UPDATE_PATH = '/alerts/entities/alerts/v3';
/** composite ids per update call (as the SDKs send at most) */
export const MAX_IDS_PER_UPDATE = 1000;

export interface AlertChange {
  status?: AlertStatus;
  /** a user id (containing @) or a display name */
  assign?: string;
  unassign?: boolean;
  tags?: string[];
  comment?: string;
}

export function isEmptyChange(c: AlertChange): boolean {
  return !c.status && !c.assign && !c.unassign && !(c.tags ?? []).length && !c.comment;
}

/** `action_parameters` of the update call. */
export function actionParameters(c: AlertChange): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  if (c.status) out.push({ name: 'update_status', value: c.status });
  if (c.unassign) out.push({ name: 'unassign', value: '' });
  if (c.assign) out.push({ name: c.assign.includes('@') ? 'assign_to_user_id' : 'assign_to_name', value: c.assign });
  for (const t of c.tags ?? []) out.push({ name: 'add_tag', value: t });
  if (c.comment) out.push({ name: 'append_comment', value: c.comment });
  return out;
}

/** The change in a few words: "status → closed, tag auto-closed, comment". */
export function describeChange(c: AlertChange): string {
  const parts: string[] = [];
  if (c.status) parts.push(`status → ${c.status}`);
  if (c.unassign) parts.push('unassign');
  if (c.assign) parts.push(`assign to ${c.assign}`);
  for (const t of c.tags ?? []) parts.push(`tag ${t}`);
  if (c.comment) parts.push(`comment "${c.comment}"`);
  return parts.join(', ');
}

/** How one batch ended: the ids the API changed and those it did not, with why. */
export interface BatchOutcome {
  /** 1-based */
  batch: number;
  batches: number;
  changed: string[];
  failed: { id: string; message: string }[];
  /** the call failed after it may have reached the server (a dropped connection): these ids may or may not have changed */
  unknown: string[];
  status?: number;
  traceId?: string;
}

export interface UpdateOptions {
  batchSize?: number;
  /** cancels the call in flight (its outcome is then unknown) */
  signal?: AbortSignal;
  /** checked between batches: the batch in flight finishes, so what it did is known and recorded */
  stop?: AbortSignal;
  /** each batch's outcome, as it lands; awaited, so an audit line is written before the next batch goes */
  onBatch?: (outcome: BatchOutcome) => void | Promise<void>;
  /** answers the door's confirmation of each batch (the typed confirmation that reviewed these ids) */
  confirm?: ConfirmWrite;
}

/**
 * The typed confirmation's answer to the door: yes only for the update call
 * on alerts the person reviewed; anything else is not covered by it.
 */
export function reviewedAlertUpdates(reviewedIds: readonly string[]): ConfirmWrite {
  const reviewed = new Set(reviewedIds);
  return async ({ request }) => {
    const body = request.body && 'json' in request.body ? (request.body.json as { composite_ids?: unknown }) : undefined;
    const ids = Array.isArray(body?.composite_ids) ? body.composite_ids : [];
    return request.method === 'PATCH' && request.path === UPDATE_PATH && ids.length > 0 && ids.every((id) => typeof id === 'string' && reviewed.has(id));
  };
}

type ErrorItem = { code?: number; message?: string; id?: string };

/** Sends the change to every id, batch after batch, and returns every batch's outcome. */
export async function updateAlerts(caller: PolicyCaller, ids: readonly string[], change: AlertChange, opts: UpdateOptions = {}): Promise<BatchOutcome[]> {
  const size = Math.max(1, Math.min(opts.batchSize ?? MAX_IDS_PER_UPDATE, MAX_IDS_PER_UPDATE));
  const parts = chunks(ids, size);
  const outcomes: BatchOutcome[] = [];
  for (const [i, part] of parts.entries()) {
    opts.stop?.throwIfAborted();
    const outcome = await sendBatch(caller, part, change, opts.signal, opts.confirm);
    const full = { ...outcome, batch: i + 1, batches: parts.length };
    outcomes.push(full);
    await opts.onBatch?.(full);
  }
  return outcomes;
}

async function sendBatch(caller: PolicyCaller, ids: string[], change: AlertChange, signal?: AbortSignal, confirm?: ConfirmWrite): Promise<Omit<BatchOutcome, 'batch' | 'batches'>> {
  let res: ApiResponse;
  try {
    res = await caller.request({
      method: 'PATCH',
      path: UPDATE_PATH,
      body: { json: { composite_ids: ids, action_parameters: actionParameters(change) } },
      signal,
    }, { confirm });
  } catch (e) {
    if (e instanceof NetworkError && !isAbort(e, signal)) return { changed: [], failed: [], unknown: ids, status: undefined };
    throw e;
  }
  const traceId = res.traceId;
  if (res.status === 403) {
    const message = describeApiError(res, { scopes: await scopesOf('PATCH', UPDATE_PATH), missingScope: (res as { missingScope?: boolean }).missingScope });
    return { changed: [], failed: ids.map((id) => ({ id, message })), unknown: [], status: 403, traceId };
  }
  const ok = res.status >= 200 && res.status < 300;
  const errorsById = new Map<string, ErrorItem>();
  for (const e of (envelopeOf(res)?.errors ?? []) as ErrorItem[]) if (typeof e.id === 'string') errorsById.set(e.id, e);
  // A 404 names the ids it did not know; the others in the batch were changed only if the call succeeded.
  const partial = res.status === 404 && errorsById.size > 0;
  const changed: string[] = [];
  const failed: { id: string; message: string }[] = [];
  for (const id of ids) {
    const err = errorsById.get(id);
    if (err) failed.push({ id, message: err.message ?? `rejected (${err.code ?? res.status})` });
    else if (ok) changed.push(id);
    else if (!partial) failed.push({ id, message: describeApiError(res) });
  }
  return { changed, failed, unknown: [], status: res.status, traceId };
}
