import { describe, expect, it } from 'vitest';
import { buildJsonDocument } from '../../../src/core/jsonView/jsonDocument.js';
import { lineAtRow } from '../../../src/core/jsonView/foldState.js';
import { lineText } from '../../../src/core/jsonView/lineSegments.js';
import {
  clampTop,
  initViewer,
  maxTop,
  pageStep,
  scrollPercent,
  viewerReducer,
  type ViewerAction,
  type ViewerState,
} from '../../../src/core/jsonView/viewerState.js';
import { footerText, scrollbarThumb } from '../../../src/core/jsonView/viewportText.js';

// 100 items: 102 lines ("[", 100 numbers, "]").
const doc = buildJsonDocument(Array.from({ length: 100 }, (_, i) => i));
const H = 10;

function run(state: ViewerState, ...actions: ViewerAction[]): ViewerState {
  return actions.reduce(viewerReducer, state);
}

describe('viewerReducer scrolling', () => {
  it('moves the cursor line by a line within bounds, scrolling once it leaves the window', () => {
    const s = initViewer(doc);
    expect(run(s, { type: 'up', height: H })).toBe(s); // unchanged state, no re-render
    const two = run(s, { type: 'down', height: H }, { type: 'down', height: H });
    expect([two.cursor, two.top]).toEqual([2, 0]);
    const down = (n: number) => Array.from({ length: n }, () => ({ type: 'down', height: H }) as ViewerAction);
    const past = run(s, ...down(12));
    expect([past.cursor, past.top]).toEqual([12, 3]);
    const bottom = run(s, { type: 'bottom', height: H });
    expect([bottom.cursor, bottom.top]).toEqual([101, 102 - H]);
    expect(run(bottom, { type: 'down', height: H })).toBe(bottom);
  });

  it('pages by the height less one line of context', () => {
    expect(pageStep(H)).toBe(9);
    const s = run(initViewer(doc), { type: 'pageDown', height: H }, { type: 'pageDown', height: H });
    expect(s.top).toBe(18);
    expect(run(s, { type: 'pageUp', height: H }).top).toBe(9);
    expect(run(s, { type: 'pageUp', height: H }, { type: 'pageUp', height: H }, { type: 'pageUp', height: H }).top).toBe(0);
    expect(pageStep(1)).toBe(1);
  });

  it('goes to the top and the bottom', () => {
    const s = run(initViewer(doc), { type: 'bottom', height: H });
    expect(s.top).toBe(maxTop(102, H));
    expect(run(s, { type: 'top', height: H }).top).toBe(0);
  });

  it('re-clamps after the viewport grows', () => {
    const s = run(initViewer(doc), { type: 'bottom', height: 10 });
    expect(s.top).toBe(92);
    // Taller terminal: the first key acts from the clamped position.
    expect(run(s, { type: 'up', height: 50 })).toMatchObject({ top: 52, cursor: 100 });
    expect(clampTop(92, 102, 200)).toBe(0);
  });

  it('never scrolls a short document, but its cursor reaches every line', () => {
    const small = initViewer(buildJsonDocument({ a: 1 }));
    const s = run(small, { type: 'pageDown', height: H }, { type: 'bottom', height: H });
    expect([s.top, s.cursor]).toEqual([0, 2]);
  });

  it('resets for a new document', () => {
    const s = run(initViewer(doc), { type: 'pageDown', height: H }, { type: 'search', query: '5', height: H });
    const other = buildJsonDocument({ a: 1 });
    const reset = viewerReducer(s, { type: 'reset', doc: other });
    expect(reset).toEqual(initViewer(other));
  });
});

describe('viewerReducer folding', () => {
  const nested = buildJsonDocument({ a: { x: 1, y: 2 }, b: Array.from({ length: 30 }, (_, i) => ({ i })) });

  it('folds the container of the cursor line and puts the cursor on it; unfolds it again', () => {
    // The cursor onto a value inside "a".
    let s = run(initViewer(nested), { type: 'down', height: H }, { type: 'down', height: H }, { type: 'down', height: H });
    expect(lineText(nested, lineAtRow(s.folds, s.cursor)).trim()).toBe('"y": 2');
    s = run(s, { type: 'toggleFold', height: H });
    expect(s.cursor).toBe(1);
    expect(lineText(nested, lineAtRow(s.folds, s.cursor), true).trim()).toBe('"a": { … 2 keys },');
    s = run(s, { type: 'toggleFold', height: H });
    expect(s.folds.folded.size).toBe(0);
  });

  it('folds and unfolds a node anywhere, also in a document that fits the window', () => {
    const b = 5; // '"b": ['
    expect(lineText(nested, b).trim()).toBe('"b": [');
    let s: ViewerState = { ...initViewer(nested), top: b, cursor: b };
    s = run(s, { type: 'toggleFold', height: H });
    expect(s.folds.visibleCount).toBe(7);
    // Short now: the top is clamped back, the cursor stays on the folded node.
    expect([s.top, s.cursor]).toEqual([0, b]);
    s = run(s, { type: 'top', height: H }, { type: 'bottom', height: H }, { type: 'up', height: H }, { type: 'toggleFold', height: H });
    expect(s.folds.folded.size).toBe(0);
  });
});

describe('position display', () => {
  it('gives the percentage scrolled', () => {
    expect(scrollPercent(0, 102, H)).toBe(0);
    expect(scrollPercent(46, 102, H)).toBe(50);
    expect(scrollPercent(92, 102, H)).toBe(100);
    expect(scrollPercent(0, 5, H)).toBe(100);
  });

  it('sizes and places the scrollbar thumb', () => {
    expect(scrollbarThumb(0, 5, H)).toBeUndefined();
    expect(scrollbarThumb(0, 100, H)).toEqual({ start: 0, size: 1 });
    expect(scrollbarThumb(90, 100, H)).toEqual({ start: 9, size: 1 });
    expect(scrollbarThumb(0, 20, H)).toEqual({ start: 0, size: 5 });
  });

  it('fits the footer to the width, dropping hints that do not fit', () => {
    const line = footerText(80, 42);
    expect(line).toHaveLength(80);
    expect(line.endsWith('42%')).toBe(true);
    const narrow = footerText(30, 7);
    expect(narrow).toHaveLength(30);
    expect(narrow).toContain('↑↓/jk scroll');
    expect(narrow).not.toContain('w write');
    const s = { query: 'host', matches: Int32Array.from([1, 5, 9]), current: 1 };
    expect(footerText(80, 0, s)).toMatch(/^\/host: 2 of 3 {2}n\/N match/);
  });
});
