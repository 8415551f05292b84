// Carries out the effect the triage state asks for (see nextTriageEffect)
// and dispatches what happened back into the reducer. Applying a plan is
// audited ahead: each group's intent line is written before its first batch
// (nothing is sent if it cannot be), each batch's line as its answer lands,
// and a result line when the group ends, even when the run is interrupted.
import { appendAuditEntry, type AuditContext } from '../../audit/auditLog.js';
import { ALERT_AUDIT_ACTION, type AlertAuditChange, type AlertAuditEntry } from '../../audit/alertAudit.js';
import { UserError } from '../../errors.js';
import type { PolicyCaller } from '../../request/guardedClient.js';
import { systemClock, type Clock } from '../clock.js';
import { failureFrom, isAbort } from '../stepFailure.js';
import type { Enricher } from './enrich.js';
import { fetchAlerts, listAlerts } from './listAlerts.js';
import { queryFilter } from './machine.js';
import { planRules, type PlanGroup } from './matchRules.js';
import type { GroupResult, PlanRequest, TriageEffect, TriageEvent } from './types.js';
import { reviewedAlertUpdates, updateAlerts, type AlertChange } from './update.js';

export interface TriageDeps {
  caller: PolicyCaller;
  /** the run's cache of hosts, groups, hash counts and related alerts */
  enricher: Enricher;
  clock?: Clock;
  /** ids per update call (default and maximum 1000) */
  batchSize?: number;
  /** where and as whom changes are recorded; without it nothing is recorded */
  audit?: { path: string; context: AuditContext };
}

/** An audit entry without what every line shares (time, who, action). */
type AuditFields = AlertAuditEntry extends infer E ? (E extends AlertAuditEntry ? Omit<E, 'time' | keyof AuditContext | 'action'> : never) : never;

function auditChange(c: AlertChange): AlertAuditChange {
  return JSON.parse(JSON.stringify(c)) as AlertAuditChange;
}

async function buildPlan(request: PlanRequest, deps: TriageDeps, signal?: AbortSignal): Promise<PlanGroup[]> {
  const now = (deps.clock ?? systemClock).now();
  if (request.kind === 'rules') return planRules(deps.caller, request.rules, deps.enricher, now, signal);
  if (request.filter !== undefined) {
    const { alerts } = await listAlerts(deps.caller, { filter: request.filter, limit: request.limit ?? 10_000, signal });
    return [{ change: request.change, rows: alerts.map((alert) => ({ alert, reasons: ['matches the filter'], keep: true })) }];
  }
  const ids = request.ids ?? [];
  const alerts = await fetchAlerts(deps.caller, ids, signal);
  const known = new Set(alerts.map((a) => a.compositeId));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new UserError(`${unknown.length} of the ${ids.length} alert ids are not alerts the API knows; nothing was changed. Check the ids (talon alerts lists them).`, 2, unknown.slice(0, 20));
  }
  return [{ change: request.change, rows: alerts.map((alert) => ({ alert, reasons: ['named'], keep: true })) }];
}

/** Applies each group in turn, auditing ahead; returns what happened and why the audit failed, if it did. */
async function applyGroups(groups: { rule?: string; change: AlertChange; ids: string[] }[], deps: TriageDeps, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<{ results: GroupResult[]; auditError?: string }> {
  const clock = deps.clock ?? systemClock;
  const total = groups.reduce((n, g) => n + g.ids.length, 0);
  const results: GroupResult[] = groups.map((g) => ({ rule: g.rule, change: g.change, changed: [], failed: [], unknown: [], notSent: [...g.ids] }));
  let auditError: string | undefined;
  let sent = 0;
  const write = (entry: AuditFields): boolean => {
    if (!deps.audit) return true;
    try {
      appendAuditEntry(deps.audit.path, { time: new Date(clock.now()).toISOString(), ...deps.audit.context, action: ALERT_AUDIT_ACTION, ...entry } as AlertAuditEntry);
      return true;
    } catch (e) {
      auditError ??= `The audit log ${deps.audit.path} could not be written: ${(e as Error).message}`;
      return false;
    }
  };
  // Stops the batches when the run is interrupted, or when the audit can no longer record them.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) stop.abort();
  try {
    for (const [i, g] of groups.entries()) {
      const r = results[i] as GroupResult;
      if (stop.signal.aborted) break;
      const base = { ...(g.rule !== undefined ? { rule: g.rule } : {}), change: auditChange(g.change) };
      // Write-ahead: without the intent line on disk, nothing of this group is sent.
      if (!write({ ...base, phase: 'intent', ids: g.ids })) break;
      try {
        await updateAlerts(deps.caller, g.ids, g.change, {
          batchSize: deps.batchSize,
          // Between batches only: a batch in flight lands, so the audit says what it did.
          stop: stop.signal,
          // The typed confirmation covered exactly these ids: it answers the door for them.
          confirm: reviewedAlertUpdates(g.ids),
          onBatch: (o) => {
            const done = new Set([...o.changed, ...o.failed.map((f) => f.id), ...o.unknown]);
            r.changed.push(...o.changed);
            r.failed.push(...o.failed);
            r.unknown.push(...o.unknown);
            r.notSent = r.notSent.filter((id) => !done.has(id));
            if (!write({ ...base, phase: 'batch', batch: o.batch, batches: o.batches, changed: o.changed, failed: o.failed, unknown: o.unknown, status: o.status, traceId: o.traceId })) stop.abort();
            sent += done.size;
            onProgress(sent, total);
          },
        });
      } catch (e) {
        if (!isAbort(e, stop.signal)) {
          stop.abort();
          const message = e instanceof Error ? e.message : String(e);
          r.failed.push(...r.notSent.map((id) => ({ id, message })));
          r.notSent = [];
        }
      } finally {
        const ok = !r.failed.length && !r.unknown.length && !r.notSent.length;
        write({ ...base, phase: 'result', ok, changed: r.changed, failed: r.failed, unknown: r.unknown, notSent: r.notSent });
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return { results, auditError };
}

/**
 * Runs one effect to its end. Failures become a `failed` event (the state is
 * kept for a retry); an abort dispatches nothing, except while applying,
 * where what was sent is still reported.
 */
export async function runTriageEffect(effect: TriageEffect, deps: TriageDeps, dispatch: (event: TriageEvent) => void, signal?: AbortSignal): Promise<void> {
  const { run } = effect;
  try {
    switch (effect.kind) {
      case 'load': {
        const list = await listAlerts(deps.caller, { filter: queryFilter(effect.query), limit: effect.query.limit, signal });
        dispatch({ type: 'loaded', run, alerts: list.alerts, total: list.total });
        break;
      }
      case 'detail': {
        const [detail] = await deps.enricher.enrich([effect.alert]);
        if (detail) dispatch({ type: 'detailLoaded', run, id: effect.id, detail });
        break;
      }
      case 'plan':
        dispatch({ type: 'planned', run, plan: await buildPlan(effect.request, deps, signal) });
        break;
      case 'apply': {
        const { results, auditError } = await applyGroups(effect.groups, deps, (sent, total) => dispatch({ type: 'progress', run, sent, total }), signal);
        dispatch({ type: 'applied', run, results, auditError });
        break;
      }
    }
  } catch (e) {
    if (isAbort(e, signal)) return;
    if (effect.kind === 'detail') return dispatch({ type: 'detailFailed', run, id: effect.id, message: failureFrom('loading', e).message });
    const step = effect.kind === 'load' ? 'loading' : effect.kind === 'plan' ? 'planning' : 'applying';
    dispatch({ type: 'failed', run, failure: failureFrom(step, e) });
  }
}
