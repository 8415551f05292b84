// Checks a line read back from the history file: only readers load this,
// never a call that appends its line.
import * as v from 'valibot';
import { HTTP_METHODS } from '../http/types.js';
import type { HistoryEntry } from './historyEntry.js';

const entrySchema = v.object({
  time: v.string(),
  profile: v.string(),
  baseUrl: v.optional(v.string()),
  method: v.picklist(HTTP_METHODS),
  path: v.string(),
  query: v.array(v.tuple([v.string(), v.string()])),
  body: v.optional(v.unknown()),
  status: v.pipe(v.number(), v.integer()),
  durationMs: v.number(),
  items: v.optional(v.pipe(v.number(), v.integer())),
  traceId: v.optional(v.string()),
  error: v.optional(v.string()),
  truncated: v.optional(v.object({ body: v.optional(v.number()), query: v.optional(v.number()) })),
});

/** Parses one line; undefined when it is not a valid entry. */
export function parseEntry(line: string): HistoryEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const r = v.safeParse(entrySchema, value);
  return r.success ? r.output : undefined;
}
