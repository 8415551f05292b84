// The alert triage workflow's data: steps, state, events and effects. The
// reducer (machine.ts) is pure; effects.ts calls the services and
// dispatches their results back, so `talon alerts` and the shell drive the
// same machine.
import type { StepFailure } from '../stepFailure.js';
import type { AlertRecord } from './alertRecord.js';
import type { AlertDetail } from './enrich.js';
import type { PlanGroup } from './matchRules.js';
import type { PresetName } from './presets.js';
import type { TriageRule } from './rules.js';
import type { AlertChange } from './update.js';

export type TriageStep = 'loading' | 'list' | 'planning' | 'review' | 'confirm' | 'applying' | 'done' | 'error';
/** Steps that call the API; a failure in one can be retried. */
export type TriageWorkingStep = 'loading' | 'planning' | 'applying';

export interface AlertQuery {
  /** FQL typed by the user */
  filter?: string;
  preset?: PresetName;
  /** at most this many alerts, newest first */
  limit: number;
}

export type DetailLoad = { state: 'loading'; run: number } | { state: 'loaded'; detail: AlertDetail } | { state: 'failed'; message: string };

/** What a plan is built from: a change to named alerts (ids, or a filter), or a rule file. */
export type PlanRequest = { kind: 'update'; change: AlertChange; ids?: string[]; filter?: string; limit?: number } | { kind: 'rules'; rules: TriageRule[] };

/** What happened to one group of the plan (a rule, or the one update). */
export interface GroupResult {
  rule?: string;
  change: AlertChange;
  changed: string[];
  failed: { id: string; message: string }[];
  /** cut off after the call may have reached the API */
  unknown: string[];
  /** never sent: the run stopped first */
  notSent: string[];
}

export interface ConfirmPrompt {
  /** what must be typed: the number of alerts */
  expected: string;
  hint: string;
  count: number;
}

export interface TriageState {
  step: TriageStep;
  query: AlertQuery;
  alerts: AlertRecord[];
  /** how many alerts match the query (may exceed alerts.length) */
  total: number;
  /** index of the highlighted alert */
  cursor: number;
  /** composite ids picked for an action */
  selected: string[];
  /** the alert whose detail pane is open */
  open?: string;
  details: Record<string, DetailLoad>;
  request?: PlanRequest;
  plan?: PlanGroup[];
  /** index of the highlighted row among all plan rows (review step) */
  planCursor: number;
  confirmText: string;
  confirmError?: string;
  progress?: { sent: number; total: number };
  results: GroupResult[];
  /** the audit log could not be written: why (nothing is sent without an intent line) */
  auditError?: string;
  failure?: StepFailure<TriageWorkingStep>;
  /** bumped whenever a step with an effect starts; results of older runs are ignored */
  run: number;
}

export type TriageEvent =
  | { type: 'setQuery'; query: Partial<AlertQuery> }
  | { type: 'loaded'; run: number; alerts: AlertRecord[]; total: number }
  | { type: 'move'; delta: number }
  | { type: 'moveTo'; index: number }
  /** the alert under the cursor when no id is given */
  | { type: 'toggleSelect'; id?: string }
  | { type: 'selectAll'; on: boolean }
  | { type: 'openDetail'; id?: string }
  | { type: 'closeDetail' }
  | { type: 'detailLoaded'; run: number; id: string; detail: AlertDetail }
  | { type: 'detailFailed'; run: number; id: string; message: string }
  /** plan a change: to `ids`, else the selection, else the alert under the cursor */
  | { type: 'plan'; request: PlanRequest }
  | { type: 'planned'; run: number; plan: PlanGroup[] }
  | { type: 'movePlan'; delta: number }
  /** drop (or keep again) a row of the plan: the row under the plan cursor when no id is given */
  | { type: 'toggleRow'; id?: string }
  | { type: 'proceed' }
  | { type: 'setConfirmText'; text: string }
  | { type: 'confirm'; text?: string }
  | { type: 'progress'; run: number; sent: number; total: number }
  | { type: 'applied'; run: number; results: GroupResult[]; auditError?: string }
  | { type: 'failed'; run: number; failure: StepFailure<TriageWorkingStep> }
  | { type: 'retry' }
  | { type: 'back' };

export type TriageEffect =
  | { kind: 'load'; run: number; query: AlertQuery }
  | { kind: 'detail'; run: number; id: string; alert: AlertRecord }
  | { kind: 'plan'; run: number; request: PlanRequest }
  | { kind: 'apply'; run: number; groups: { rule?: string; change: AlertChange; ids: string[] }[] };
