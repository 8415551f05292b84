// Reads the history file back as entries, each line checked against the
// entry schema (historyEntrySchema.ts, with valibot): what lists, exports
// and replays history. Writing a line (historyStore.ts) needs none of it.
import { readFileSync } from 'node:fs';
import { fileError } from '../fileError.js';
import type { HistoryEntry } from './historyEntry.js';
import { parseEntry } from './historyEntrySchema.js';
import { completeLines, type HistoryStore } from './historyStore.js';

export interface HistoryRead {
  /** oldest first */
  entries: HistoryEntry[];
  /** unreadable lines skipped */
  skipped: number;
}

/** Every readable entry, oldest first; unreadable lines are skipped, with one sentence to `warn`. */
export function readHistory(store: HistoryStore, warn?: (message: string) => void): HistoryRead {
  let text: string;
  try {
    text = readFileSync(store.file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: 0 };
    throw fileError(e, `the history file ${store.file}`, 'read');
  }
  const entries: HistoryEntry[] = [];
  // A torn last line (a writer killed mid-line) is skipped and counted like any damaged one.
  let skipped = text.length > 0 && !text.endsWith('\n') && text.slice(text.lastIndexOf('\n') + 1).trim() ? 1 : 0;
  for (const line of completeLines(text)) {
    const entry = parseEntry(line);
    if (entry) entries.push(entry);
    else skipped++;
  }
  if (skipped > 0) warn?.(`skipped ${skipped} unreadable line${skipped === 1 ? '' : 's'} in ${store.file}`);
  return { entries, skipped };
}

/** Newest first, at most `max` entries. */
export function recentHistory(store: HistoryStore, max = Infinity, warn?: (message: string) => void): HistoryEntry[] {
  const { entries } = readHistory(store, warn);
  return entries.slice(Math.max(0, entries.length - max)).reverse();
}
