// `talon request --jq EXPR`: the filter checked before anything is sent (a
// filter that does not compile is bad input, exit 2), then its outputs, one
// compact JSON value a line, as `jq -c` prints them.
import { UserError } from '../errors.js';
import { safeJson } from '../text/safeJson.js';
import { runJq } from './jqFilter.js';

/** Refuses a filter jq cannot compile, in one sentence. */
export async function checkJqFilter(filter: string): Promise<void> {
  const out = await runJq(null, filter);
  if (!out.ok && out.syntax) throw new UserError(`The --jq filter does not compile (${out.error}): check its quoting and brackets.`);
}

/** The filter's outputs over `input`, one line each; a runtime error is one sentence, exit 2. */
export async function jqLines(input: unknown, filter: string): Promise<string> {
  const out = await runJq(input, filter);
  if (!out.ok) throw new UserError(`The --jq filter failed on the response: ${out.error}.`);
  return out.values.map((v) => safeJson(v) + '\n').join('');
}
