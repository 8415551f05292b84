// A mapping in a file people write (a triage rule file, a report spec) with
// the given keys and no others. valibot's objects take a list, report only
// the first unknown key (strictObject), and drop __proto__, constructor and
// prototype without a word; this refuses a list, names every unknown key of
// a mapping in one issue (after the issues inside it), and refuses a mapping
// holding a reserved key with that same sentence.
import * as v from 'valibot';
import { isObject } from './isObject.js';

// Keys valibot never copies into its output (a guard against prototype pollution).
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

export interface ClosedMappingMessages {
  /** when the value is not a mapping at all */
  notAMapping: string;
  /** the one issue naming a mapping's unknown keys */
  unknownKeys: (keys: string[]) => string;
  /** a missing key's issue (default: valibot's own, whose input is undefined) */
  missingKey?: (issue: v.LooseObjectIssue) => string;
}

/** Marks the issue naming a mapping's unknown keys (its input is the list of them). */
const UNKNOWN_KEYS = 'no other keys';

/** The unknown keys an issue names, when it is a closed mapping's unknown-keys issue. */
export function unknownKeysOf(issue: v.BaseIssue<unknown>): string[] | undefined {
  return issue.expected === UNKNOWN_KEYS && Array.isArray(issue.input) ? (issue.input as string[]) : undefined;
}

export function closedMapping<const E extends v.ObjectEntries>(entries: E, messages: ClosedMappingMessages) {
  const unknownKeys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => !Object.hasOwn(entries, k));
  return v.pipe(
    // A reserved key would vanish unseen below, so a mapping holding one is refused here, whole.
    v.custom<Record<string, unknown>>(
      (x) => isObject(x) && !RESERVED_KEYS.some((k) => Object.hasOwn(x, k)),
      (issue) => (isObject(issue.input) ? messages.unknownKeys(unknownKeys(issue.input)) : messages.notAMapping),
    ),
    v.looseObject(entries, messages.missingKey),
    // rawCheck runs even when the entries had issues, so unknown keys are named beside them.
    v.rawCheck(({ dataset, addIssue }) => {
      const unknown = isObject(dataset.value) ? unknownKeys(dataset.value) : [];
      if (unknown.length) addIssue({ message: messages.unknownKeys(unknown), input: unknown, expected: UNKNOWN_KEYS });
    }),
    // An unknown key fails the check above, so what passes has only these keys.
    v.transform((map) => map as v.InferOutput<v.ObjectSchema<E, undefined>>),
  );
}
