// Generic responder benchmark: how long the simulator takes to answer catalog
// operations that no hand-modelled route serves, at the default tenant size and
// at 100,000 hosts. Measures the first such request (it loads and parses the
// simulator's catalog), then per-request latency over keep-alive HTTP for a
// query (ids), an entities lookup, a combined page of 100 records and a write.
// Budget at 100,000 hosts: median < 5 ms per request (< 25 ms for the page of records).
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';

const { startSimulator } = await import(new URL('../dist/sim.js', import.meta.url).href);

const ROUNDS = 300;
const CALLS = [
  { name: 'query (ids)', method: 'GET', path: '/policy/queries/prevention/v1', query: 'limit=100' },
  { name: 'entities (10 ids)', method: 'GET', path: '/policy/entities/prevention/v1', ids: true },
  { name: 'combined (100 records)', method: 'GET', path: '/policy/combined/prevention/v1', query: 'limit=100' },
  { name: 'write (create)', method: 'POST', path: '/policy/entities/prevention/v1', body: { resources: [{ name: 'bench', platform_name: 'Windows' }] } },
];

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

let over = false;
for (const hosts of [500, 100_000]) {
  const t0 = performance.now();
  const sim = await startSimulator({ port: 0, hosts, log: () => {} });
  const started = performance.now() - t0;
  const agent = new Agent({ connections: 1 });
  const form = new URLSearchParams({ client_id: sim.clients.demo.id, client_secret: sim.clients.demo.secret });
  const tokenRes = await request(`${sim.url}/oauth2/token`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const token = (await tokenRes.body.json()).access_token;
  const call = async (c, ids) => {
    const qs = c.ids ? ids.slice(0, 10).map((i) => `ids=${i}`).join('&') : (c.query ?? '');
    const res = await request(`${sim.url}${c.path}${qs ? `?${qs}` : ''}`, {
      method: c.method,
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, ...(c.body ? { 'content-type': 'application/json' } : {}) },
      body: c.body ? JSON.stringify(c.body) : undefined,
    });
    const body = await res.body.json();
    if (res.statusCode >= 300) throw new Error(`${c.path}: ${res.statusCode} ${JSON.stringify(body.errors)}`);
    return body;
  };
  const t1 = performance.now();
  const first = await call(CALLS[0], []);
  const firstMs = performance.now() - t1;
  const ids = first.resources;
  console.log(`${hosts.toLocaleString('en-US')} hosts: simulator up in ${started.toFixed(0)} ms; first generic request (loads the catalog) ${firstMs.toFixed(1)} ms; family size ${first.meta.pagination.total}`);
  for (const c of CALLS) {
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = performance.now();
      await call(c, ids);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const median = pct(times, 0.5);
    const p99 = pct(times, 0.99);
    const bad = hosts === 100_000 && median > (c.name.startsWith("combined") ? 25 : 5);
    over ||= bad;
    console.log(`  ${c.name.padEnd(24)} median ${median.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms${bad ? '  OVER BUDGET' : ''}`);
  }
  console.log(`  rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
  await agent.close();
  await sim.close();
}
if (over) process.exit(1);
