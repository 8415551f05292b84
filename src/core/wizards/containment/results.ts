// The end result per host, from the review, what the API answered and what
// the watch saw. Every input ends up in exactly one result: nothing is
// silently dropped (deselected hosts are the user's choice and are left out).
import { TARGET_STATUS, type ContainmentState, type HostOutcome, type HostResult, type ReviewRow } from './types.js';

/** How the run ended: no watch asked for, every host there, the deadline, or the user stopped it. */
export type RunEnd = 'unwatched' | 'finished' | 'timeout' | 'stopped';

/** Outcomes that count as success: in the asked state, or (without a watch) accepted. */
export const SUCCESS_OUTCOMES: ReadonlySet<HostOutcome> = new Set(['reached', 'already', 'submitted']);

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function watched(state: ContainmentState, row: ReviewRow, end: RunEnd, traceIds: string[]): HostResult {
  const id = row.host.deviceId;
  const base = { input: row.input, deviceId: id, hostname: row.host.hostname, traceIds };
  const target = TARGET_STATUS[state.action];
  const status = state.watch?.statuses[id] ?? row.host.status;
  if (end === 'unwatched') {
    const message = row.plan === 'pending' ? `already ${row.host.status}: not sent again` : 'accepted by the API';
    return { ...base, outcome: 'submitted', status: row.plan === 'pending' ? row.host.status : undefined, message };
  }
  if (status === target) {
    const after = state.watch?.reachedAfterMs[id];
    const reached = state.action === 'contain' ? 'contained' : 'containment lifted';
    return { ...base, outcome: 'reached', status, message: after === undefined ? reached : `${reached} after ${seconds(after)}` };
  }
  const waited = state.watch?.startedAt !== undefined && state.watch.deadline !== undefined ? state.watch.deadline - state.watch.startedAt : state.options.timeoutMs;
  if (end === 'stopped') return { ...base, outcome: 'stopped', status, message: `still ${status} when the watch was stopped` };
  return { ...base, outcome: 'timeout', status, message: `still ${status} after ${seconds(waited)}` };
}

export function computeResults(state: ContainmentState, end: RunEnd): HostResult[] {
  const results: HostResult[] = [];
  const sent = new Map(state.submitted.map((o) => [o.deviceId, o]));
  for (const row of state.review?.rows ?? []) {
    const id = row.host.deviceId;
    const base = { input: row.input, deviceId: id, hostname: row.host.hostname, status: row.host.status };
    switch (row.plan) {
      case 'already':
        results.push({ ...base, outcome: 'already', message: row.note, traceIds: [] });
        break;
      case 'conflict':
        results.push({ ...base, outcome: 'conflict', message: row.note, traceIds: [] });
        break;
      case 'pending':
        results.push(watched(state, row, end, []));
        break;
      case 'act': {
        if (!row.selected) break;
        const outcome = sent.get(id);
        if (!outcome) {
          results.push({ ...base, outcome: 'failed', message: 'not sent: the submission did not complete', traceIds: [] });
          break;
        }
        const traceIds = outcome.traceId ? [outcome.traceId] : [];
        if (outcome.kind !== 'accepted') results.push({ ...base, outcome: outcome.kind, message: outcome.message, traceIds });
        else results.push(watched(state, row, end, traceIds));
        break;
      }
    }
  }
  for (const p of state.review?.problems ?? []) results.push({ input: p.input, outcome: 'not-found', message: p.message, traceIds: [] });
  return results;
}

/** True when every host is in the asked state (or, without a watch, was accepted). */
export function succeeded(results: readonly HostResult[]): boolean {
  return results.length > 0 && results.every((r) => SUCCESS_OUTCOMES.has(r.outcome));
}

/** Counts per outcome, for a one-line summary. */
export function summarize(results: readonly HostResult[]): Partial<Record<HostOutcome, number>> {
  const out: Partial<Record<HostOutcome, number>> = {};
  for (const r of results) out[r.outcome] = (out[r.outcome] ?? 0) + 1;
  return out;
}
