// What every wizard's headless driver shares (runContainment, runTriage):
// a state held with its reducer, change notifications for progress output,
// and the two steps a person answers, the review and the typed confirmation.
import { UserError } from '../errors.js';

/** What the user must type to go ahead, and the sentence that asks for it. */
export interface TypedConfirmation {
  expected: string;
  hint: string;
}

export class HeadlessRun<S extends { step: string }, E> {
  state: S;

  constructor(
    initial: S,
    private readonly reduce: (state: S, event: E) => S,
    private readonly onChange?: (state: S, event: E, previous: S) => void,
  ) {
    this.state = initial;
  }

  readonly dispatch = (event: E): void => {
    const previous = this.state;
    this.state = this.reduce(previous, event);
    if (this.state !== previous) this.onChange?.(this.state, event, previous);
  };

  /** Shows the review; a no stops the run with `cancelled` before anything is sent. */
  async review(ask: (state: S) => Promise<boolean> | boolean, proceed: E, cancelled: string): Promise<void> {
    if (!(await ask(this.state))) throw new UserError(cancelled);
    this.dispatch(proceed);
  }

  /** Asks for the typed confirmation; a mismatch leaves the machine in 'confirm' and stops the run. */
  async confirm<P extends TypedConfirmation>(
    prompt: P,
    ask: (prompt: P, state: S) => Promise<string>,
    toEvent: (text: string) => E,
    nothingDone: string,
  ): Promise<void> {
    this.dispatch(toEvent(await ask(prompt, this.state)));
    if (this.state.step === 'confirm') {
      throw new UserError(`Cancelled: what you typed does not match (${prompt.hint.replace(/\.$/, '')}); ${nothingDone}.`);
    }
  }
}
