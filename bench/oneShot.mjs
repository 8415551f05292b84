// One call from a script: wall time and peak RSS of talon's one-shot
// commands against `node -e 0` and the peers a user would otherwise reach for
// (curl as the floor, HTTPie and Python requests where installed), measured
// interleaved in one run with a warm token, against `talon simulate`.
// Budgets (issue 14): request, replay and hash-search at most 2x `node -e 0`
// and under 60 MiB; --version within 1.3x; request faster than HTTPie and
// Python requests. A first call with no code cache yet is reported beside them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { failSample, report, stats } from './lib/report.mjs';
import { BIN, startSimProcess } from './lib/simProcess.mjs';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 21);
const sim = await startSimProcess();
const home = mkdtempSync(join(tmpdir(), 'talon-bench-oneshot-'));
const env = { ...process.env, TALON_HOME: home, FALCON_BASE_URL: sim.url, FALCON_CLIENT_ID: sim.id, FALCON_CLIENT_SECRET: sim.secret, NO_COLOR: '1' };
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete env[k];
const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const TIME = '/usr/bin/time';
const canTime = has(TIME, ['-f', '%M', 'true']);

const node = process.execPath;
const talon = (...args) => [node, BIN, ...args];
const path = '/devices/queries/devices/v1';
const run = (argv) => spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8' });

// Warm: a token in the cache, and a saved request to replay.
for (const argv of [talon('request', path, '-q', 'limit=2'), talon('saved', 'add', 'bench-hosts', path, '-q', 'limit=2')]) {
  const r = run(argv);
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
}
const token = JSON.parse(
  run(['curl', '-s', '-X', 'POST', `${sim.url}/oauth2/token`, '-d', `client_id=${sim.id}&client_secret=${sim.secret}`]).stdout,
).access_token;
const url = `${sim.url}${path}?limit=2`;

const cases = [
  ['node -e 0', [node, '-e', '0']],
  ['talon --version', talon('--version')],
  ['talon request (cached token)', talon('request', path, '-q', 'limit=2')],
  ['talon replay (saved request)', talon('replay', 'bench-hosts')],
  ['talon hash-search (sha256)', talon('hash-search', sim.sha, '--json')],
  // A new installation's (or a new build's) first call: no code cache yet, so it compiles and writes one.
  ['talon request (first call: no code cache)', talon('request', path, '-q', 'limit=2'), () => ({ NODE_COMPILE_CACHE: mkdtempSync(join(home, 'v8-')) })],
  ['curl', ['curl', '-s', '-H', `Authorization: Bearer ${token}`, url]],
];
if (has('http', ['--version'])) cases.push(['HTTPie', ['http', '--ignore-stdin', '--print=b', url, `Authorization:Bearer ${token}`]]);
if (has('python3', ['-c', 'import requests'])) {
  cases.push(['Python requests', ['python3', '-c', `import requests,sys; sys.stdout.write(requests.get(${JSON.stringify(url)}, headers={"Authorization": "Bearer ${token}"}).text)`]]);
}

const wall = new Map(cases.map(([label]) => [label, []]));
const rss = new Map(cases.map(([label]) => [label, []]));
for (let round = 0; round < ROUNDS + 1; round++) {
  for (const [label, argv, extraEnv] of cases) {
    const full = canTime ? [TIME, '-f', 'RSS_KB=%M', ...argv] : argv;
    const runEnv = extraEnv ? { ...env, ...extraEnv() } : env;
    const t = performance.now();
    const r = spawnSync(full[0], full.slice(1), { env: runEnv, encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0) {
      failSample(label, `exit ${r.status}: ${r.stderr.slice(0, 200)}`);
      continue;
    }
    if (round === 0) continue; // the file cache's warm-up round
    wall.get(label).push(ms);
    const kb = /RSS_KB=(\d+)/.exec(r.stderr)?.[1];
    if (kb) rss.get(label).push(Number(kb) / 1024);
  }
}
sim.stop();
rmSync(home, { recursive: true, force: true });

const base = wall.get('node -e 0');
console.log(`one-shot commands (${ROUNDS} interleaved rounds, warm token, wall time from spawn to exit)`);
report('node -e 0', base);
report('talon --version', wall.get('talon --version'), { baseline: base, budget: { ratio: 1.3 } });
const peers = ['HTTPie', 'Python requests'].filter((p) => wall.has(p));
const fastestPeer = peers.length ? Math.min(...peers.map((p) => stats(wall.get(p)).median)) : undefined;
for (const label of ['talon request (cached token)', 'talon replay (saved request)', 'talon hash-search (sha256)']) {
  const budget = { ratio: 2 };
  if (label.startsWith('talon request') && fastestPeer !== undefined) budget.under = fastestPeer;
  report(label, wall.get(label), { baseline: base, budget });
}
report('talon request (first call: no code cache)', wall.get('talon request (first call: no code cache)'), { baseline: base });
for (const label of ['curl', ...peers]) report(label, wall.get(label), { baseline: base });
if (!peers.length) console.log('  (HTTPie and Python requests not installed: no peer comparison)');
if (canTime) {
  console.log('peak RSS');
  for (const [label] of cases) {
    const budget = label.startsWith('talon') && label !== 'talon --version' ? { median: 60 } : {};
    report(label, rss.get(label), { unit: 'MiB', budget });
  }
} else console.log('  (no /usr/bin/time: peak RSS not measured)');
