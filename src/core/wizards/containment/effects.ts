// Carries out the effect the containment state asks for (see nextEffect)
// and dispatches what happened back into the reducer. The shell runs it from
// a React effect keyed by effectKey(); the command-line driver awaits it.
import { AuditJournal, journalById, NOT_SENT } from '../../audit/auditJournal.js';
import { appendAuditEntry, type AuditContext, type AuditEntry } from '../../audit/auditLog.js';
import { UserError } from '../../errors.js';
import type { PolicyCaller } from '../../request/guardedClient.js';
import { NotSentError } from '../../request/notSent.js';
import type { Clock } from '../clock.js';
import { failureFrom, isAbort } from '../stepFailure.js';
import { succeeded } from './results.js';
import { actionRequest, resolveTargets, reviewedActions, submitActions, watchStatus } from './services.js';
import { fetchHosts } from '../hostRecords.js';
import { API_ACTION_NAME, type ContainAction, type ContainmentEffect, type ContainmentEvent, type HostResult, type WorkingStep } from './types.js';

export interface ContainmentDeps {
  /** the connection's door (a plain client in tests): refuses a read-only profile's action, asks us to confirm the others */
  caller: PolicyCaller;
  /** default: the system clock */
  clock?: Clock;
  /** ids per action call (default and maximum 500) */
  batchSize?: number;
  /** longest wait between status polls (default 5 s) */
  maxPollIntervalMs?: number;
  /** where and as whom runs are recorded; without it nothing is recorded */
  audit?: { path: string; context: AuditContext };
}

const STEP_OF: Readonly<Record<Exclude<ContainmentEffect['kind'], 'audit'>, WorkingStep>> = {
  resolve: 'resolving',
  submit: 'submitting',
  watch: 'watching',
  finalCheck: 'watching',
};

export function auditEntryFor(action: ContainAction, results: readonly HostResult[], context: AuditContext, time: Date): AuditEntry {
  return {
    time: time.toISOString(),
    ...context,
    action: API_ACTION_NAME[action],
    ok: succeeded(results),
    hosts: results.map((r) => ({
      deviceId: r.deviceId ?? null,
      hostname: r.hostname ?? null,
      input: r.input,
      result: r.outcome,
      status: r.status,
      message: r.message,
      traceIds: r.traceIds,
    })),
  };
}

/** Writes the plan before anything is sent; a plan that cannot be recorded sends nothing. */
function openJournal(audit: NonNullable<ContainmentDeps['audit']>, effect: Extract<ContainmentEffect, { kind: 'submit' }>, clock?: Clock): AuditJournal {
  try {
    return new AuditJournal(audit.path, audit.context, API_ACTION_NAME[effect.action], effect.hosts ?? effect.deviceIds.map((deviceId) => ({ deviceId, hostname: null, input: deviceId })), clock ? () => clock.now() : Date.now);
  } catch (e) {
    throw new UserError(`The audit log ${audit.path} could not be written (${(e as Error).message}), so nothing was sent. Fix the file or its directory and run again.`);
  }
}

/**
 * Runs one effect to its end. Failures become a `failed` event (the wizard
 * keeps its state); an abort (Esc, the step left) dispatches nothing.
 */
export async function runEffect(effect: ContainmentEffect, deps: ContainmentDeps, dispatch: (event: ContainmentEvent) => void, signal?: AbortSignal): Promise<void> {
  const { run } = effect;
  if (effect.kind === 'audit') {
    if (!deps.audit) return dispatch({ type: 'audited', run, error: 'no audit log configured' });
    try {
      const time = new Date(deps.clock?.now() ?? Date.now());
      const entry = auditEntryFor(effect.action, effect.results, deps.audit.context, time);
      const journal = journalById(effect.journal);
      if (journal) journal.close(entry);
      else appendAuditEntry(deps.audit.path, entry);
      dispatch({ type: 'audited', run, path: deps.audit.path });
    } catch (e) {
      dispatch({ type: 'audited', run, error: `The audit log could not be written: ${(e as Error).message}` });
    }
    return;
  }
  let journal: AuditJournal | undefined;
  try {
    switch (effect.kind) {
      case 'resolve': {
        // A profile that may not send the action hears so now, before the review (the door refuses it anyway).
        const plan = await deps.caller.plan?.(actionRequest(effect.action, []));
        if (plan?.action === 'refuse') throw new NotSentError(plan.reason, 'refused');
        const resolutions = await resolveTargets(deps.caller, effect.targets, { signal });
        dispatch({ type: 'resolved', run, resolutions });
        break;
      }
      case 'submit': {
        journal = deps.audit && openJournal(deps.audit, effect, deps.clock);
        if (journal) dispatch({ type: 'journalOpened', run, id: journal.id });
        const outcomes = await submitActions(deps.caller, {
          action: effect.action,
          deviceIds: effect.deviceIds,
          batchSize: deps.batchSize,
          // The typed confirmation covered exactly these hosts: it answers the door for them, and only them.
          confirm: reviewedActions(effect.action, effect.deviceIds),
          signal,
          onProgress: (sent, total) => dispatch({ type: 'submitProgress', run, sent, total }),
          onBatchSending: (ids) => journal?.batchSending(ids),
          onBatchLanded: (landed) => journal?.batchLanded(landed),
          onBatchNotSent: (ids, reason) => journal?.batchLanded(ids.map((deviceId) => ({ deviceId, kind: NOT_SENT, message: `not sent: ${reason}` }))),
        });
        dispatch({ type: 'submitted', run, outcomes });
        break;
      }
      case 'finalCheck': {
        try {
          const { hosts } = await fetchHosts(deps.caller, effect.deviceIds, { online: false, signal });
          dispatch({ type: 'finalChecked', run, statuses: Object.fromEntries(hosts.map((h) => [h.deviceId, h.status])) });
        } catch (e) {
          // The results then say the last status seen, and why it may be old.
          dispatch({ type: 'finalChecked', run, statuses: {}, error: (e as Error).message });
        }
        return;
      }
      case 'watch': {
        const result = await watchStatus(deps.caller, {
          action: effect.action,
          deviceIds: effect.deviceIds,
          timeoutMs: effect.timeoutMs,
          pollIntervalMs: effect.pollIntervalMs,
          maxPollIntervalMs: deps.maxPollIntervalMs,
          clock: deps.clock,
          signal,
          onStart: (at, deadline) => dispatch({ type: 'watchStarted', run, at, deadline }),
          onPoll: (u) => dispatch({ type: 'watchUpdate', run, at: u.at, statuses: u.statuses, error: u.error }),
        });
        dispatch({ type: 'watchFinished', run, at: deps.clock?.now() ?? Date.now(), timedOut: result.timedOut });
        break;
      }
    }
  } catch (e) {
    // A submission cut short still closes its record with what was sent.
    journal?.interrupt(isAbort(e, signal) ? 'the submission was cancelled' : `the submission failed: ${(e as Error).message}`);
    if (isAbort(e, signal)) return;
    dispatch({ type: 'failed', run, failure: failureFrom(STEP_OF[effect.kind], e) });
  }
}
