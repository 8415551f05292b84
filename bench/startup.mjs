// Time from process start to the shell's first frame, and to the endpoint
// line being ready, for the bundled ./bin/talon in a pseudo-terminal
// (util-linux `script`), against `node -e 0` measured interleaved in the same
// run. Budgets (issue 14): first frame at most 2.5x `node -e 0`; the endpoint
// line (simulator, session and catalog loaded) at most 10x.
import { spawn, spawnSync } from 'node:child_process';
import { report } from './lib/report.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/talon', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/** The shell under `script` gets SIGHUP and writes its cache as it exits: remove its home once it has. */
async function removeHome(home) {
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(home, { recursive: true, force: true });
      return;
    } catch (e) {
      if (attempt >= 100) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

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
      removeHome(home).then(() => (err ? reject(err) : resolve({ first, ready })), reject);
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

function nodeBaseline() {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const firsts = [];
const readies = [];
const base = [];
await once(); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  base.push(nodeBaseline());
  const r = await once();
  firsts.push(r.first);
  readies.push(r.ready);
}
console.log(`startup (bundled ./bin/talon --demo in a pty, ${RUNS} runs interleaved with node -e 0)`);
report('node -e 0', base);
report('first frame', firsts, { baseline: base, budget: { ratio: 2.5 } });
report('endpoint line ready (simulator, session, catalog)', readies, { baseline: base, budget: { ratio: 10 } });
