// Drives the containment machine end to end without a screen: effects run
// in turn, and the steps that need a person (choose, review, confirm) are
// asked through callbacks. The command line uses it; the shell dispatches
// the same events itself.
import { UserError } from '../../errors.js';
import { HeadlessRun } from '../headlessRun.js';
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
  const run = new HeadlessRun<ContainmentState, ContainmentEvent>(initial, reduceContainment, io.onChange);
  for (;;) {
    const before = run.state;
    const effect = nextEffect(before);
    if (effect) {
      // The audit, and the last look at the hosts after a stopped watch, run even when interrupted.
      await runEffect(effect, deps, run.dispatch, effect.kind === 'audit' || effect.kind === 'finalCheck' ? undefined : opts.signal);
      const state = run.state;
      if (opts.signal?.aborted && state.step === 'watching' && !state.watch?.stopping) run.dispatch({ type: 'back' });
      else if (opts.signal?.aborted && state === before) throw new UserError(state.submitted.length ? 'Interrupted.' : CANCELLED);
      if (run.state === before) throw new Error(`the ${effect.kind} step made no progress`);
      continue;
    }
    switch (before.step) {
      case 'input':
        run.dispatch({ type: 'submitInput' });
        if (run.state.step === 'input') throw new UserError(run.state.inputError ?? 'Give at least one hostname or device id.');
        break;
      case 'choose': {
        const choice = currentChoice(before) as TargetResolution;
        run.dispatch({ type: 'pick', deviceIds: await io.choose(choice, before) });
        if (run.state.chooseError) throw new UserError(run.state.chooseError);
        break;
      }
      case 'review':
        await run.review((s) => io.review(s), { type: 'proceed' }, CANCELLED);
        break;
      case 'confirm':
        await run.confirm(confirmPrompt(before) as ConfirmPrompt, (p, s) => io.confirm(p, s), (text) => ({ type: 'confirm', text }), 'nothing was sent');
        break;
      case 'done':
      case 'error':
        return before;
      default:
        throw new Error(`the containment wizard is stuck in step '${before.step}'`);
    }
  }
}
