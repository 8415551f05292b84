// Completion in the shell: the time from a keystroke on the endpoint line to
// the new frame with the updated completion list (catalog search, React
// render, layout, frame write), typing realistic queries character by
// character into a mounted EndpointPicker. Budget: under 16 ms a keystroke.
import { importBundled, stats } from './lib/bundle.mjs';
import { keyTimer } from './lib/keyTimer.mjs';

const entry = `
export { createElement, useState } from 'react';
export { render } from 'ink-testing-library';
export { EndpointPicker } from './src/ui/panes/EndpointPicker.tsx';
export { endpointSource } from './src/core/shell/catalogAdapter.ts';
export { bundledCatalog } from './src/core/catalog/loadCatalog.ts';
`;
const m = await importBundled('completion', entry);
const { createElement: h, useState } = m;

const source = m.endpointSource(m.bundledCatalog());
function Host() {
  const [value, setValue] = useState('');
  return h(m.EndpointPicker, {
    value,
    method: 'GET',
    onChange: setValue,
    onPick: () => undefined,
    onSubmitPath: () => undefined,
    // As the shell does: one search and one segment lookup per change of the text.
    hits: value.trim() ? source.search(value, 12) : [],
    segments: source.nextSegments(value),
    open: value.trim() !== '',
    onDismiss: () => undefined,
    focused: true,
    width: 100,
    listHeight: 10,
    ready: true,
  });
}

const QUERIES = ['contain', 'hash devices', 'alerts', 'vuln', '/devices/entities/', 'host groups', 'create ioc', 'online state', 'real time response', 'prevention policies'];
const app = m.render(h(Host));
await new Promise((r) => setTimeout(r, 50));

const step = keyTimer(app);
async function key(ch) {
  const r = await step(ch);
  return r.elapsed;
}

const times = [];
for (let round = 0; round < 3; round++) {
  for (const q of QUERIES) {
    for (const ch of q) {
      const t = await key(ch);
      if (round > 0 && !Number.isNaN(t)) times.push(t); // the first round warms the JIT
    }
    for (let i = 0; i < q.length; i++) await key('\u007f');
  }
}
app.unmount();
const s = stats(times);
const ok = s.median < 16;
console.log(`completion: keystroke → frame with the updated list (search, segments, render) (${QUERIES.length} queries typed, ${s.n} keystrokes)`);
console.log(`  median ${s.median.toFixed(2)} ms  p90 ${s.p90.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`);
console.log(`  ${ok ? 'within budget' : 'OVER BUDGET'} (median < 16 ms)`);
process.exitCode = ok ? 0 : 1;
