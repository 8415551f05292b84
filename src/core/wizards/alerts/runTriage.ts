// Drives the triage machine end to end without a screen, from a plan
// request (talon alerts update, talon alerts triage): effects run in turn,
// and the steps that need a person (review, confirm) are asked through
// callbacks. The shell dispatches the same events itself.
import { UserError } from '../../errors.js';
import { runTriageEffect, type TriageDeps } from './effects.js';
import { confirmPrompt, nextTriageEffect, reduceTriage } from './machine.js';
import type { ConfirmPrompt, TriageEvent, TriageState } from './types.js';

export interface TriageIo {
  /** The plan is ready (print it); false stops before anything is sent. */
  review(state: TriageState): Promise<boolean> | boolean;
  /** What the user typed (a driver with --yes returns prompt.expected); throw to refuse. */
  confirm(prompt: ConfirmPrompt, state: TriageState): Promise<string>;
  /** Every change of state, with the event that caused it (progress output). */
  onChange?(state: TriageState, event: TriageEvent, previous: TriageState): void;
}

const CANCELLED = 'Cancelled: nothing was changed.';

/** Runs until 'done' or 'error' and returns that state. An abort while applying still ends in 'done', with what was sent. */
export async function runTriage(initial: TriageState, deps: TriageDeps, io: TriageIo, opts: { signal?: AbortSignal; /** a dry run: return the plan at the review */ stopAtReview?: boolean } = {}): Promise<TriageState> {
  let state = initial;
  const dispatch = (event: TriageEvent): void => {
    const previous = state;
    state = reduceTriage(state, event);
    if (state !== previous) io.onChange?.(state, event, previous);
  };
  for (;;) {
    const before = state;
    const effect = state.step === 'list' ? undefined : nextTriageEffect(state);
    if (effect) {
      await runTriageEffect(effect, deps, dispatch, opts.signal);
      if (opts.signal?.aborted && state === before) throw new UserError(CANCELLED);
      if (state === before) throw new Error(`the ${effect.kind} step made no progress`);
      continue;
    }
    switch (state.step) {
      case 'review':
        if (opts.stopAtReview) {
          await io.review(state);
          return state;
        }
        if (!(await io.review(state))) throw new UserError(CANCELLED);
        dispatch({ type: 'proceed' });
        break;
      case 'confirm': {
        const prompt = confirmPrompt(state) as ConfirmPrompt;
        dispatch({ type: 'confirm', text: await io.confirm(prompt, state) });
        if (state.step === 'confirm') throw new UserError(`Cancelled: what you typed does not match (${prompt.hint.replace(/\.$/, '')}); nothing was changed.`);
        break;
      }
      case 'list':
      case 'done':
      case 'error':
        return state;
      default:
        throw new Error(`the triage workflow is stuck in step '${state.step}'`);
    }
  }
}
