// The one error for a config or secrets file talon cannot read. Such a file is
// never wiped or rewritten: profiles are hand-editable and losing them silently
// would be worse than stopping.
import { ExitCode, UserError } from '../errors.js';

export function configFileError(path: string, problem: string): UserError {
  return new UserError(
    `Cannot use ${path}: ${problem}; talon leaves the file untouched, so fix it by hand (or move it aside to start afresh).`,
    ExitCode.usage,
  );
}

/** Parses JSON text, turning a syntax error into a `configFileError` naming the file. */
export function parseConfigJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw configFileError(path, `it is not valid JSON (${(e as Error).message})`);
  }
}
