// Time-limit flags (--timeout and the like), parsed apart from connection.ts
// so that checking the shell's flags before its first frame loads no HTTP stack.
import { UserError } from './errors.js';

/** The longest time limit any flag takes, in seconds. */
export const MAX_TIMEOUT_S = 86_400;

/** Parses a time limit in seconds (`--timeout`, or the flag named) into ms. */
export function parseTimeout(value: string | undefined, flag = '--timeout'): number | undefined {
  if (value === undefined) return undefined;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new UserError(`${flag} must be a positive number of seconds; got '${value}'.`);
  // Longer than a day is a typo, and past 2^31 ms Node's timers fire at once.
  if (s > MAX_TIMEOUT_S) throw new UserError(`${flag} must be at most ${MAX_TIMEOUT_S} seconds (24 hours); got '${value}'.`);
  return Math.round(s * 1000);
}
