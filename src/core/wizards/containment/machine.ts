// The containment wizard as a pure reducer: input → resolving → (choose) →
// review → confirm → submitting → (watching) → done. A failed working step
// moves to 'error' keeping everything, so `retry` runs it again; `back` (Esc)
// steps back where that makes sense. Effects are described by nextEffect()
// and carried out by effects.ts.
import { computeResults, type RunEnd } from './results.js';
import { ambiguousResolutions, buildReview, confirmationMatches, confirmPromptFor, rowsAlreadyPending, rowsToSend } from './review.js';
import { parseTargets } from './targets.js';
import { terminalSafe } from '../../text/terminalSafe.js';
import { TARGET_STATUS, type ConfirmPrompt, type ContainAction, type ContainmentEffect, type ContainmentEvent, type ContainmentOptions, type ContainmentState, type TargetResolution } from './types.js';

export const DEFAULT_OPTIONS: Readonly<ContainmentOptions> = { wait: true, timeoutMs: 120_000, pollIntervalMs: 1000 };

export interface InitOptions {
  action?: ContainAction;
  /** initial text of the input step (targets separated by spaces, commas or lines) */
  text?: string;
  options?: Partial<ContainmentOptions>;
  /** start resolving at once (a hand-off, or a command line) */
  start?: boolean;
  /** device ids selected in the review; others start deselected */
  preselect?: string[];
}

export function initialContainmentState(init: InitOptions = {}): ContainmentState {
  const state: ContainmentState = {
    step: 'input',
    action: init.action ?? 'contain',
    options: { ...DEFAULT_OPTIONS, ...init.options },
    text: init.text ?? '',
    targets: [],
    resolutions: [],
    chooseIndex: 0,
    picks: {},
    preselect: init.preselect,
    confirmText: '',
    submitted: [],
    results: [],
    audit: { state: 'none' },
    run: 0,
  };
  return init.start ? reduceContainment(state, { type: 'submitInput' }) : state;
}

/** The ambiguous input being chosen (choose step). */
export function currentChoice(state: ContainmentState): TargetResolution | undefined {
  return state.step === 'choose' ? ambiguousResolutions(state.resolutions)[state.chooseIndex] : undefined;
}

/** What must be typed to confirm (defined once the review has hosts to send to). */
export function confirmPrompt(state: ContainmentState): ConfirmPrompt | undefined {
  const rows = rowsToSend(state.review);
  return rows.length ? confirmPromptFor(state.action, rows) : undefined;
}

/** False where Esc has nothing to go back to (input, submitting, done): the shell then closes or ignores it. */
export function canGoBack(state: ContainmentState): boolean {
  return !['input', 'submitting', 'done'].includes(state.step);
}

function toReview(state: ContainmentState): ContainmentState {
  return { ...state, step: 'review', review: buildReview(state.action, state.resolutions, state.picks, state.preselect), chooseError: undefined };
}

function finish(state: ContainmentState, end: RunEnd): ContainmentState {
  const next = { ...state, step: 'done' as const, run: state.run + 1 };
  const results = computeResults(next, end);
  return { ...next, results, audit: state.submitted.length ? { state: 'pending' } : { state: 'none' } };
}

function startWatchOrFinish(state: ContainmentState): ContainmentState {
  const toWatch = watchIds(state);
  if (state.options.wait && toWatch.length) {
    return { ...state, step: 'watching', run: state.run + 1, watch: { statuses: {}, reachedAfterMs: {}, polls: 0, pollErrors: 0 } };
  }
  return finish(state, 'unwatched');
}

/** Hosts to watch: those the API accepted, and those already pending. */
function watchIds(state: ContainmentState): string[] {
  const accepted = state.submitted.filter((o) => o.kind === 'accepted').map((o) => o.deviceId);
  return [...accepted, ...rowsAlreadyPending(state.review).map((r) => r.host.deviceId)];
}

