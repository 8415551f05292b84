// How history entries are shown and searched, shared by `talon history` and
// the shell's history pane.
import type { HistoryEntry } from './historyEntry.js';
import { truncate } from '../jsonView/responseSummary.js';
import { terminalSafe } from '../text/terminalSafe.js';

/**
 * "/devices/queries/devices/v1?filter=hostname:'x'&limit=5", unencoded so it
 * reads well, and terminal-safe: the history file may hold anything.
 */
export function pathWithQuery(entry: Pick<HistoryEntry, 'path' | 'query'>): string {
  const qs = entry.query.map(([k, v]) => `${k}=${v}`).join('&');
  return terminalSafe(qs ? `${entry.path}?${qs}` : entry.path);
}

/** The text a filter matches against. */
function haystack(e: HistoryEntry): string {
  return `${e.method} ${pathWithQuery(e)} ${e.status} ${e.profile} ${e.body === undefined ? '' : JSON.stringify(e.body)}`.toLowerCase();
}

/** Entries containing every whitespace-separated word of `text` (any case), in the given order. */
export function filterHistory(entries: readonly HistoryEntry[], text: string): HistoryEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const h = haystack(e);
    return words.every((w) => h.includes(w));
  });
}

/** "2026-05-04 13:02:11" in local time. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return terminalSafe(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The parts of one history line in the shell's list, terminal-safe (the history file may hold anything). */
export function historyRow(e: HistoryEntry): { time: string; status: string; method: string; request: string; detail: string } {
  const items = e.items !== undefined ? ` · ${e.items} items` : '';
  return {
    time: shortTime(e.time),
    status: String(e.status || 'ERR'),
    method: terminalSafe(e.method),
    request: pathWithQuery(e),
    detail: `${shortDuration(e.durationMs)}${items} · ${terminalSafe(e.profile)}`,
  };
}

/** "120 ms", "3.4 s". */
export function shortDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The table `talon history` prints, newest first, numbered from 1 (the
 * number `talon history export` takes). The request column is cut to fit
 * `width` when one is given (a terminal).
 */
export function historyTable(entries: readonly HistoryEntry[], width?: number): string[] {
  const rows = entries.map((e, i) => ({
    n: String(i + 1),
    time: shortTime(e.time),
    status: e.status === 0 ? 'ERR' : String(e.status),
    method: terminalSafe(e.method),
    request: pathWithQuery(e),
    duration: shortDuration(e.durationMs),
    items: e.items === undefined ? '' : String(e.items),
  }));
  const head = { n: '#', time: 'TIME', status: 'STATUS', method: 'METHOD', request: 'REQUEST', duration: 'TOOK', items: 'ITEMS' };
  const all = [head, ...rows];
  const w = (k: keyof typeof head): number => Math.max(...all.map((r) => r[k].length));
  const fixed = ['n', 'time', 'status', 'method', 'duration', 'items'] as const;
  const fixedWidth = fixed.reduce((sum, k) => sum + w(k) + 2, 0);
  const requestWidth = width === undefined ? w('request') : Math.max(10, Math.min(w('request'), width - fixedWidth - 1));
  return all.map((r) =>
    [
      r.n.padStart(w('n')),
      r.time.padEnd(w('time')),
      r.status.padEnd(w('status')),
      r.method.padEnd(w('method')),
      truncate(r.request, requestWidth).padEnd(requestWidth),
      r.duration.padStart(w('duration')),
      r.items.padStart(w('items')),
    ].join('  ').trimEnd(),
  );
}
