// How the shell's rows are shared out at a given terminal size and focus:
// the focused part grows, unfocused composer panes give way, and nothing is
// ever taller than the terminal (one spare row avoids Ink's full redraw).
import type { PaneId } from '../../core/shell/shellState.js';

export { FOCUS_ORDER, type PaneId } from '../../core/shell/shellState.js';

export interface Layout {
  /** completion list rows under the endpoint line */
  list: number;
  /** 0 hides the pane */
  params: number;
  body: number;
  response: number;
  /** parameters and body in one row, each `params` rows tall (a wide terminal) */
  sideBySide?: boolean;
}

/** From this width, parameters and body show side by side. */
export const SIDE_BY_SIDE_COLUMNS = 140;

/** status bar 1, endpoint line 1, method pane 3, message/hints line 1, spare 1 */
export const FIXED_ROWS = 7;
const MIN_RESPONSE = 4;

export function calculateLayout(rows: number, focus: PaneId, listOpen: boolean, columns = 0): Layout {
  const free = Math.max(MIN_RESPONSE, rows - FIXED_ROWS);
  if (columns >= SIDE_BY_SIDE_COLUMNS && !(focus === 'endpoint' && listOpen) && focus !== 'response') {
    // Both composer panes at once, one row of them; the response keeps the rest.
    const wanted = focus === 'params' || focus === 'body' ? Math.min(20, Math.max(6, Math.floor(free * 0.55))) : 6;
    const h = Math.max(0, Math.min(wanted, free - MIN_RESPONSE));
    const height = h >= 5 ? h : 0;
    return { list: 0, params: height, body: height, response: free - height, sideBySide: height > 0 };
  }
  const fit = (params: number, body: number): Layout => {
    // Shrink the composer panes before the response drops under its minimum.
    let p = params;
    let b = body;
    while (p + b + MIN_RESPONSE > free && (p > 0 || b > 0)) {
      if (b >= p && b > 0) b = b > 5 ? b - 1 : 0;
      else p = p > 6 ? p - 1 : 0;
    }
    return { list: 0, params: p, body: b, response: free - p - b };
  };
  if (focus === 'endpoint' && listOpen) {
    const list = Math.min(12, Math.max(3, free - MIN_RESPONSE));
    return { list, params: 0, body: 0, response: free - list };
  }
  switch (focus) {
    case 'response':
      return { list: 0, params: 0, body: 0, response: free };
    case 'params':
      return fit(Math.min(14, Math.max(6, Math.floor(free * 0.5))), 0);
    case 'body':
      return fit(0, Math.min(20, Math.max(6, Math.floor(free * 0.55))));
    default:
      return fit(6, 6);
  }
}
