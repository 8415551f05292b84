// Shell completion runs one `talon __complete` process per Tab: its wall time
// from spawn to exit, against `node -e 0` measured interleaved in the same run,
// with the bundled catalog (no imported one) and a TALON_HOME with profiles.
// Budgets (issue 13: "the completion of a path answers in well under 100 ms"):
// completing a path segment, a subcommand or a flag at most 100 ms median and
// at most 2x `node -e 0` (Node 22 starts in ~30 ms, where a ratio says more
// than the 100 ms); `talon --version` is in oneShot.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { failSample, report } from './lib/report.mjs';
import { BIN } from './lib/simProcess.mjs';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 21);
const home = mkdtempSync(join(tmpdir(), 'talon-bench-complete-'));
mkdirSync(join(home, 'config'), { recursive: true });
writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({ profiles: { prod: { cloud: 'us-1', clientId: 'x' }, lab: { cloud: 'eu-1', clientId: 'y' } } }));
const env = { ...process.env, TALON_HOME: home };

const node = process.execPath;
const complete = (...words) => [node, BIN, '__complete', ...words];
// What each case must answer, so a fast wrong answer (or none) fails the bench.
const cases = [
  ['node -e 0', [node, '-e', '0'], undefined],
  ['path segment: request /devices/entities/', complete('request', '/devices/entities/'), '/devices/entities/devices/'],
  ['first segment: request /', complete('request', '/'), '/devices/'],
  ['subcommand: re', complete('re'), 'request'],
  ['flag: request --pro', complete('request', '--pro'), '--profile'],
  ['profile: request --profile ""', complete('request', '--profile', ''), 'prod'],
];

const wall = new Map(cases.map(([label]) => [label, []]));
for (let round = 0; round < ROUNDS + 1; round++) {
  for (const [label, argv, expected] of cases) {
    const t = performance.now();
    const r = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0 || (expected !== undefined && !r.stdout.split('\n').includes(expected))) {
      failSample(label, `exit ${r.status}, expected ${expected} among: ${r.stdout.slice(0, 200)} ${r.stderr.slice(0, 200)}`);
      continue;
    }
    if (round === 0) continue; // the file cache's warm-up round
    wall.get(label).push(ms);
  }
}
rmSync(home, { recursive: true, force: true });

const base = wall.get('node -e 0');
console.log(`shell completion: one \`talon __complete\` per Tab (${ROUNDS} interleaved rounds, wall time from spawn to exit)`);
report('node -e 0', base);
for (const [label] of cases.slice(1)) report(label, wall.get(label), { baseline: base, budget: { median: 100, ratio: 2 } });
