import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome, modeOf } from '../helpers/tempHome.js';
import { startReceiver, type Receiver } from '../helpers/webhookReceiver.js';
import type { Vulnerability } from '../../src/sim/tenant/records/vulnerabilities.js';

const SECRET = 'Bearer s3cr3t-webhook-token-42';
const SECRET_PATH = 'hook-7f3a9c1e5b';
const TEMPLATE = '{"fields":{"summary":"{{title}}","description":"{{body}}","labels":"{{labels}}","priority":{"name":"{{jira_priority}}"}},"talon":{"action":"{{action}}","previous":"{{ticket_id}}","hosts":"{{count}}"}}';

let h: SimHarness;
let receiver: Receiver;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
afterEach(() => receiver?.close());

function setup(): { home: string; env: NodeJS.ProcessEnv; template: string; state: string } {
  const c = h.sim.clients.demo;
  const { home, env } = tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', TALON_WEBHOOK_AUTH: SECRET });
  const template = join(home, 'template.json');
  writeFileSync(template, TEMPLATE);
  return { home, env, template, state: join(home, 'tickets-state.json') };
}

const kevOpen = (): Vulnerability[] => [...h.sim.tenant.vulnerabilities.values()].filter((v) => (v.status === 'open' || v.status === 'reopen') && v.cve.cisa_info?.is_cisa_kev === true);

