// A whole-number flag value (--limit, --max-items, --hosts…), or one sentence saying what is accepted.
import { UserError } from '../core/errors.js';

export function integerFlag(flag: string, value: string, min: number, max?: number): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= min && (max === undefined || n <= max)) return n;
  throw new UserError(
    max === undefined ? `${flag} must be a whole number of at least ${min}; got '${value}'.` : `${flag} must be a whole number from ${min} to ${max}; got '${value}'.`,
  );
}
