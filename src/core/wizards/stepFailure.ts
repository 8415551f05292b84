// A failed wizard step as plain data: what the user reads, the exit code a
// command line would use, and which step to run again on retry. Kept in the
// wizard state (not thrown) so the wizard survives it.
import { ExitCode, UserError, type ExitCodeValue } from '../errors.js';
import { terminalSafe } from '../text/terminalSafe.js';

export interface StepFailure<Step extends string = string> {
  /** the step that failed; `retry` runs it again */
  step: Step;
  /** one sentence */
  message: string;
  /** the API's messages, trace id */
  details: string[];
  exitCode: ExitCodeValue;
  /** not a UserError: a bug, which a command line reports as an internal error */
  internal?: boolean;
}

export function failureFrom<Step extends string>(step: Step, error: unknown): StepFailure<Step> {
  // Failures quote API messages and trace ids: kept terminal-safe for every screen that shows them.
  if (error instanceof UserError) return { step, message: terminalSafe(error.message, { multiline: true }), details: error.details.map((d) => terminalSafe(d)), exitCode: error.exitCode };
  const message = terminalSafe(error instanceof Error ? error.message : String(error), { multiline: true });
  return { step, message, details: [], exitCode: ExitCode.apiError, internal: true };
}

/** The failure as an error a command line can throw (exit code and details preserved). */
export function errorFromFailure(failure: StepFailure): Error {
  if (failure.internal) return new Error(failure.message);
  return new UserError(failure.message, failure.exitCode, failure.details);
}

/** True for an AbortSignal's rejection: the step was cancelled, not failed. */
export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (error instanceof Error && error.name === 'AbortError');
}
