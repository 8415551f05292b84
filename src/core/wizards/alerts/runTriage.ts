// Drives the triage machine end to end without a screen, from a plan
// request (talon alerts update, talon alerts triage): effects run in turn,
// and the steps that need a person (review, confirm) are asked through
// callbacks. The shell dispatches the same events itself.
import { UserError } from '../../errors.js';
import { HeadlessRun } from '../headlessRun.js';
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
  const run = new HeadlessRun<TriageState, TriageEvent>(initial, reduceTriage, io.onChange);
  for (;;) {
    const before = run.state;
    const effect = before.step === 'list' ? undefined : nextTriageEffect(before);
    if (effect) {
      await runTriageEffect(effect, deps, run.dispatch, opts.signal);
      if (opts.signal?.aborted && run.state === before) throw new UserError(CANCELLED);
      if (run.state === before) throw new Error(`the ${effect.kind} step made no progress`);
      continue;
    }
    switch (before.step) {
      case 'review':
        if (opts.stopAtReview) {
          await io.review(before);
          return before;
        }
        await run.review((s) => io.review(s), { type: 'proceed' }, CANCELLED);
        break;
      case 'confirm':
        await run.confirm(confirmPrompt(before) as ConfirmPrompt, (p, s) => io.confirm(p, s), (text) => ({ type: 'confirm', text }), 'nothing was changed');
        break;
      case 'list':
      case 'done':
      case 'error':
        return before;
      default:
        throw new Error(`the triage workflow is stuck in step '${before.step}'`);
    }
  }
}
