// The filters a user ran, newest last, for ↑ in the jq prompt: kept for the
// session, each once (running one again moves it to the end).
export const JQ_HISTORY_LIMIT = 50;

export function rememberFilter(history: readonly string[], filter: string): string[] {
  const f = filter.trim();
  if (!f) return [...history];
  return [...history.filter((h) => h !== f), f].slice(-JQ_HISTORY_LIMIT);
}

/** The filter ↑ (-1) or ↓ (+1) brings from position `index` (history.length = the field being typed). */
export function stepHistory(history: readonly string[], index: number, delta: -1 | 1): number {
  return Math.min(history.length, Math.max(0, index + delta));
}
