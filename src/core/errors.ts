// Errors meant for the user: one clear sentence (plus the API's own detail),
// never a stack trace. Anything else reaching the top is a bug.

export const ExitCode = {
  ok: 0,
  apiError: 1,
  usage: 2,
  auth: 3,
  network: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.usage,
    /** extra lines shown under the sentence (API messages, trace id) */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
