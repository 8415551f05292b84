// Response pane benchmark on a 10 MB response (8,000 host records). Budget
// (the shell issue): first frame under 150 ms after the response arrives,
// each scroll step under 16 ms.
//
// What is measured, in one warmed process with production React:
// - parse: JSON.parse of the body (done by the HTTP client before the pane
//   sees the response; shown for context, not part of the first frame).
// - build: buildJsonDocument alone.
// - first frame: renderToString(<ResponsePane …/>) at 80x24 for a response
//   the pane has not seen: the document build, the first window, Yoga layout
//   and the frame string. Ink's own start-up (a one-off per session) is not
//   included. "cold" is the first run in the process, before the JIT warms.
// - scroll step: a real key press into a mounted pane (ink-testing-library,
//   so Ink's input parsing, useInput, the viewer reducer, React's render, the
//   layout and the frame write) until the new frame is written; j, k, PgDn,
//   PgUp, G and g, on the document unfolded and with folds.
// - reducer + window: the viewer reducer and the visible-line computation
//   only, per step, without rendering.
// - search: searchDocument over the whole document, once per query (Enter
//   in the search prompt); n/N then only step through the result.
import { performance } from 'node:perf_hooks';
import { importBundled, stats } from './lib/bundle.mjs';
import { keyTimer } from './lib/keyTimer.mjs';

const entry = `
export { createElement } from 'react';
export { renderToString } from 'ink';
export { render } from 'ink-testing-library';
export { ResponsePane } from './src/ui/panes/ResponsePane.tsx';
export { buildJsonDocument } from './src/core/jsonView/jsonDocument.ts';
export { visibleLines } from './src/core/jsonView/foldState.ts';
export { initViewer, viewerReducer } from './src/core/jsonView/viewerState.ts';
export { searchDocument } from './src/core/jsonView/search.ts';
export { hostsEnvelope } from './test/core/jsonView/fixtures/hostRecords.ts';
`;

const m = await importBundled('responseView', entry);

const ms = (x) => `${x.toFixed(3)} ms`;
const row = (label, st) => console.log(`  ${label.padEnd(30)} median ${ms(st.median).padStart(10)}  p99 ${ms(st.p99).padStart(10)}  max ${ms(st.max).padStart(10)}  (n=${st.n})`);

// The body as it comes off the wire.
const wire = JSON.stringify(m.hostsEnvelope(8000));
const parses = [];
let value;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  value = JSON.parse(wire);
  parses.push(performance.now() - t);
}
const response = (body) => ({
  method: 'GET',
  url: 'https://api.crowdstrike.com/devices/entities/devices/v2',
  status: 200,
  headers: {},
  durationMs: 850,
  size: wire.length,
  traceId: '0b8c7c1e-4f2a-4d7e-9c1b-2f6d5a8e3b10',
  body: { kind: 'json', value: body },
  attempts: 1,
});
const props = (res) => ({ response: res, height: 24, width: 80, focused: true });

// First frame: a fresh response object each time, so the pane builds its document.
const firstFrames = [];
let frame = '';
for (let i = 0; i < 11; i++) {
  const t = performance.now();
  frame = m.renderToString(m.createElement(m.ResponsePane, props(response(value))), { columns: 80 });
  firstFrames.push(performance.now() - t);
}
if (!frame.includes('"resources": [')) throw new Error(`first frame looks wrong:\n${frame}`);
const cold = firstFrames[0];
const warm = stats(firstFrames.slice(1));

const builds = [];
let doc;
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  doc = m.buildJsonDocument(value);
  builds.push(performance.now() - t);
}

// Scroll steps through a mounted pane, timed from the key to the frame write
// (React renders input updates in a microtask, so the write is awaited).
const app = m.render(m.createElement(m.ResponsePane, props(response(value))));
await new Promise((done) => setTimeout(done, 50)); // let useInput subscribe
const step = keyTimer(app);
const KEYS = { j: 'j', k: 'k', pageDown: '\u001B[6~', pageUp: '\u001B[5~', G: 'G', g: 'g', enter: '\r' };
const plan = [];
for (let i = 0; i < 200; i++) plan.push(KEYS.j);
for (let i = 0; i < 100; i++) plan.push(KEYS.pageDown);
for (let i = 0; i < 50; i++) plan.push(KEYS.pageUp, KEYS.k);
for (let i = 0; i < 25; i++) plan.push(KEYS.G, KEYS.g);
// Warm-up, untimed.
for (const key of plan.slice(0, 60)) await step(key);
await step(KEYS.g);
const scrolls = [];
let unchanged = 0;
for (const key of plan) {
  const r = await step(key);
  scrolls.push(r.elapsed);
  if (!r.changed) unchanged++;
}
// With folds: fold every host, then scroll the folded list.
await step(KEYS.g);
for (let i = 0; i < 7; i++) await step(KEYS.j); // onto the first host's "{"
const folded = [];
for (let i = 0; i < 300; i++) {
  folded.push((await step(KEYS.enter)).elapsed); // fold this host
  folded.push((await step(KEYS.j)).elapsed); // next host
}
app.unmount();
if (unchanged > 0) throw new Error(`${unchanged} scroll steps produced no frame within a second`);

// Reducer + window only.
let state = m.initViewer(doc);
const pure = [];
const actions = ['down', 'pageDown', 'down', 'pageUp', 'bottom', 'top'];
for (let i = 0; i < 3000; i++) {
  const t = performance.now();
  state = m.viewerReducer(state, { type: actions[i % actions.length], height: 21 });
  m.visibleLines(doc, state.folds, state.top, 21);
  pure.push(performance.now() - t);
}

const searches = [];
for (const query of ['WKS-00042', 'windows', 'contained', 'no such text', '203.0.1.']) {
  const t = performance.now();
  m.searchDocument(doc, query);
  searches.push(performance.now() - t);
}

console.log(`response view: ${(wire.length / 1e6).toFixed(1)} MB body, 8,000 hosts, ${doc.length.toLocaleString('en-US')} lines, 80x24`);
row('JSON.parse (context)', stats(parses));
row('buildJsonDocument', stats(builds));
console.log(`  ${'first frame, cold'.padEnd(30)} ${ms(cold)}`);
row('first frame, warm', warm);
row('scroll step (key → frame)', stats(scrolls));
row('fold/step, folds (key → frame)', stats(folded));
row('reducer + window only', stats(pure));
row('search, once per query', stats(searches));

const budget = { firstFrame: 150, scroll: 16 };
const over = [];
if (warm.median > budget.firstFrame) over.push(`first frame median ${ms(warm.median)} > ${budget.firstFrame} ms`);
if (stats(scrolls).median > budget.scroll) over.push(`scroll step median ${ms(stats(scrolls).median)} > ${budget.scroll} ms`);
if (over.length) {
  console.log(`  OVER BUDGET: ${over.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log(`  within budget (first frame < ${budget.firstFrame} ms, scroll step < ${budget.scroll} ms)`);
}
