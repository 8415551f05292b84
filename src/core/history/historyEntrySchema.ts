// Checks a line read back from the history file: only readers load this (and
// zod), never a call that appends its line. zod's mini build: the full build
// costs a one-shot command ~100 ms of start-up (README, Development).
import * as z from 'zod/mini';
import { HTTP_METHODS, type HttpMethod } from '../http/types.js';
import type { HistoryEntry } from './historyEntry.js';

const entrySchema = z.object({
  time: z.string(),
  profile: z.string(),
  baseUrl: z.optional(z.string()),
  method: z.enum(HTTP_METHODS as [HttpMethod, ...HttpMethod[]]),
  path: z.string(),
  query: z.array(z.tuple([z.string(), z.string()])),
  body: z.optional(z.unknown()),
  status: z.int(),
  durationMs: z.number(),
  items: z.optional(z.int()),
  traceId: z.optional(z.string()),
  error: z.optional(z.string()),
  truncated: z.optional(z.object({ body: z.optional(z.number()), query: z.optional(z.number()) })),
});

/** Parses one line; undefined when it is not a valid entry. */
export function parseEntry(line: string): HistoryEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const r = entrySchema.safeParse(value);
  return r.success ? (r.data as HistoryEntry) : undefined;
}
