// Bad input is a sentence with exit 2 or 4, never `internal error` (70).
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { startBrokenServer, type BrokenServer } from '../helpers/hostile/brokenServer.js';

const noProxy = { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_COLOR: '1' };
const servers: BrokenServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** One `talon:` sentence on stderr, never an internal error. */
function expectSentence(r: { code: number | null; stderr: string }, code: number, text: string | RegExp): void {
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).toMatch(typeof text === 'string' ? new RegExp(`^talon: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : text);
  expect(r.code).toBe(code);
}

describe('local files and directories', () => {
  it('a history or audit path that is a directory', async () => {
    const { home, env } = tempHome();
    mkdirSync(join(home, 'data', 'history.jsonl'), { recursive: true });
    mkdirSync(join(home, 'data', 'audit.jsonl'), { recursive: true });
    expectSentence(await runTalon(['history'], { env }), 2, `Cannot read the history file ${join(home, 'data', 'history.jsonl')}: it is a directory`);
    expectSentence(await runTalon(['audit'], { env }), 2, `Cannot read the audit log ${join(home, 'data', 'audit.jsonl')}: it is a directory`);
  });

  it('a TALON_HOME that is a file', async () => {
    const { home } = tempHome();
    const file = join(home, 'not-a-dir');
    writeFileSync(file, '');
    const env = { TALON_HOME: file };
    expectSentence(await runTalon(['history'], { env }), 2, /a part of the path is a file, not a directory\./);
    expectSentence(await runTalon(['profile', 'list'], { env }), 2, /a part of the path is a file, not a directory\./);
  });

  it('a TALON_HOME state directory others may write is refused', async () => {
    const { home, env } = tempHome();
    mkdirSync(join(home, 'config'), { recursive: true });
    chmodSync(join(home, 'config'), 0o777);
    expectSentence(await runTalon(['profile', 'list'], { env }), 2, /talon refuses the state directory .*config: group or others may write it \(mode 777\)/);
  });
});

describe('flags', () => {
  const creds = { FALCON_CLIENT_ID: 'id', FALCON_CLIENT_SECRET: 'secret', FALCON_BASE_URL: 'http://127.0.0.1:9', ...noProxy };
  it('an unusable --proxy, and --timeout past a day', async () => {
    const { env } = tempHome(creds);
    expectSentence(await runTalon(['request', '/devices/queries/devices/v1', '--proxy', 'ht!tp://::'], { env }), 2, "The proxy URL 'ht!tp://::' is not a valid proxy URL");
    expectSentence(await runTalon(['request', '/devices/queries/devices/v1', '--timeout', '99999999999'], { env }), 2, "--timeout must be at most 86400 seconds (24 hours); got '99999999999'.");
  });

  it("the shell's flag errors are printed on the normal screen with exit 2, and never fall back to the demo", async () => {
    const { env } = tempHome(noProxy);
    expectSentence(await runTalon(['--timeout', 'abc'], { env }), 2, "--timeout must be a positive number of seconds; got 'abc'.");
    expectSentence(await runTalon(['--profile', 'nosuch'], { env }), 2, 'No profile named "nosuch"');
    expectSentence(await runTalon(['--cloud', 'mars'], { env }), 2, 'Unknown cloud "mars"');
    expectSentence(await runTalon(['--base-url', 'not a url'], { env }), 2, '"not a url" is not an API base URL');
    expectSentence(await runTalon(['--member-cid', 'zz'], { env }), 2, '"zz" is not a member CID');
    expectSentence(await runTalon(['--proxy', 'ht!tp://::'], { env }), 2, "The --proxy value 'ht!tp://::' is not a valid proxy URL");
    expectSentence(await runTalon(['--cloud', 'us-2'], { env }), 2, '--cloud names a tenant, but there are no credentials for it');
  });

  it('simulate on a port already bound', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      expectSentence(await runTalon(['simulate', '--port', String(port)]), 2, `Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});

describe('curl imports and collections', () => {
  it('a 5 MB curl import and an unbalanced quote are errors', async () => {
    const { env } = tempHome();
    const big = `curl https://api.crowdstrike.com/devices/queries/devices/v1 -d '${'a'.repeat(5_000_000)}'`;
    expectSentence(await runTalon(['saved', 'import-curl'], { env, input: big }), 2, /^talon: The curl command is 4,883 KB; talon reads at most 256 KB\./);
    expectSentence(await runTalon(['saved', 'import-curl', "curl 'https://api.crowdstrike.com/devices/queries/devices/v1", '--name', 'x'], { env }), 2, "The command has an unclosed ' quote");
  });

  it('a --collection that does not exist', async () => {
    const { home, env } = tempHome();
    const dir = join(home, 'nosuch');
    expectSentence(await runTalon(['saved', 'list', '--collection', dir], { env }), 2, `There is no collection at ${dir} (--collection)`);
  });
});

describe('hostile responses', () => {
  const envFor = (s: BrokenServer, extra: NodeJS.ProcessEnv = {}) => tempHome({ FALCON_BASE_URL: s.url, FALCON_CLIENT_ID: 'c', FALCON_CLIENT_SECRET: 's', ...noProxy, ...extra }).env;

  it('a 100,000-deep JSON response', async () => {
    const s = await startBrokenServer({ deepJson: 100_000 });
    servers.push(s);
    expectSentence(await runTalon(['request', '/devices/queries/devices/v1'], { env: envFor(s) }), 4, 'The response nests JSON deeper than 1000 levels');
  });

  it('a response larger than the configured cap', async () => {
    const s = await startBrokenServer({ hugeBytes: 3 * 1024 * 1024 });
    servers.push(s);
    expectSentence(await runTalon(['request', '/devices/queries/devices/v1'], { env: envFor(s, { TALON_MAX_RESPONSE_MB: '1' }) }), 4, 'The response is larger than 1 MB, so talon stopped reading it');
    expectSentence(await runTalon(['request', '/devices/queries/devices/v1'], { env: envFor(s, { TALON_MAX_RESPONSE_MB: 'lots' }) }), 2, "TALON_MAX_RESPONSE_MB must be a whole number of megabytes from 1; got 'lots'.");
  });
});
