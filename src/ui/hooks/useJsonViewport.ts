// React glue for the pure viewer reducer: one state per document (a new
// response starts at the top, unfolded), and the scroll offset clamped to
// the current height so a resize never leaves the window past the end.
import { useCallback, useReducer } from 'react';
import type { JsonDocument } from '../../core/jsonView/jsonDocument.js';
import { clampTop, initViewer, viewerReducer, type ViewerAction, type ViewerState } from '../../core/jsonView/viewerState.js';

type SizedType = Exclude<ViewerAction, { type: 'reset' | 'clearSearch' | 'search' }>['type'];

export interface JsonViewport {
  state: ViewerState;
  /** the top row to draw, clamped to the height */
  top: number;
  /** runs a viewer action sized to the current height */
  act: (type: SizedType) => void;
  search: (query: string) => void;
  clearSearch: () => void;
}

export function useJsonViewport(doc: JsonDocument, height: number): JsonViewport {
  const [stored, dispatch] = useReducer(viewerReducer, doc, initViewer);
  // A new document replaces the state during render (React re-runs it at once).
  const state = stored.doc === doc ? stored : initViewer(doc);
  if (stored.doc !== doc) dispatch({ type: 'reset', doc });
  const h = Math.max(1, height);
  const act = useCallback((type: SizedType) => dispatch({ type, height: h }), [h]);
  const search = useCallback((query: string) => dispatch({ type: 'search', query, height: h }), [h]);
  const clearSearch = useCallback(() => dispatch({ type: 'clearSearch' }), []);
  return { state, top: clampTop(state.top, state.folds.visibleCount, h), act, search, clearSearch };
}