function back(state: ContainmentState): ContainmentState {
  switch (state.step) {
    case 'resolving':
      return { ...state, step: 'input', run: state.run + 1 };
    case 'choose':
      return state.chooseIndex > 0 ? { ...state, chooseIndex: state.chooseIndex - 1, chooseError: undefined } : { ...state, step: 'input', chooseError: undefined };
    case 'review': {
      const ambiguous = ambiguousResolutions(state.resolutions).length;
      return ambiguous ? { ...state, step: 'choose', chooseIndex: ambiguous - 1 } : { ...state, step: 'input' };
    }
    case 'confirm':
      return { ...state, step: 'review', confirmError: undefined };
    case 'watching':
      // The last poll may be seconds old: look once more before saying where each host stands.
      return state.watch && !state.watch.stopping ? { ...state, run: state.run + 1, watch: { ...state.watch, stopping: true } } : finish(state, 'stopped');
    case 'error': {
      const failed = state.failure?.step;
      const cleared = { ...state, failure: undefined };
      if (failed === 'resolving') return { ...cleared, step: 'input' };
      if (failed === 'submitting') return { ...cleared, step: confirmPrompt(state) ? 'confirm' : 'review' };
      return finish(cleared, 'stopped');
    }
    default:
      return state;
  }
}

export function reduceContainment(state: ContainmentState, event: ContainmentEvent): ContainmentState {
  // Results of a run that was cancelled or superseded are dropped.
  if ('run' in event && event.run !== state.run) return state;
  switch (event.type) {
    case 'setAction':
      return state.step === 'input' ? { ...state, action: event.action } : state;
    case 'setText':
      return state.step === 'input' ? { ...state, text: event.text, inputError: undefined } : state;
    case 'submitInput': {
      if (state.step !== 'input') return state;
      const { targets, problems } = parseTargets(state.text);
      if (problems.length) return { ...state, inputError: problems[0] };
      if (!targets.length) return { ...state, inputError: 'Give at least one hostname or device id.' };
      return { ...state, step: 'resolving', targets, inputError: undefined, run: state.run + 1 };
    }
    case 'resolved': {
      if (state.step !== 'resolving') return state;
      const next = { ...state, resolutions: event.resolutions, picks: {}, chooseIndex: 0 };
      return ambiguousResolutions(event.resolutions).length ? { ...next, step: 'choose' } : toReview(next);
    }
    case 'togglePick': {
      const choice = currentChoice(state);
      if (!choice || !choice.hosts.some((h) => h.deviceId === event.deviceId)) return state;
      const picked = new Set(state.picks[choice.input] ?? []);
      if (picked.has(event.deviceId)) picked.delete(event.deviceId);
      else picked.add(event.deviceId);
      return { ...state, picks: { ...state.picks, [choice.input]: [...picked] }, chooseError: undefined };
    }
    case 'pick': {
      const choice = currentChoice(state);
      if (!choice) return state;
      const valid = event.deviceIds.filter((id) => choice.hosts.some((h) => h.deviceId === id));
      return reduceContainment({ ...state, picks: { ...state.picks, [choice.input]: valid } }, { type: 'confirmPicks' });
    }
    case 'confirmPicks': {
      const choice = currentChoice(state);
      if (!choice) return state;
      if (!(state.picks[choice.input] ?? []).length) return { ...state, chooseError: `Pick at least one of the hosts named '${choice.input}', or go back.` };
      const more = state.chooseIndex + 1 < ambiguousResolutions(state.resolutions).length;
      return more ? { ...state, chooseIndex: state.chooseIndex + 1, chooseError: undefined } : toReview(state);
    }
    case 'toggleRow': {
      if (state.step !== 'review' || !state.review) return state;
      const rows = state.review.rows.map((r) => (r.host.deviceId === event.deviceId && r.plan === 'act' ? { ...r, selected: !r.selected } : r));
      return { ...state, review: { ...state.review, rows } };
    }
    case 'proceed': {
      if (state.step !== 'review') return state;
      if (rowsToSend(state.review).length) return { ...state, step: 'confirm', confirmText: '', confirmError: undefined };
      // Nothing to send: watch the hosts already pending, or report.
      return startWatchOrFinish({ ...state, submitted: [] });
    }
    case 'setConfirmText':
      return state.step === 'confirm' ? { ...state, confirmText: event.text, confirmError: undefined } : state;
    case 'confirm': {
      const prompt = confirmPrompt(state);
      if (state.step !== 'confirm' || !prompt) return state;
      const typed = event.text ?? state.confirmText;
      if (!confirmationMatches(prompt, typed)) return { ...state, confirmText: typed, confirmError: `That does not match. ${prompt.hint}` };
      return { ...state, step: 'submitting', confirmText: typed, confirmError: undefined, submitted: [], journal: undefined, submitProgress: { sent: 0, total: prompt.count }, run: state.run + 1 };
    }
    case 'journalOpened':
      return state.step === 'submitting' ? { ...state, journal: event.id } : state;
    case 'submitProgress':
      return state.step === 'submitting' ? { ...state, submitProgress: { sent: event.sent, total: event.total } } : state;
    case 'submitted': {
      if (state.step !== 'submitting') return state;
      // Nothing got through and only for passing reasons (network, 5xx, 429): retrying the step is the way on.
      if (event.outcomes.length && event.outcomes.every((o) => o.kind === 'failed')) {
        const first = event.outcomes[0] as (typeof event.outcomes)[number];
        // No code: the network failed (exit 4, as for any command); otherwise the API did (exit 1).
        // What was sent is still recorded and reported: the results say each host failed.
        const failed = { ...state, submitted: event.outcomes };
        return {
          ...failed,
          step: 'error',
          failure: { step: 'submitting', message: terminalSafe(first.message), details: [], exitCode: first.code === undefined ? 4 : 1 },
          results: computeResults(failed, 'unwatched'),
          audit: { state: 'pending' },
        };
      }
      return startWatchOrFinish({ ...state, submitted: event.outcomes });
    }
    case 'watchStarted':
      return state.step === 'watching' && state.watch ? { ...state, watch: { ...state.watch, startedAt: event.at, deadline: event.deadline } } : state;
    case 'watchUpdate': {
      if (state.step !== 'watching' || !state.watch) return state;
      const w = state.watch;
      const reachedAfterMs = { ...w.reachedAfterMs };
      for (const [id, status] of Object.entries(event.statuses)) {
        if (status === TARGET_STATUS[state.action] && reachedAfterMs[id] === undefined) reachedAfterMs[id] = event.at - (w.startedAt ?? event.at);
      }
      return {
        ...state,
        watch: {
          ...w,
          statuses: { ...w.statuses, ...event.statuses },
          reachedAfterMs,
          polls: w.polls + 1,
          pollErrors: w.pollErrors + (event.error ? 1 : 0),
          lastPollError: event.error ?? w.lastPollError,
        },
      };
    }
    case 'finalChecked': {
      if (state.step !== 'watching' || !state.watch) return state;
      const w = state.watch;
      const watch = { ...w, statuses: { ...w.statuses, ...event.statuses }, lastPollError: event.error ?? w.lastPollError, pollErrors: w.pollErrors + (event.error ? 1 : 0) };
      return finish({ ...state, watch }, 'stopped');
    }
    case 'watchFinished':
      return state.step === 'watching' ? finish(state, event.timedOut ? 'timeout' : 'finished') : state;
    case 'failed':
      return ['resolving', 'submitting', 'watching'].includes(state.step) ? { ...state, step: 'error', failure: event.failure } : state;
    case 'audited':
      if (state.step !== 'done' && state.step !== 'error') return state;
      return { ...state, audit: event.path ? { state: 'written', path: event.path } : { state: 'failed', message: event.error ?? 'not written' } };
    case 'retry':
      if (state.step !== 'error' || !state.failure) return state;
      return { ...state, step: state.failure.step, failure: undefined, journal: state.failure.step === 'submitting' ? undefined : state.journal, run: state.run + 1 };
    case 'back':
      return back(state);
    case 'restart':
      return initialContainmentState({ action: state.action, text: state.text, options: state.options });
  }
}

