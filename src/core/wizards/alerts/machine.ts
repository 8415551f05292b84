// Alert triage as a pure reducer: loading → list (cursor, selection, detail
// pane) → planning → review (drop rows) → confirm → applying → done. A
// failed working step moves to 'error' keeping everything, so `retry` runs
// it again; `back` (Esc) steps back. Effects are described by nextEffect()
// and carried out by effects.ts.
import { combineFilters } from './presets.js';
import type { AlertRecord } from './alertRecord.js';
import type { PlanGroup } from './matchRules.js';
import type { AlertQuery, ConfirmPrompt, TriageEffect, TriageEvent, TriageState } from './types.js';

export const DEFAULT_LIMIT = 1000;

export function initialTriageState(query: Partial<AlertQuery> = {}): TriageState {
  return {
    step: 'loading',
    query: { limit: DEFAULT_LIMIT, ...query },
    alerts: [],
    total: 0,
    cursor: 0,
    selected: [],
    details: {},
    planCursor: 0,
    confirmText: '',
    results: [],
    run: 1,
  };
}

/** A machine that starts from a plan (talon alerts update / triage) instead of a listing. */
export function triageStateForPlan(request: TriageState['request'] & object): TriageState {
  return { ...initialTriageState(), step: 'planning', request };
}

/** The query's FQL: preset and filter combined. */
export function queryFilter(query: AlertQuery): string | undefined {
  return combineFilters(query.preset, query.filter);
}

export function currentAlert(state: TriageState): AlertRecord | undefined {
  return state.alerts[state.cursor];
}

/** The rows a view of `height` lines shows: a window that keeps the cursor in sight. */
export function visibleRows(state: TriageState, height: number): { start: number; rows: AlertRecord[] } {
  const h = Math.max(1, height);
  const start = Math.max(0, Math.min(state.cursor - Math.floor(h / 2), state.alerts.length - h));
  return { start, rows: state.alerts.slice(start, start + h) };
}

/** Every row of the plan in order, with its group's index. */
export function planRows(plan: readonly PlanGroup[] = []): { group: number; row: PlanGroup['rows'][number] }[] {
  return plan.flatMap((g, group) => g.rows.map((row) => ({ group, row })));
}

/** The plan rows a review of `height` lines shows, keeping the plan cursor in sight. */
export function visiblePlanRows(state: TriageState, height: number): { start: number; rows: ReturnType<typeof planRows> } {
  const all = planRows(state.plan);
  const h = Math.max(1, height);
  const start = Math.max(0, Math.min(state.planCursor - Math.floor(h / 2), all.length - h));
  return { start, rows: all.slice(start, start + h) };
}

/** The groups as they will be sent: kept rows only, empty groups left out. */
export function keptGroups(plan: readonly PlanGroup[] = []): { rule?: string; change: PlanGroup['change']; ids: string[] }[] {
  return plan.map((g) => ({ rule: g.rule, change: g.change, ids: g.rows.filter((r) => r.keep).map((r) => r.alert.compositeId) })).filter((g) => g.ids.length > 0);
}

export function confirmPrompt(state: TriageState): ConfirmPrompt | undefined {
  const count = keptGroups(state.plan).reduce((n, g) => n + g.ids.length, 0);
  if (!count) return undefined;
  const what = state.request?.kind === 'rules' ? 'close' : 'change';
  return { expected: String(count), count, hint: `Type ${count} to ${what} ${count} alert${count === 1 ? '' : 's'}.` };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, Math.max(0, max - 1)));
}

function load(state: TriageState): TriageState {
  return { ...state, step: 'loading', failure: undefined, run: state.run + 1 };
}

/** The ids a 'plan' event without ids acts on: the selection, else the alert under the cursor. */
function targetIds(state: TriageState): string[] {
  if (state.selected.length) return state.selected;
  const a = currentAlert(state);
  return a ? [a.compositeId] : [];
}

function back(state: TriageState): TriageState {
  switch (state.step) {
    case 'list':
      return state.open ? { ...state, open: undefined } : state;
    case 'planning':
    case 'review':
      return { ...state, step: 'list', plan: undefined, request: undefined, run: state.run + 1 };
    case 'confirm':
      return { ...state, step: 'review', confirmError: undefined };
    case 'error': {
      const failed = state.failure?.step;
      const cleared = { ...state, failure: undefined };
      if (failed === 'applying') return { ...cleared, step: 'done' };
      return { ...cleared, step: 'list', run: state.run + 1 };
    }
    default:
      return state;
  }
}

