// The shell as a user's terminal shows it: Ink's real renderer (maxFps 30,
// incremental writes) in a pseudo-terminal, its output parsed by a headless
// xterm. Budgets (issue 14):
// - a keystroke on the endpoint line reaches the screen: median <= 8 ms, p99 <= 33 ms (one frame);
// - PgDn in a 10 MB response: median <= 8 ms, p99 <= 33 ms;
// - Ctrl+S to the first frame of a 10 MB response: no slower than `curl | jq . | less` on the same answer;
// - j (one line down) in that response: as PgDn. A search over the whole of it (Enter to the first match) is reported, not budgeted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { report } from './lib/report.mjs';
import { KEY, startInPty } from './lib/ptyTerminal.mjs';
import { startBigApi } from './lib/bigResponse.mjs';

const BIN = fileURLToPath(new URL('../bin/talon', import.meta.url));
const KEYS = Number(process.env.BENCH_KEYS ?? 120);
const SENDS = Number(process.env.BENCH_RUNS ?? 7);
const node = process.execPath;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
// People type at 80-250 ms a key; a bench that waits 40-80 ms between keys is harsher than that.
const typingGap = () => pause(40 + Math.random() * 40);

const home = mkdtempSync(join(tmpdir(), 'talon-bench-shell-'));
const env = { ...process.env, TALON_HOME: home, NO_COLOR: '' };
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'FALCON_CLIENT_ID', 'FALCON_CLIENT_SECRET', 'FALCON_BASE_URL', 'CI']) delete env[k];

// 1. Keystrokes on the endpoint line (demo tenant).
{
  const shell = startInPty(`${node} ${BIN} --demo`, { env });
  await shell.waitFor((s) => s.includes('type a path'), 15_000, 'the endpoint line');
  await shell.settle();
  const samples = [];
  const paths = ['/devices/queries/devices/v1', '/alerts/queries/alerts/v2', '/iocs/combined/indicator/v1', '/spotlight/queries/vulnerabilities/v1'];
  while (samples.length < KEYS) {
    for (const path of paths) {
      for (let i = 1; i <= path.length && samples.length < KEYS; i++) {
        const prefix = path.slice(0, i);
        samples.push(await shell.press(path[i - 1], (s) => s.includes(`› ${prefix}`), 5_000, `'${prefix}' on the endpoint line`));
        await typingGap();
      }
      await shell.press(KEY.ctrlU, (s) => !s.includes(`› /`), 5_000, 'an empty endpoint line');
      await shell.settle();
    }
  }
  await shell.stop();
  console.log(`shell in a pty (100x30, Ink's real renderer, xterm.js screen)`);
  report('keystroke to screen (endpoint line)', samples, { budget: { median: 8, p99: 33 } });
}

// 2. A 10 MB response: Ctrl+S to its first frame, then PgDn.
const api = await startBigApi();
try {
  const apiEnv = { ...env, FALCON_BASE_URL: api.url, FALCON_CLIENT_ID: 'bench', FALCON_CLIENT_SECRET: 'bench-secret' };
  const shell = startInPty(`${node} ${BIN}`, { env: apiEnv });
  await shell.waitFor((s) => s.includes('type a path'), 15_000, 'the endpoint line');
  const path = '/devices/combined/devices/v1';
  for (const ch of path) {
    await shell.press(ch, () => true);
  }
  await shell.waitFor((s) => s.includes(`› ${path}`), 5_000, 'the typed path');
  await shell.press(KEY.enter, () => true);
  await shell.settle();
  const top = (s) => s.includes('"query_time"') && s.includes('MB ·');
  await shell.press(KEY.ctrlS, top, 30_000, 'the first 10 MB response');
  await shell.settle(300);
  const sends = [];
  for (let i = 0; i < SENDS; i++) {
    // Scrolled away from the top, the top of the document shows again only when the new answer is drawn.
    await shell.press(KEY.pageDown, (s) => !s.includes('"query_time"'), 5_000, 'a page down');
    await shell.settle();
    sends.push(await shell.press(KEY.ctrlS, top, 30_000, 'the 10 MB response'));
    await shell.settle(300);
  }
  const pgdn = [];
  for (let i = 0; i < KEYS / 2; i++) {
    const before = shell.screen();
    pgdn.push(await shell.press(KEY.pageDown, (s) => s !== before, 5_000, 'the next page'));
    await typingGap();
  }
  // One line down (j): the smallest scroll step.
  const lineSteps = [];
  for (let i = 0; i < KEYS / 2; i++) {
    const before = shell.screen();
    lineSteps.push(await shell.press('j', (s) => s !== before, 5_000, 'the next line'));
    await typingGap();
  }
  // A search over the whole document: Enter in the search prompt to the frame that shows the first match and the count.
  const searches = [];
  const queries = ['WKS-00042', 'windows', 'contained', 'no such text', '203.0.1.'];
  for (let i = 0; i < SENDS; i++) {
    const query = queries[i % queries.length];
    await shell.press('/', (s) => s.split('\n').some((l) => l.startsWith('/')), 5_000, 'the search prompt');
    await shell.press(KEY.ctrlU + query, (s) => s.includes(`/${query}`), 5_000, 'the typed query');
    await shell.settle();
    searches.push(await shell.press(KEY.enter, (s) => s.includes(`/${query}: `), 10_000, `the search for ${query}`));
    await shell.settle();
  }
  await shell.stop();

  // The same answer through curl | jq . | less, from spawn to its first screen.
  const pipeline = [];
  for (let i = 0; i < SENDS; i++) {
    const t = performance.now();
    const less = startInPty(`sh -c "curl -s -H 'Authorization: Bearer bench-token' ${api.url}${path} | jq . | less"`, { env });
    await less.waitFor((s) => s.includes('"meta"') && s.includes('"query_time"'), 30_000, 'less');
    pipeline.push(performance.now() - t);
    await less.stop();
  }
  const mb = (api.size / 1e6).toFixed(1);
  report(`Ctrl+S to first frame (${mb} MB response)`, sends, { baseline: pipeline, budget: { ratio: 1 } });
  report(`curl | jq . | less, first screen (${mb} MB)`, pipeline);
  report(`PgDn in a ${mb} MB response`, pgdn, { budget: { median: 8, p99: 33 } });
  report('j (one line down) in that response', lineSteps, { budget: { median: 8, p99: 33 } });
  report('search in that response, Enter → first match', searches);
} finally {
  await api.close();
  rmSync(home, { recursive: true, force: true });
}
