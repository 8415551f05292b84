// Time from process start to the shell's first frame, and to the endpoint
// line being ready, for the bundled ./bin/talon in a pseudo-terminal
// (util-linux `script`). Prints medians over several runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/talon', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BUDGET_MS = 300;

function once() {
  return new Promise((resolve, reject) => {
    const home = mkdtempSync(join(tmpdir(), 'talon-bench-'));
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn('script', ['-qfec', `${process.execPath} ${BIN} --demo`, '/dev/null'], {
      env: { ...process.env, TALON_HOME: home, COLUMNS: '100', LINES: '30', TERM: 'xterm-256color' },
    });
    let out = '';
    let first;
    let ready;
    const timer = setTimeout(() => finish(new Error(`no frame within 10 s; output: ${out.slice(0, 200)}`)), 10_000);
    function finish(err) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
      if (err) reject(err);
      else resolve({ first, ready });
    }
    child.stdout.on('data', (d) => {
      out += d.toString();
      if (first === undefined && /talon|GET/.test(out)) first = ms();
      if (ready === undefined && out.includes('type a path')) {
        ready = ms();
        finish();
      }
    });
    child.on('error', finish);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const firsts = [];
const readies = [];
await once(); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  const r = await once();
  firsts.push(r.first);
  readies.push(r.ready);
}
const f = median(firsts);
const r = median(readies);
console.log(`startup (bundled ./bin/talon --demo in a pty, ${RUNS} runs)`);
console.log(`  first frame: median ${f.toFixed(0)} ms (budget ${BUDGET_MS} ms, ratio ${(f / BUDGET_MS).toFixed(2)})`);
console.log(`  endpoint line ready (simulator, session, catalog loaded): median ${r.toFixed(0)} ms`);