export function reduceTriage(state: TriageState, event: TriageEvent): TriageState {
  // Results of a run that was cancelled or superseded are dropped.
  if ('run' in event && event.run !== state.run && event.type !== 'detailLoaded' && event.type !== 'detailFailed') return state;
  switch (event.type) {
    case 'setQuery':
      if (!['list', 'error', 'loading', 'done'].includes(state.step)) return state;
      return load({ ...state, query: { ...state.query, ...event.query }, selected: [], open: undefined, cursor: 0 });
    case 'loaded':
      if (state.step !== 'loading') return state;
      return { ...state, step: 'list', alerts: event.alerts, total: event.total, cursor: clamp(state.cursor, event.alerts.length) };
    case 'move':
      return { ...state, cursor: clamp(state.cursor + event.delta, state.alerts.length) };
    case 'moveTo':
      return { ...state, cursor: clamp(event.index, state.alerts.length) };
    case 'toggleSelect': {
      const id = event.id ?? currentAlert(state)?.compositeId;
      if (state.step !== 'list' || !id || !state.alerts.some((a) => a.compositeId === id)) return state;
      const on = state.selected.includes(id);
      return { ...state, selected: on ? state.selected.filter((s) => s !== id) : [...state.selected, id] };
    }
    case 'selectAll':
      return state.step === 'list' ? { ...state, selected: event.on ? state.alerts.map((a) => a.compositeId) : [] } : state;
    case 'openDetail': {
      const id = event.id ?? currentAlert(state)?.compositeId;
      if (state.step !== 'list' || !id || !state.alerts.some((a) => a.compositeId === id)) return state;
      const load = state.details[id];
      const reload = !load || load.state === 'failed';
      const run = state.run + 1;
      return { ...state, open: id, run: reload ? run : state.run, details: reload ? { ...state.details, [id]: { state: 'loading', run } } : state.details };
    }
    case 'closeDetail':
      return { ...state, open: undefined };
    case 'detailLoaded':
    case 'detailFailed': {
      const d = state.details[event.id];
      if (d?.state !== 'loading' || d.run !== event.run) return state;
      const next = event.type === 'detailLoaded' ? { state: 'loaded' as const, detail: event.detail } : { state: 'failed' as const, message: event.message };
      return { ...state, details: { ...state.details, [event.id]: next } };
    }
    case 'plan': {
      if (!['list', 'done'].includes(state.step) && !(state.step === 'planning' && !state.plan)) return state;
      let request = event.request;
      if (request.kind === 'update' && !request.ids && !request.filter) request = { ...request, ids: targetIds(state) };
      if (request.kind === 'update' && request.ids && !request.ids.length) return state;
      return { ...state, step: 'planning', request, plan: undefined, planCursor: 0, results: [], run: state.run + 1 };
    }
    case 'planned':
      return state.step === 'planning' ? { ...state, step: 'review', plan: event.plan, planCursor: 0 } : state;
    case 'movePlan':
      return state.step === 'review' ? { ...state, planCursor: clamp(state.planCursor + event.delta, planRows(state.plan).length) } : state;
    case 'toggleRow': {
      if (state.step !== 'review' || !state.plan) return state;
      const id = event.id ?? planRows(state.plan)[state.planCursor]?.row.alert.compositeId;
      const plan = state.plan.map((g) => ({ ...g, rows: g.rows.map((r) => (r.alert.compositeId === id ? { ...r, keep: !r.keep } : r)) }));
      return { ...state, plan };
    }
    case 'proceed':
      if (state.step !== 'review') return state;
      return confirmPrompt(state) ? { ...state, step: 'confirm', confirmText: '', confirmError: undefined } : { ...state, step: 'done', results: [] };
    case 'setConfirmText':
      return state.step === 'confirm' ? { ...state, confirmText: event.text, confirmError: undefined } : state;
    case 'confirm': {
      const prompt = confirmPrompt(state);
      if (state.step !== 'confirm' || !prompt) return state;
      const typed = (event.text ?? state.confirmText).trim();
      if (typed !== prompt.expected) return { ...state, confirmText: typed, confirmError: `That does not match. ${prompt.hint}` };
      return { ...state, step: 'applying', confirmText: typed, confirmError: undefined, progress: { sent: 0, total: prompt.count }, results: [], run: state.run + 1 };
    }
    case 'progress':
      return state.step === 'applying' ? { ...state, progress: { sent: event.sent, total: event.total } } : state;
    case 'applied':
      return state.step === 'applying' ? { ...state, step: 'done', results: event.results, auditError: event.auditError, run: state.run + 1 } : state;
    case 'failed':
      return ['loading', 'planning', 'applying'].includes(state.step) ? { ...state, step: 'error', failure: event.failure } : state;
    case 'retry':
      if (state.step !== 'error' || !state.failure) return state;
      return { ...state, step: state.failure.step, failure: undefined, run: state.run + 1 };
    case 'back':
      return back(state);
  }
}

/** The work the current state waits for, if any. */
export function nextTriageEffect(state: TriageState): TriageEffect | undefined {
  const run = state.run;
  switch (state.step) {
    case 'loading':
      return { kind: 'load', run, query: state.query };
    case 'planning':
      return state.request ? { kind: 'plan', run, request: state.request } : undefined;
    case 'applying':
      return { kind: 'apply', run, groups: keptGroups(state.plan) };
    case 'list': {
      const d = state.open ? state.details[state.open] : undefined;
      const alert = state.alerts.find((a) => a.compositeId === state.open);
      return d?.state === 'loading' && alert ? { kind: 'detail', run: d.run, id: alert.compositeId, alert } : undefined;
    }
    default:
      return undefined;
  }
}

/** A key that changes exactly when a new effect should start (for a UI's effect dependencies). */
export function triageEffectKey(effect: TriageEffect | undefined): string {
  return effect ? `${effect.kind}:${effect.run}${effect.kind === 'detail' ? `:${effect.id}` : ''}` : '';
}
