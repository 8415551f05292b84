// The hash search wizard as a pure reducer: input → searching → results,
// with a per-host drill-down into processes, a selection of hosts to hand
// to the containment wizard, and 'error' keeping the state for a retry.
import type { StepFailure } from '../stepFailure.js';
import { classifyIndicator, type Indicator } from './indicator.js';
import type { HashSearchResult, ProcessRow } from './services.js';

export type HashSearchStep = 'input' | 'searching' | 'results' | 'error';

export type ProcessLoad = { state: 'loading'; run: number } | { state: 'loaded'; rows: ProcessRow[] } | { state: 'failed'; message: string };

export interface HashSearchState {
  step: HashSearchStep;
  text: string;
  inputError?: string;
  indicator?: Indicator;
  result?: HashSearchResult;
  /** device ids to hand to the containment wizard (all hosts by default) */
  selected: string[];
  /** the host whose processes are shown (drill-down) */
  open?: string;
  processes: Record<string, ProcessLoad>;
  failure?: StepFailure<'searching'>;
  run: number;
}

export type HashSearchEvent =
  | { type: 'setText'; text: string }
  | { type: 'submit' }
  | { type: 'searched'; run: number; result: HashSearchResult }
  | { type: 'failed'; run: number; failure: StepFailure<'searching'> }
  | { type: 'toggleHost'; deviceId: string }
  | { type: 'selectAll'; on: boolean }
  /** drill down into a host's processes (loads them the first time) */
  | { type: 'openHost'; deviceId: string }
  | { type: 'processesLoaded'; run: number; deviceId: string; rows: ProcessRow[] }
  | { type: 'processesFailed'; run: number; deviceId: string; message: string }
  | { type: 'retry' }
  /** Esc */
  | { type: 'back' };

export type HashSearchEffect = { kind: 'search'; run: number; indicator: Indicator } | { kind: 'processes'; run: number; indicator: Indicator; deviceId: string };

export function initialHashSearchState(text = ''): HashSearchState {
  return { step: 'input', text, selected: [], processes: {}, run: 0 };
}

/** Processes fetched with the search (--processes) need no loading in the drill-down. */
function preloaded(result: HashSearchResult): Record<string, ProcessLoad> {
  const out: Record<string, ProcessLoad> = {};
  for (const [id, rows] of Object.entries(result.processes ?? {})) out[id] = { state: 'loaded', rows };
  return out;
}

export function reduceHashSearch(state: HashSearchState, event: HashSearchEvent): HashSearchState {
  switch (event.type) {
    case 'setText':
      return state.step === 'input' ? { ...state, text: event.text, inputError: undefined } : state;
    case 'submit': {
      if (state.step !== 'input') return state;
      const c = classifyIndicator(state.text);
      if (!c.ok) return { ...state, inputError: c.message };
      return { ...state, step: 'searching', indicator: c.indicator, inputError: undefined, run: state.run + 1 };
    }
    case 'searched':
      if (state.step !== 'searching' || event.run !== state.run) return state;
      return { ...state, step: 'results', result: event.result, selected: event.result.hosts.map((h) => h.deviceId), open: undefined, processes: preloaded(event.result) };
    case 'failed':
      if (state.step !== 'searching' || event.run !== state.run) return state;
      return { ...state, step: 'error', failure: event.failure };
    case 'toggleHost': {
      if (state.step !== 'results' || !state.result?.hosts.some((h) => h.deviceId === event.deviceId)) return state;
      const on = state.selected.includes(event.deviceId);
      return { ...state, selected: on ? state.selected.filter((id) => id !== event.deviceId) : [...state.selected, event.deviceId] };
    }
    case 'selectAll':
      return state.step === 'results' ? { ...state, selected: event.on ? (state.result?.hosts ?? []).map((h) => h.deviceId) : [] } : state;
    case 'openHost': {
      if (state.step !== 'results' || !state.result?.hosts.some((h) => h.deviceId === event.deviceId)) return state;
      const load = state.processes[event.deviceId];
      const reload = !load || load.state === 'failed';
      const run = state.run + 1;
      return { ...state, open: event.deviceId, run: reload ? run : state.run, processes: reload ? { ...state.processes, [event.deviceId]: { state: 'loading', run } } : state.processes };
    }
    case 'processesLoaded':
    case 'processesFailed': {
      const load = state.processes[event.deviceId];
      if (load?.state !== 'loading' || load.run !== event.run) return state;
      const next: ProcessLoad = event.type === 'processesLoaded' ? { state: 'loaded', rows: event.rows } : { state: 'failed', message: event.message };
      return { ...state, processes: { ...state.processes, [event.deviceId]: next } };
    }
    case 'retry':
      if (state.step === 'error') return { ...state, step: 'searching', failure: undefined, run: state.run + 1 };
      // In the drill-down, retry reloads a host's processes that failed.
      if (state.step === 'results' && state.open) return reduceHashSearch(state, { type: 'openHost', deviceId: state.open });
      return state;
    case 'back':
      if (state.step === 'results' && state.open) return { ...state, open: undefined };
      if (state.step === 'results' || state.step === 'searching' || state.step === 'error') {
        return { ...state, step: 'input', failure: undefined, run: state.run + 1 };
      }
      return state;
  }
}

/** The work the current state waits for, if any. */
export function nextHashEffect(state: HashSearchState): HashSearchEffect | undefined {
  if (state.step === 'searching' && state.indicator) return { kind: 'search', run: state.run, indicator: state.indicator };
  if (state.step === 'results' && state.open && state.indicator) {
    const load = state.processes[state.open];
    if (load?.state === 'loading') return { kind: 'processes', run: load.run, indicator: state.indicator, deviceId: state.open };
  }
  return undefined;
}

export function hashEffectKey(effect: HashSearchEffect | undefined): string {
  return effect ? `${effect.kind}:${effect.run}:${effect.kind === 'processes' ? effect.deviceId : ''}` : '';
}