describe('talon vulns tickets --webhook', () => {
  it('one POST per CVE with the template filled (values JSON-escaped); a re-run sends none; a changed CVE is one update', async () => {
    receiver = await startReceiver();
    const { env, template, state } = setup();
    const cves = new Set(kevOpen().map((v) => v.cve.id));
    const args = ['vulns', 'tickets', '--group-by', 'cve', '--preset', 'kev', '--webhook', `${receiver.url}/${SECRET_PATH}/issue`, '--template', template, '--state', state];
    const first = await runTalon(args, { env });
    expect(first.code, first.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(cves.size);
    for (const r of receiver.requests) {
      expect(r.method).toBe('POST');
      expect(r.url).toBe(`/${SECRET_PATH}/issue`);
      expect(r.headers.authorization).toBe(SECRET);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
      // A Markdown body with quotes and newlines arrives intact, inside its JSON string.
      expect(r.body.fields.description).toContain('### How to fix\n\n- **');
      expect(r.body.fields.labels).toEqual(expect.arrayContaining(['falcon-spotlight', 'cisa-kev']));
      expect(r.body.fields.priority).toEqual({ name: 'Highest' });
      expect(r.body.talon).toMatchObject({ action: 'create', previous: '' });
      expect(typeof r.body.talon.hosts).toBe('number');
    }
    expect(new Set(receiver.requests.map((r) => r.body.fields.summary.split(' ')[0]))).toEqual(cves);
    expect(modeOf(statSync(state).mode)).toBe(0o600);

    // Again: nothing new, nothing sent.
    const again = await runTalon(args, { env });
    expect(again.code).toBe(0);
    expect(receiver.requests).toHaveLength(cves.size);
    expect(again.stderr).toContain(`0 created, 0 updated, ${cves.size} unchanged.`);

    // One host fixes one CVE (the simulator's data changes): exactly one update, naming the ticket created before.
    const target = kevOpen().find((v) => kevOpen().filter((x) => x.cve.id === v.cve.id).length > 1)!;
    const created = receiver.requests.findIndex((r) => r.body.fields.summary.startsWith(`${target.cve.id} `));
    h.sim.changeTenant((t) => t.vulnerabilities.set(target.id, { ...target, status: 'closed', closed_timestamp: new Date().toISOString() }));
    const third = await runTalon(args, { env });
    expect(third.code, third.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(cves.size + 1);
    const update = receiver.requests.at(-1)!;
    expect(update.body.talon).toEqual({ action: 'update', previous: `VULN-${created + 1}`, hosts: kevOpen().filter((x) => x.cve.id === target.cve.id).length });
    expect(third.stderr).toContain(`0 created, 1 updated, ${cves.size - 1} unchanged.`);

    // Neither the state file nor anything printed holds the auth header or the webhook URL.
    const everything = [readFileSync(state, 'utf8'), first.stdout, first.stderr, again.stdout, again.stderr, third.stdout, third.stderr].join('\n');
    expect(everything).not.toContain('s3cr3t');
    expect(everything).not.toContain(SECRET_PATH);
    expect(everything).not.toContain(receiver.url);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.tickets[`cve:${target.cve.id}`]).toMatchObject({ ticketId: `VULN-${created + 1}`, sends: 2 });
  });

  it('--update-url sends updates with their own method to a URL naming the ticket', async () => {
    receiver = await startReceiver();
    const { env, template, state } = setup();
    const v = kevOpen()[0]!;
    const args = ['vulns', 'tickets', '--group-by', 'host', '--preset', `cve:${v.cve.id}`, '--webhook', `${receiver.url}/issue`, '--update-url', `${receiver.url}/issue/{{ticket_id}}`, '--template', template, '--state', state];
    expect((await runTalon(args, { env })).code).toBe(0);
    const n = receiver.requests.length;
    expect(n).toBeGreaterThan(0);
    const key = JSON.parse(readFileSync(state, 'utf8')).tickets[`host:${v.aid}`].ticketId;
    h.sim.changeTenant((t) => t.vulnerabilities.set(v.id, { ...v, cve: { ...v.cve, exploit_status: 60 } }));
    const r = await runTalon(args, { env });
    expect(r.code, r.stderr).toBe(0);
    expect(receiver.requests.slice(n).map((x) => [x.method, x.url])).toEqual([['PUT', `/issue/${key}`]]);
  });

  it('retries a 429 (honouring Retry-After) and a 503, then goes on', async () => {
    receiver = await startReceiver();
    receiver.script.push({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } }, { status: 503 });
    const { env, template } = setup();
    const v = kevOpen()[0]!;
    const r = await runTalon(['vulns', 'tickets', '--group-by', 'cve', '--preset', `cve:${v.cve.id}`, '--webhook', `${receiver.url}/issue`, '--template', template], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(receiver.requests.map((x) => x.body.fields.summary)).toEqual(Array(3).fill(receiver.requests[0]!.body.fields.summary));
    expect(new Set(receiver.requests.map((x) => x.headers['idempotency-key'])).size).toBe(1);
    expect(r.stderr).toContain('talon: the webhook answered 429; retrying in 1.0 s (attempt 2).');
    expect(r.stderr).toMatch(/talon: the webhook answered 503; retrying in \d+\.\d s \(attempt 3\)\./);
    expect(r.stderr).toContain(`talon: created cve:${v.cve.id} as VULN-1`);
  });

  it('a rejected ticket stops the run with exit 1, the receiver\'s answer shown without the secret; the state keeps what landed', async () => {
    receiver = await startReceiver((req, n) => (n === 2 ? { status: 400, body: { errorMessages: [`bad field; you sent ${req.headers.authorization}`] } } : { status: 201, body: { key: `VULN-${n}` } }));
    const { env, template, state } = setup();
    const r = await runTalon(['vulns', 'tickets', '--group-by', 'cve', '--preset', 'kev', '--webhook', `${receiver.url}/issue`, '--template', template, '--state', state], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/talon: The webhook answered 400 to ticket cve:CVE-\S+ \(create\), so sending stopped\./);
    expect(r.stderr).toContain('bad field; you sent [redacted]');
    expect(r.stderr).not.toContain('s3cr3t');
    expect(r.stderr).toContain('1 ticket was sent before it and recorded in the state file; a re-run goes on from there.');
    expect(Object.keys(JSON.parse(readFileSync(state, 'utf8')).tickets)).toHaveLength(1);
  });

  it('checks its input before calling anything', async () => {
    const { env, home, template } = setup();
    const bad = join(home, 'bad.json');
    writeFileSync(bad, '{"summary":"{{titel}}"}');
    const cases: [string[], RegExp][] = [
      [['--webhook', 'http://127.0.0.1:9/x'], /needs --template FILE/],
      [['--webhook', 'ftp://x', '--template', template], /--webhook must be an http or https URL/],
      [['--webhook', 'http://127.0.0.1:9/x', '--template', bad], /unknown placeholder \{\{titel\}\}; known: title, body/],
      [['--template', template], /--template is for a webhook/],
      [['--webhook', 'http://127.0.0.1:9/x', '--template', template, '--out', home], /Choose one destination/],
    ];
    for (const [args, message] of cases) {
      const r = await runTalon(['vulns', 'tickets', '--group-by', 'cve', ...args], { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
