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
  it('scrolls by a line within bounds', () => {
    const s = initViewer(doc);
    expect(run(s, { type: 'up', height: H })).toBe(s); // unchanged state, no re-render
    expect(run(s, { type: 'down', height: H }, { type: 'down', height: H }).top).toBe(2);
    const bottom = run(s, { type: 'bottom', height: H });
    expect(bottom.top).toBe(102 - H);
    expect(run(bottom, { type: 'down', height: H }).top).toBe(102 - H);
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
    expect(run(s, { type: 'up', height: 50 }).top).toBe(51);
    expect(clampTop(92, 102, 200)).toBe(0);
  });

  it('never scrolls a short document', () => {
    const small = initViewer(buildJsonDocument({ a: 1 }));
    expect(run(small, { type: 'pageDown', height: H }, { type: 'bottom', height: H }).top).toBe(0);
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

  it('folds the container of the top line and brings its first line to the top', () => {
    // Scroll into the "b" array, onto a value inside an item.
    let s = run(initViewer(nested), { type: 'down', height: H }, { type: 'down', height: H }, { type: 'down', height: H });
    expect(lineText(nested, lineAtRow(s.folds, s.top)).trim()).toBe('"y": 2');
    s = run(s, { type: 'toggleFold', height: H });
    expect(s.top).toBe(1);
    expect(lineText(nested, lineAtRow(s.folds, s.top), true).trim()).toBe('"a": { … 2 keys },');
    s = run(s, { type: 'toggleFold', height: H });
    expect(s.folds.folded.size).toBe(0);
  });

  it('folds the container opening on the top line', () => {
    const b = 5; // '"b": ['
    expect(lineText(nested, b).trim()).toBe('"b": [');
    let s: ViewerState = { ...initViewer(nested), top: b };
    s = run(s, { type: 'toggleFold', height: H });
    expect(s.folds.visibleCount).toBe(7);
    // Short now: the top is clamped back.
    expect(s.top).toBe(0);
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
