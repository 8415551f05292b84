// Audit lines of alert changes, in the same log as containment (audit.jsonl):
// the intent before the first batch, each batch's outcome as it lands, and a
// closing line per rule (or per update) with every alert id it changed. A
// run cut short still leaves the intent and the batches that landed.
import type { BatchOutcome } from '../wizards/alerts/update.js';
import type { AuditContext } from './auditLog.js';

export const ALERT_AUDIT_ACTION = 'alerts_update';

export interface AlertAuditChange {
  status?: string;
  assign?: string;
  unassign?: boolean;
  tags?: string[];
  comment?: string;
}

interface AlertAuditBase extends AuditContext {
  /** ISO 8601 */
  time: string;
  action: typeof ALERT_AUDIT_ACTION;
  /** the triage rule, when the change comes from one */
  rule?: string;
  change: AlertAuditChange;
}

/** Written before the first batch: every alert about to be changed. */
export interface AlertIntentEntry extends AlertAuditBase {
  phase: 'intent';
  ids: string[];
}

/** Written as each batch's answer arrives. */
export interface AlertBatchEntry extends AlertAuditBase, BatchOutcome {
  phase: 'batch';
}

/** Written when the rule (or update) is finished or interrupted: what it changed in all. */
export interface AlertResultEntry extends AlertAuditBase {
  phase: 'result';
  ok: boolean;
  changed: string[];
  failed: { id: string; message: string }[];
  unknown: string[];
  /** ids of the intent never sent (the run stopped first) */
  notSent: string[];
}

export type AlertAuditEntry = AlertIntentEntry | AlertBatchEntry | AlertResultEntry;

export function isAlertAuditEntry(v: unknown): v is AlertAuditEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return e.action === ALERT_AUDIT_ACTION && typeof e.time === 'string' && (e.phase === 'intent' || e.phase === 'batch' || e.phase === 'result');
}
