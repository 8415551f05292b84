// Drives the containment machine end to end without a screen: effects run
// in turn, and the steps that need a person (choose, review, confirm) are
// asked through callbacks. The command line uses it; the shell dispatches
// the same events itself.
import { UserError } from '../../errors.js';
import { runEffect, type ContainmentDeps } from './effects.js';
import { confirmPrompt, currentChoice, nextEffect, reduceContainment } from './machine.js';
import type { ConfirmPrompt, ContainmentEvent, ContainmentState, TargetResolution } from './types.js';

export interface ContainmentIo {
  /** Several hosts share a hostname: the device ids to act on (throw to cancel). */
  choose(choice: TargetResolution, state: ContainmentState): Promise<string[]>;
  /** The review is ready (print it); false stops before anything is sent. */
  review(state: ContainmentState): Promise<boolean> | boolean;
  /** What the user typed (a driver with --yes returns prompt.expected); throw to refuse. */
  confirm(prompt: ConfirmPrompt, state: ContainmentState): Promise<string>;
  /** Every change of state, with the event that caused it (progress output). */
  onChange?(state: ContainmentState, event: ContainmentEvent, previous: ContainmentState): void;
}

export interface RunOptions {
  /** aborting it during the watch stops watching (the run then ends as 'done'); elsewhere it cancels */
  signal?: AbortSignal;
}

const CANCELLED = 'Cancelled: nothing was sent.';

/** Runs until 'done' or 'error' and returns that state. */
export async function runContainment(initial: ContainmentState, deps: ContainmentDeps, io: ContainmentIo, opts: RunOptions = {}): Promise<ContainmentState> {
  let state = initial;
  const dispatch = (event: ContainmentEvent): void => {
    const previous = state;
    state = reduceContainment(state, event);
    if (state !== previous) io.onChange?.(state, event, previous);
  };
  for (;;) {
    const before = state;
    const effect = nextEffect(state);
    if (effect) {
      // The audit is written even when the run was interrupted.
      // The audit, and the last look at the hosts after a stopped watch, run even when interrupted.
      await runEffect(effect, deps, dispatch, effect.kind === 'audit' || effect.kind === 'finalCheck' ? undefined : opts.signal);
      if (opts.signal?.aborted && state.step === 'watching' && !state.watch?.stopping) dispatch({ type: 'back' });
      else if (opts.signal?.aborted && state === before) throw new UserError(state.submitted.length ? 'Interrupted.' : CANCELLED);
      if (state === before) throw new Error(`the ${effect.kind} step made no progress`);
      continue;
    }
    switch (state.step) {
      case 'input':
        dispatch({ type: 'submitInput' });
        if (state.step === 'input') throw new UserError(state.inputError ?? 'Give at least one hostname or device id.');
        break;
      case 'choose': {
        const choice = currentChoice(state) as TargetResolution;
        dispatch({ type: 'pick', deviceIds: await io.choose(choice, state) });
        if (state.chooseError) throw new UserError(state.chooseError);
        break;
      }
      case 'review':
        if (!(await io.review(state))) throw new UserError(CANCELLED);
        dispatch({ type: 'proceed' });
        break;
      case 'confirm': {
        const prompt = confirmPrompt(state) as ConfirmPrompt;
        dispatch({ type: 'confirm', text: await io.confirm(prompt, state) });
        if (state.step === 'confirm') throw new UserError(`Cancelled: what you typed does not match (${prompt.hint.replace(/\.$/, '')}); nothing was sent.`);
        break;
      }
      case 'done':
      case 'error':
        return state;
      default:
        throw new Error(`the containment wizard is stuck in step '${state.step}'`);
    }
  }
}
