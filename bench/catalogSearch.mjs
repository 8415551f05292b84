// Endpoint catalog benchmark: how long loading the bundled catalog takes (in
// fresh processes, as a one-shot command would), and how long each keystroke's
// search over the whole catalog takes while 50 realistic queries are typed
// character by character. Budget: load < 30 ms; search median < 1 ms, p99 < 5 ms.
// The catalog modules are bundled with esbuild as the CLI bundles them, the
// catalog's text read from JSON files as the built CLI reads it.
import { build } from 'esbuild';
import { catalogTextPlugin, writeCatalogFiles } from '../scripts/catalogText.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}node_modules/.cache/talon-bench`;
mkdirSync(outdir, { recursive: true });
const entry = `${outdir}/catalogEntry.ts`;
writeFileSync(
  entry,
  [
    `export { bundledCatalog } from '${root}src/core/catalog/loadCatalog.ts';`,
    `export { catalogIndex } from '${root}src/core/catalog/catalogIndex.ts';`,
    `export { searchCatalog } from '${root}src/core/catalog/searchCatalog.ts';`,
  ].join('\n'),
);
const bundle = `${outdir}/catalog.mjs`;
await writeCatalogFiles(`${outdir}/catalog`);
await build({
  entryPoints: [entry], outfile: bundle, bundle: true, format: 'esm', platform: 'node', target: 'node20', minifySyntax: true, logLevel: 'warning',
  plugins: [catalogTextPlugin("new URL('./catalog/', here)")],
});

// 50 queries people type: intent words, resource names, operation ids, paths.
const QUERIES = [
  'contain', 'lift containment', 'hash devices', 'alerts', 'vuln', 'hosts', 'host groups', 'query devices by filter',
  'device details', 'online state', 'hide host', 'ioc', 'indicators', 'create ioc', 'sha256', 'spotlight vulnerabilities',
  'cve', 'incidents', 'crowdscore', 'detects', 'rtr session', 'real time response', 'run command', 'put files',
  'scripts', 'prevention policies', 'sensor update policy', 'firewall rules', 'device control', 'users', 'user roles',
  'mssp children', 'cid groups', 'oauth2 token', 'revoke', 'quarantine', 'sandbox submit', 'intel actors',
  'intel indicators', 'recon notifications', 'discover assets', 'zero trust', 'cspm', 'kubernetes', 'containers',
  'workflows', 'alerts update', '/devices/entities/devices-actions/v2', '/alerts/queries/alerts/v2', 'qdbf',
];
// Typed first, untimed, so that what is measured is a warmed-up session.
const WARMUP = ['network', 'policy', 'scan', 'report', 'export', 'filevantage', 'identity', 'message center', '/spotlight/', 'tags'];

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
  return { n: s.length, median: at(0.5), p90: at(0.9), p99: at(0.99), max: s[s.length - 1] };
}
const ms = (x) => `${x.toFixed(3)} ms`;

// Loading: import the bundle, decode, build the search index; fresh process each time.
const loadScript = `
  const t0 = performance.now();
  const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
  m.catalogIndex(m.bundledCatalog());
  process.stdout.write(String(performance.now() - t0));
`;
const loads = [];
for (let i = 0; i < 15; i++) {
  loads.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', loadScript], { encoding: 'utf8' })));
}
const load = stats(loads);

// Searching: every prefix of every query, over the whole catalog, 20 results as the shell shows.
// One catalog for the whole run, as in a shell session; the first keystroke after loading
// (which also fills the index's lazily computed parts) is reported on its own.
const m = await import(pathToFileURL(bundle).href);
const keystrokes = (queries) => queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
const catalog = m.bundledCatalog();
m.catalogIndex(catalog);
const t0 = performance.now();
m.searchCatalog(catalog, 'c', { limit: 20 });
const firstKeystroke = performance.now() - t0;
for (const k of keystrokes(WARMUP)) m.searchCatalog(catalog, k, { limit: 20 });
const times = [];
for (let pass = 0; pass < 3; pass++) {
  for (const k of keystrokes(QUERIES)) {
    const t = performance.now();
    m.searchCatalog(catalog, k, { limit: 20 });
    times.push(performance.now() - t);
  }
}
const search = stats(times);

const budget = { load: 30, median: 1, p99: 5 };
const over = [];
if (load.median > budget.load) over.push(`load median ${ms(load.median)} > ${budget.load} ms`);
if (search.median > budget.median) over.push(`search median ${ms(search.median)} > ${budget.median} ms`);
if (search.p99 > budget.p99) over.push(`search p99 ${ms(search.p99)} > ${budget.p99} ms`);
console.log(`catalog: ${catalog.operations.length} operations (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(`  load (import + decode + index, fresh process) median ${ms(load.median)}, max ${ms(load.max)} over ${load.n} runs  [budget 30 ms]`);
console.log(
  `  search per keystroke: median ${ms(search.median)}, p90 ${ms(search.p90)}, p99 ${ms(search.p99)}, max ${ms(search.max)} ` +
    `over ${search.n} keystrokes (${QUERIES.length} queries x 3 passes)  [budget median 1 ms, p99 5 ms]`,
);
console.log(`  first search after loading (fills the index's lazy parts): ${ms(firstKeystroke)}`);
if (over.length > 0) {
  console.log(`  OVER BUDGET: ${over.join('; ')}`);
  process.exitCode = 1;
} else console.log('  within budget');
