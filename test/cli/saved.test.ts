import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon, type RunResult } from '../helpers/talonBinary.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function simEnv(kind: 'demo' | 'readOnly' = 'demo'): { home: string; env: NodeJS.ProcessEnv } {
  return h.home(kind);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const HOSTNAME = "hostname:'{{hostname}}'";

async function addFindHost(env: NodeJS.ProcessEnv): Promise<RunResult> {
  return runTalon(['saved', 'add', 'find-host', '/devices/queries/devices/v1', '-q', `filter=${HOSTNAME}`, '--description', 'Find a host by name'], { env });
}

describe('talon saved', () => {
  it('adds, lists, shows and removes requests in the default collection', async () => {
    const { env, home } = simEnv();
    const add = await addFindHost(env);
    expect(add.code).toBe(0);
    const file = join(home, 'config', 'collection', 'find-host.json');
    expect(add.stderr).toBe(`talon: saved find-host in ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(
      `{\n  "description": "Find a host by name",\n  "method": "GET",\n  "path": "/devices/queries/devices/v1",\n  "query": {\n    "filter": "hostname:'{{hostname}}'"\n  },\n  "variables": {\n    "hostname": {}\n  }\n}\n`,
    );
    const again = await addFindHost(env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists .* pass --force/);

    const list = await runTalon(['saved', 'list'], { env });
    expect(list.stdout).toBe('find-host  GET     /devices/queries/devices/v1  Find a host by name ({{hostname}})\n');
    const json = JSON.parse((await runTalon(['saved', 'list', '--json'], { env })).stdout);
    expect(json).toEqual([{ name: 'find-host', description: 'Find a host by name', method: 'GET', path: '/devices/queries/devices/v1', query: { filter: HOSTNAME }, variables: { hostname: {} } }]);
    expect((await runTalon(['saved', 'show', 'find-host'], { env })).stdout).toBe(readFileSync(file, 'utf8'));

    const rm = await runTalon(['saved', 'remove', 'find-host'], { env });
    expect(rm.code).toBe(0);
    expect(existsSync(file)).toBe(false);
    const unknown = await runTalon(['saved', 'show', 'find-host'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^talon: No saved request named 'find-host' in .*collection\. It has no saved requests yet\.\n$/);
  });

  it('saves a history entry with --from-history', async () => {
    const { env } = simEnv();
    await runTalon(['request', '/devices/queries/devices/v1', '-q', "filter=platform_name:'Linux'", '-q', 'limit=3'], { env });
    const add = await runTalon(['saved', 'add', 'linux-hosts', '--from-history', '1', '--description', 'Linux hosts'], { env });
    expect(add.code).toBe(0);
    const r = await runTalon(['replay', 'linux-hosts'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).resources).toHaveLength(3);
  });

  it('lists the good files and one line per bad file naming the file and the field', async () => {
    const { env, home } = simEnv();
    const dir = join(home, 'team');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.json'), '{"description": "ok", "method": "GET", "path": "/devices/queries/devices/v1"}\n');
    writeFileSync(join(dir, 'typo.json'), '{"method": "GET", "path": "/x", "querry": {"a": "b"}}\n');
    writeFileSync(join(dir, 'method.json'), '{"method": "FETCH", "path": "/x"}\n');
    const r = await runTalon(['saved', 'list', '--collection', dir], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('good  GET     /devices/queries/devices/v1  ok\n');
    expect(r.stderr.trim().split('\n')).toEqual([
      `talon: skipped ${join(dir, 'method.json')}: method: must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS`,
      `talon: skipped ${join(dir, 'typo.json')}: querry: unknown field (expected description, method, path, query, body, variables)`,
    ]);
    const replayBad = await runTalon(['replay', 'typo', '--collection', dir], { env });
    expect(replayBad.code).toBe(2);
    expect(replayBad.stderr).toContain('typo.json: querry: unknown field');
  });

  it('imports a curl command (argument or standard input) and exports it back', async () => {
    const { env } = simEnv();
    const curl = `curl -s -H "Authorization: Bearer $TOKEN" -G "$SIM/devices/queries/devices/v1" --data-urlencode "filter=hostname:'$HOST'" -d limit=5 | jq .`;
    const preview = await runTalon(['saved', 'import-curl'], { env, input: curl });
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.stdout)).toEqual({ description: '', method: 'GET', path: '/devices/queries/devices/v1', query: { filter: "hostname:'{{HOST}}'", limit: '5' }, variables: { HOST: {} } });
    expect(preview.stderr).toContain('talon: Dropped the Authorization header');
    const saved = await runTalon(['saved', 'import-curl', curl, '--name', 'by-host', '--description', 'imported'], { env });
    expect(saved.code).toBe(0);
    const replay = await runTalon(['replay', 'by-host', '--var', `HOST=${h.sim.samples.hostnames[0]}`], { env });
    expect(JSON.parse(replay.stdout).resources).toHaveLength(1);

    const out = await runTalon(['saved', 'export', 'by-host', '--curl', '--var', 'HOST=WS-01'], { env });
    expect(out.stdout).toBe(`curl "${h.sim.url}/devices/queries/devices/v1?filter=hostname%3A'WS-01'&limit=5" \\\n  -H "Authorization: Bearer $FALCON_TOKEN"\n`);
    const talon = await runTalon(['saved', 'export', 'by-host', '--talon'], { env });
    expect(talon.stdout).toBe(`talon request /devices/queries/devices/v1 -q "filter=hostname:'{{HOST}}'" -q limit=5\n`);
    expect(talon.stderr).toBe('talon: left {{HOST}} unfilled: pass --var NAME=VALUE to fill it.\n');
    // Round trip through the CLI: the exported curl imports as the same request.
    const back = await runTalon(['saved', 'import-curl'], { env, input: out.stdout });
    expect(JSON.parse(back.stdout).query).toEqual({ filter: "hostname:'WS-01'", limit: '5' });

    const form = await runTalon(['saved', 'import-curl', 'curl -X POST https://h/oauth2/token -d client_id=x -d client_secret=y'], { env });
    expect(form.code).toBe(2);
    expect(form.stderr).toMatch(/^talon: The curl command sends form data/);
  });
});

describe('talon replay', () => {
  it('takes variables from --var, then TALON_VAR_<name>, then the default; a missing one is named (exit 2)', async () => {
    const { env, home } = simEnv();
    const dir = join(home, 'c');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'hosts.json'),
      JSON.stringify({
        description: 'hosts of a platform',
        method: 'GET',
        path: '/devices/queries/devices/v1',
        query: { filter: "platform_name:'{{platform}}'", limit: '{{limit}}' },
        variables: { platform: { description: 'Windows, Mac or Linux' }, limit: { default: '2' } },
      }),
    );
    const missing = await runTalon(['replay', 'hosts', '--collection', dir], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "talon: The saved request 'hosts' needs a value for {{platform}} (Windows, Mac or Linux): pass --var platform=VALUE, or set TALON_VAR_platform.\n",
    );
    const total = (r: RunResult): number => JSON.parse(r.stdout).meta.pagination.total;
    const linux = [...h.sim.tenant.hosts.values()].filter((x) => x.platform_name === 'Linux').length;
    const mac = [...h.sim.tenant.hosts.values()].filter((x) => x.platform_name === 'Mac').length;

    const fromDefault = await runTalon(['replay', 'hosts', '--collection', dir, '--var', 'platform=Linux'], { env });
    expect(fromDefault.code).toBe(0);
    expect(JSON.parse(fromDefault.stdout).resources).toHaveLength(2);
    expect(total(fromDefault)).toBe(linux);

    const fromEnv = await runTalon(['replay', 'hosts', '--collection', dir], { env: { ...env, TALON_VAR_platform: 'Mac', TALON_VAR_limit: '3' } });
    expect(total(fromEnv)).toBe(mac);
    expect(JSON.parse(fromEnv.stdout).resources).toHaveLength(3);

    const flagWins = await runTalon(['replay', 'hosts', '--collection', dir, '--var', 'platform=Linux', '--var', 'limit=1'], { env: { ...env, TALON_VAR_platform: 'Mac' } });
    expect(total(flagWins)).toBe(linux);
    expect(JSON.parse(flagWins.stdout).resources).toHaveLength(1);

    const badVar = await runTalon(['replay', 'hosts', '--collection', dir, '--var', 'platform'], { env });
    expect(badVar.code).toBe(2);
    expect(badVar.stderr).toMatch(/^talon: Invalid --var 'platform': write it as name=value/);
  });

  it('has the output formats, paging, confirmation and exit codes of talon request', async () => {
    const { env, home } = simEnv();
    const dir = join(home, 'c');
    mkdirSync(dir);
    writeFileSync(join(dir, 'all-hosts.json'), JSON.stringify({ method: 'GET', path: '/devices/queries/devices/v1', query: { limit: '100' } }));
    writeFileSync(join(dir, 'hide.json'), JSON.stringify({ method: 'POST', path: '/devices/entities/devices-actions/v2', query: { action_name: 'hide_host' }, body: { ids: '{{ids}}' }, variables: { ids: { type: 'list' } } }));
    writeFileSync(join(dir, 'broken-filter.json'), JSON.stringify({ method: 'GET', path: '/devices/queries/devices/v1', query: { filter: "hostname:'x" } }));

    const all = await runTalon(['replay', 'all-hosts', '--collection', dir, '--all', '-o', 'ndjson'], { env });
    expect(all.stdout.trim().split('\n')).toHaveLength(500);
    const some = await runTalon(['replay', 'all-hosts', '--collection', dir, '--max-items', '120', '-o', 'context'], { env });
    expect(JSON.parse(some.stdout).CrowdStrike['all-hosts']).toHaveLength(120);

    const id = [...h.sim.tenant.hosts.values()].find((x) => x.status === 'normal' && x.host_hidden_status === 'visible')?.device_id as string;
    const refused = await runTalon(['replay', 'hide', '--collection', dir, '--var', `ids=${id}`], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes');
    expect(h.sim.tenant.hosts.get(id)?.host_hidden_status).toBe('visible');
    const readOnly = await runTalon(['replay', 'hide', '--collection', dir, '--var', `ids=${id}`, '--yes'], { env: simEnv('readOnly').env });
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toContain('(403)');
    const sent = await runTalon(['replay', 'hide', '--collection', dir, '--var', `ids=${id}`, '--yes'], { env });
    expect(sent.code).toBe(0);
    expect(h.sim.tenant.hosts.get(id)?.host_hidden_status).toBe('hidden');

    const apiError = await runTalon(['replay', 'broken-filter', '--collection', dir], { env });
    expect(apiError.code).toBe(1);
    expect(apiError.stderr).toMatch(/^talon: The API rejected the request as invalid \(400\)/);
    const unknown = await runTalon(['replay', 'nope', '--collection', dir], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No saved request named 'nope' .*Saved requests there: all-hosts, broken-filter, hide\./);

    const history = JSON.parse((await runTalon(['history', '--json'], { env })).stdout);
    expect(history.map((e: { status: number }) => e.status)).toEqual([400, 202, 200, 200]); // the refused call was never sent, so it is not there
  });
});

describe('secrets', () => {
  it('after a session of calls, neither the client secret nor the token is anywhere but the token cache', async () => {
    const { env, home } = simEnv();
    const secret = h.sim.clients.demo.secret;
    const outputs: RunResult[] = [];
    const run = async (args: string[], input?: string): Promise<void> => {
      const r = await runTalon(args, { env, input });
      expect({ args, code: r.code, stderr: r.stderr }).toMatchObject({ args, code: 0 });
      outputs.push(r);
    };
    await run(['request', '/devices/queries/devices/v1', '-q', 'limit=2']);
    await run(['request', '/devices/entities/devices/v2', '-X', 'POST', '-d', JSON.stringify({ ids: [[...h.sim.tenant.hosts.keys()][0]] })]);
    await run(['request', '/devices/queries/devices/v1', '--max-items', '150', '-o', 'ndjson']);
    await run(['saved', 'add', 'find-host', '/devices/queries/devices/v1', '-q', `filter=${HOSTNAME}`]);
    await run(['replay', 'find-host', '--var', `hostname=${h.sim.samples.hostnames[0]}`]);
    await run(['saved', 'add', 'from-history', '--from-history', '2']);
    await run(['saved', 'import-curl', '--name', 'imported'], `curl -H "Authorization: Bearer ${secret}" -u id:${secret} ${h.sim.url}/devices/queries/devices/v1?limit=1`);
    await run(['replay', 'imported']);
    await run(['history']);
    await run(['history', '--json']);
    await run(['history', 'export', '1', '--curl']);
    await run(['history', 'export', '2', '--talon']);
    await run(['saved', 'export', 'find-host', '--curl']);
    await run(['saved', 'list', '--json']);

    const cache = join(home, 'cache', 'tokens.json');
    const token = (JSON.stringify(JSON.parse(readFileSync(cache, 'utf8'))).match(/"(?:access_?[tT]oken|token)":"([^"]+)"/) ?? [])[1];
    expect(token, 'the token cache holds the token').toBeTruthy();
    expect(token!.length).toBeGreaterThan(20);
    for (const r of outputs) {
      for (const text of [r.stdout, r.stderr]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(token);
      }
    }
    const files = filesUnder(home);
    expect(files).toContain(join(home, 'data', 'history.jsonl'));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text.includes(secret), `${f} has the client secret`).toBe(false);
      if (f !== cache) expect(text.includes(token as string), `${f} has the token`).toBe(false);
    }
  });
});
