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
  readonly search?: SearchState;
}

type Sized = { height: number };
export type ViewerAction =
  | { type: 'reset'; doc: JsonDocument }
  | ({ type: 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'toggleFold' | 'nextMatch' | 'previousMatch' } & Sized)
  | ({ type: 'search'; query: string } & Sized)
  | { type: 'clearSearch' };

export function initViewer(doc: JsonDocument): ViewerState {
  return { doc, folds: noFolds(doc), top: 0 };
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

function withTop(state: ViewerState, top: number): ViewerState {
  return top === state.top ? state : { ...state, top };
}

/** Unfolds what hides a line and scrolls it into view, a third of the way down when it was off screen. */
function reveal(state: ViewerState, line: number, height: number): ViewerState {
  const folds = unfoldAncestors(state.doc, state.folds, line);
  const row = rowOfLine(folds, line);
  let top = clampTop(state.top, folds.visibleCount, height);
  if (row < top || row >= top + height) top = clampTop(row - Math.floor(height / 3), folds.visibleCount, height);
  return { ...state, folds, top };
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
  switch (action.type) {
    case 'up':
      return withTop(state, clampTop(top - 1, count, height));
    case 'down':
      return withTop(state, clampTop(top + 1, count, height));
    case 'pageUp':
      return withTop(state, clampTop(top - pageStep(height), count, height));
    case 'pageDown':
      return withTop(state, clampTop(top + pageStep(height), count, height));
    case 'top':
      return withTop(state, 0);
    case 'bottom':
      return withTop(state, maxTop(count, height));
    case 'toggleFold': {
      const target = foldTarget(state.doc, lineAtRow(state.folds, top));
      if (target < 0) return withTop(state, top);
      const folds = toggleFold(state.doc, state.folds, target);
      // Folding the container of the top line brings its first line to the top.
      const row = Math.min(top, rowOfLine(folds, target));
      return { ...state, folds, top: clampTop(row, folds.visibleCount, height) };
    }
    case 'search': {
      const matches = searchDocument(state.doc, action.query);
      const current = matchFrom(matches, lineAtRow(state.folds, top));
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
