// The viewer's one-line footer (search status, key hints, position) and its
// scrollbar thumb, worked out to a width so the pane never wraps a line.
import type { SearchState } from './viewerState.js';
import { formatCount } from './responseSummary.js';

/** Key hints in order of importance: those that do not fit are left off whole. */
const HINTS = ['↑↓/jk scroll', 'PgUp/PgDn', 'g/G ends', '⏎/z fold', '/ search', 'w write'];
const MATCH_HINT = 'n/N match';

export function searchStatus(search: SearchState | undefined): string {
  if (!search) return '';
  if (search.matches.length === 0) return `/${search.query}: no match`;
  return `/${search.query}: ${formatCount(search.current + 1)} of ${formatCount(search.matches.length)}`;
}

/** "/host: 3 of 17  ↑↓/jk scroll  …        42%" in exactly `width` columns (or fewer when very narrow). */
export function footerText(width: number, percent: number, search?: SearchState): string {
  const right = `${percent}%`;
  const room = width - right.length - 1;
  const parts: string[] = [];
  const status = searchStatus(search);
  let used = 0;
  const add = (s: string): boolean => {
    const extra = (parts.length ? 2 : 0) + s.length;
    if (used + extra > room) return false;
    parts.push(s);
    used += extra;
    return true;
  };
  if (status && !add(status)) parts.push(status.slice(0, Math.max(0, room)));
  if (search && search.matches.length > 0) add(MATCH_HINT);
  for (const hint of HINTS) if (!add(hint)) break;
  const left = parts.join('  ').slice(0, Math.max(0, room));
  if (width < right.length) return left.slice(0, Math.max(0, width));
  return `${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}`;
}

/** Rows of the scrollbar thumb, or undefined when everything fits. */
export function scrollbarThumb(top: number, visibleCount: number, height: number): { start: number; size: number } | undefined {
  if (height <= 0 || visibleCount <= height) return undefined;
  const size = Math.max(1, Math.round((height * height) / visibleCount));
  const maxTop = visibleCount - height;
  const start = Math.round(((height - size) * Math.min(top, maxTop)) / maxTop);
  return { start, size };
}