/** The work the current state waits for, if any. */
export function nextEffect(state: ContainmentState): ContainmentEffect | undefined {
  const run = state.run;
  switch (state.step) {
    case 'resolving':
      return { kind: 'resolve', run, action: state.action, targets: state.targets };
    case 'submitting': {
      const rows = rowsToSend(state.review);
      const hosts = rows.map((r) => ({ deviceId: r.host.deviceId, hostname: r.host.hostname || null, input: r.input }));
      return { kind: 'submit', run, action: state.action, deviceIds: rows.map((r) => r.host.deviceId), hosts };
    }
    case 'watching': {
      const reached = state.watch?.reachedAfterMs ?? {};
      const deviceIds = watchIds(state).filter((id) => reached[id] === undefined);
      if (state.watch?.stopping) return { kind: 'finalCheck', run, deviceIds };
      return { kind: 'watch', run, action: state.action, deviceIds, timeoutMs: state.options.timeoutMs, pollIntervalMs: state.options.pollIntervalMs };
    }
    case 'done':
    case 'error':
      return state.audit.state === 'pending' ? { kind: 'audit', run, action: state.action, results: state.results, journal: state.journal } : undefined;
    default:
      return undefined;
  }
}

/** A key that changes exactly when a new effect should start (for a UI's effect dependencies). */
export function effectKey(effect: ContainmentEffect | undefined): string {
  return effect ? `${effect.kind}:${effect.run}` : '';
}
