// A call the send policy stopped before anything went out: refused (a
// read-only profile), not confirmed (no one could be asked), or cancelled by
// the person asked. Nothing reached the server, so history does not record it.
import { ExitCode, UserError } from '../errors.js';

export type NotSentReason = 'refused' | 'unconfirmed' | 'cancelled';

export class NotSentError extends UserError {
  readonly nothingSent = true;

  constructor(
    message: string,
    readonly reason: NotSentReason,
  ) {
    super(message, ExitCode.usage);
    this.name = 'NotSentError';
  }
}

/** True for an error that guarantees nothing was sent. */
export function isNotSent(error: unknown): error is NotSentError {
  return error instanceof NotSentError;
}
