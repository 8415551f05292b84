// The response viewer's state as a pure reducer: scroll offset, folds and
// search, so that every key's effect is unit-tested without React. Actions
// carry the viewport height because the terminal can change size between
// any two keys.
import type { JsonDocument } from './jsonDocument.js';
import { foldTarget, lineAtRow, noFolds, rowOfLine, toggleFold, unfoldAncestors, type FoldState } from './foldState.js';
import { matchFrom, searchDocument, stepMatch } from './search.js';

export interface SearchState {
  query: string;
  /** ascending matching lines */
  matches: Int32Array;
  /** index into matches of the current one, -1 when there is none */
  current: number;
}

export interface ViewerState {
  readonly doc: JsonDocument;
  readonly folds: FoldState;
  /** visible row shown at the top of the viewport */
  readonly top: number;
  /** the cursor line, as a visible row: folds act on its node, and it can reach every line */
  readonly cursor: number;
  readonly search?: SearchState;
}

type Sized = { height: number };
export type ViewerAction =
  | { type: 'reset'; doc: JsonDocument }
  | ({ type: 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'toggleFold' | 'nextMatch' | 'previousMatch' } & Sized)
  | ({ type: 'search'; query: string } & Sized)
  | { type: 'clearSearch' };

export function initViewer(doc: JsonDocument): ViewerState {
  return { doc, folds: noFolds(doc), top: 0, cursor: 0 };
}

/** A page step keeps one line of the previous page in view, for context. */
export function pageStep(height: number): number {
  return Math.max(1, height - 1);
}

export function maxTop(visibleCount: number, height: number): number {
  return Math.max(0, visibleCount - Math.max(1, height));
}

export function clampTop(top: number, visibleCount: number, height: number): number {
  return Math.min(Math.max(0, top), maxTop(visibleCount, height));
}

/** How far down the viewport is, 0-100. */
export function scrollPercent(top: number, visibleCount: number, height: number): number {
  const max = maxTop(visibleCount, height);
  return max === 0 ? 100 : Math.round((Math.min(top, max) / max) * 100);
}

/** The document line of the current search match, if any. */
export function currentMatchLine(state: ViewerState): number | undefined {
  const s = state.search;
  return s && s.current >= 0 ? s.matches[s.current] : undefined;
}

/** Moves the cursor to `row` (clamped), scrolling only as far as it takes to keep it in view. */
function moveCursor(state: ViewerState, row: number, top: number, height: number): ViewerState {
  const count = state.folds.visibleCount;
  const cursor = Math.min(Math.max(0, row), Math.max(0, count - 1));
  let t = clampTop(top, count, height);
  if (cursor < t) t = cursor;
  else if (cursor >= t + height) t = clampTop(cursor - height + 1, count, height);
  return cursor === state.cursor && t === state.top ? state : { ...state, cursor, top: t };
}

/** The cursor as a valid row (the document or folds may have changed). */
export function cursorRow(state: ViewerState): number {
  return Math.min(Math.max(0, state.cursor), Math.max(0, state.folds.visibleCount - 1));
}

/** Unfolds what hides a line and scrolls it into view, a third of the way down when it was off screen. */
function reveal(state: ViewerState, line: number, height: number): ViewerState {
  const folds = unfoldAncestors(state.doc, state.folds, line);
  const row = rowOfLine(folds, line);
  let top = clampTop(state.top, folds.visibleCount, height);
  if (row < top || row >= top + height) top = clampTop(row - Math.floor(height / 3), folds.visibleCount, height);
  return { ...state, folds, top, cursor: row };
}

function gotoMatch(state: ViewerState, search: SearchState, height: number): ViewerState {
  const line = search.current >= 0 ? search.matches[search.current] : undefined;
  const next = { ...state, search };
  return line === undefined ? next : reveal(next, line, height);
}

export function viewerReducer(state: ViewerState, action: ViewerAction): ViewerState {
  if (action.type === 'reset') return initViewer(action.doc);
  if (action.type === 'clearSearch') return state.search ? { ...state, search: undefined } : state;
  const { height } = action;
  const count = state.folds.visibleCount;
  const top = clampTop(state.top, count, height);
  const cursor = cursorRow(state);
  const step = pageStep(height);
  switch (action.type) {
    case 'up':
      return moveCursor(state, cursor - 1, top, height);
    case 'down':
      return moveCursor(state, cursor + 1, top, height);
    // A page moves the view and the cursor together, as in a pager.
    case 'pageUp':
      return moveCursor(state, cursor - step, clampTop(top - step, count, height), height);
    case 'pageDown':
      return moveCursor(state, Math.min(cursor + step, count - 1), clampTop(top + step, count, height), height);
    case 'top':
      return moveCursor(state, 0, 0, height);
    case 'bottom':
      return moveCursor(state, count - 1, maxTop(count, height), height);
    case 'toggleFold': {
      // The node under the cursor: the object or array on its line, else the one it is in.
      const target = foldTarget(state.doc, lineAtRow(state.folds, cursor));
      if (target < 0) return state;
      const folds = toggleFold(state.doc, state.folds, target);
      const row = rowOfLine(folds, target);
      return moveCursor({ ...state, folds }, row, Math.min(top, row), height);
    }
    case 'search': {
      const matches = searchDocument(state.doc, action.query);
      const current = matchFrom(matches, lineAtRow(state.folds, cursor));
      return gotoMatch({ ...state, top }, { query: action.query, matches, current }, height);
    }
    case 'nextMatch':
    case 'previousMatch': {
      const s = state.search;
      if (!s || s.matches.length === 0) return state;
      const current = stepMatch(s.matches, s.current, action.type === 'nextMatch' ? 1 : -1);
      return gotoMatch({ ...state, top }, { ...s, current }, height);
    }
  }
}
