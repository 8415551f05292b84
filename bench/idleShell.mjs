// Quiet when idle (issue 15): the shell left alone writes under 1 KB per 10 s.
// The real binary in a pseudo-terminal on the demo tenant; after the first
// frame settles, the bytes it writes in 10 s of no input are counted, three
// times. The token countdown is the only thing that moves, once a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './lib/report.mjs';
import { startInPty } from './lib/ptyTerminal.mjs';

const BIN = fileURLToPath(new URL('../bin/talon', import.meta.url));
const WINDOW_MS = Number(process.env.BENCH_IDLE_MS ?? 10_000);
const RUNS = Number(process.env.BENCH_IDLE_RUNS ?? 3);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

const home = mkdtempSync(join(tmpdir(), 'talon-bench-idle-'));
const env = { ...process.env, TALON_HOME: home };
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'FALCON_CLIENT_ID', 'FALCON_CLIENT_SECRET', 'FALCON_BASE_URL', 'CI']) delete env[k];
try {
  const shell = startInPty(`${process.execPath} ${BIN} --demo`, { env });
  await shell.waitFor((s) => s.includes('type a path') && s.includes('token'), 15_000, 'the shell with its token');
  await shell.settle(500);
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const before = shell.bytesWritten();
    await pause(WINDOW_MS);
    samples.push(shell.bytesWritten() - before);
  }
  await shell.stop();
  console.log(`idle shell in a pty (100x30, demo tenant), ${WINDOW_MS / 1000} s windows`);
  report(`bytes written per ${WINDOW_MS / 1000} s idle`, samples, { budget: { under: 1024 }, unit: 'B' });
  // Every window, not only the median.
  if (Math.max(...samples) >= 1024) {
    console.log(`  a window wrote ${Math.max(...samples)} B: over 1 KB`);
    process.exitCode = 1;
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
