// The response viewer's tools, as a user meets them in the pane: headers,
// copy (to the clipboard or a file), jq, the table, the full value and
// sideways scrolling.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { stopJqWorker } from '../../../src/core/jq/jqWorkerClient.js';
import type { ApiResponse } from '../../../src/core/http/types.js';
import { ResponsePane, type ResponsePaneProps } from '../../../src/ui/panes/ResponsePane.js';
import { copyText, type CopyResult } from '../../../src/core/clipboard/copyText.js';
import { openWorkspace } from '../../../src/core/shell/workspace.js';
import { KEY, frameWith, press, renderInk, rerender, settle, stripAnsi, unmount, type InkApp } from '../../helpers/ink.js';
import { tempHome } from '../../helpers/tempHome.js';
import { hostsEnvelope } from '../../core/jsonView/fixtures/hostRecords.js';

const LONG_CMD = 'powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ' + 'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA'.repeat(3) + ' END';

function response(over: Partial<ApiResponse> = {}): ApiResponse {
  const value = hostsEnvelope(20) as { resources: Record<string, unknown>[] };
  value.resources[0]!.cmdline = LONG_CMD;
  return {
    method: 'GET',
    url: 'https://api.crowdstrike.com/devices/entities/devices/v2?ids=a',
    status: 200,
    headers: { 'content-type': 'application/json', 'x-cs-traceid': 'trace-123', 'x-ratelimit-limit': '6000', 'x-ratelimit-remaining': '5999', 'a-first-by-name': 'x' },
    durationMs: 312,
    size: 48_213,
    traceId: 'trace-123',
    body: { kind: 'json', value },
    attempts: 1,
    ...over,
  };
}

let app: InkApp | undefined;
afterAll(() => stopJqWorker());
afterEach(async () => {
  if (app) await unmount(app);
  app = undefined;
});

/** A pane whose copies go to a captured terminal (or files in a temp directory). */
async function show(opts: { tty?: boolean; env?: NodeJS.ProcessEnv; props?: Partial<ResponsePaneProps> } = {}) {
  const { home } = tempHome();
  const written: string[] = [];
  const workspace = openWorkspace({ env: {}, directory: home });
  const copies: CopyResult[] = [];
  const copy = (text: string, name: string) => {
    const r = copyText(text, { terminal: { write: (d) => void written.push(d), isTTY: opts.tty ?? true, term: 'xterm-256color' }, env: opts.env ?? {}, writeFile: workspace.writeExport }, name);
    copies.push(r);
    return r;
  };
  const props: ResponsePaneProps = { response: response(), height: 24, width: 80, focused: true, copy, exportFile: workspace.writeExport, ...opts.props };
  app = await renderInk(<ResponsePane {...props} />);
  return { app, written, copies, home, props };
}

const frame = (a: InkApp) => stripAnsi(a.lastFrame() ?? '');

describe('response viewer tools', () => {
  it('H shows the status line and headers, rate limit and trace id first', async () => {
    const { app: a } = await show();
    await press(a, 'H');
    const f = await frameWith(a.lastFrame, 'Status and headers');
    const lines = f.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(f.replace(/\n/g, '')).toMatch(/HTTP 200 OK · GET https:\/\/api\.crowdstrike\.com\/devices\/entities\/devices\/v2\?ids=a ?· 312 ms · 47\.1 KB/);
    expect(f.split('\n').at(-1)).toMatch(/↑↓ scroll {2}y copy {2}Esc back/);
    expect(at('x-ratelimit-limit: 6000')).toBeLessThan(at('x-ratelimit-remaining: 5999'));
    expect(at('x-ratelimit-remaining: 5999')).toBeLessThan(at('x-cs-traceid: trace-123'));
    expect(at('x-cs-traceid: trace-123')).toBeLessThan(at('a-first-by-name: x'));
    await press(a, 'H');
    await frameWith(a.lastFrame, '"meta": {');
  });

  it('y copies the value under the cursor as OSC 52 base64, Y the whole response', async () => {
    const { app: a, written } = await show();
    await press(a, '/', 'hostname', KEY.enter, 'y');
    await frameWith(a.lastFrame, /Copied \.resources\[0\]\.hostname \(9 bytes\) to the clipboard/);
    expect(written).toEqual([`\u001b]52;c;${Buffer.from('srv-00000').toString('base64')}\u0007`]);
    await press(a, 'Y');
    await frameWith(a.lastFrame, /Copied the response \([\d.]+ KB\) to the clipboard/);
    // eslint-disable-next-line no-control-regex -- the OSC 52 sequence is what is tested
    const payload = /^\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007$/.exec(written[1]!)?.[1];
    expect(JSON.parse(Buffer.from(payload!, 'base64').toString('utf8')).resources).toHaveLength(20);
  });

  it('copies to a new 0600 file when TALON_CLIPBOARD=file, saying why', async () => {
    const { app: a, written, copies } = await show({ env: { TALON_CLIPBOARD: 'file' } });
    await press(a, 'Y');
    await frameWith(a.lastFrame, 'TALON_CLIPBOARD=file');
    expect(written).toEqual([]);
    const c = copies[0]!;
    expect(c.to).toBe('file');
    if (c.to !== 'file') return;
    expect(JSON.parse(readFileSync(c.path, 'utf8')).resources).toHaveLength(20);
    const { statSync } = await import('node:fs');
    expect(statSync(c.path).mode & 0o777).toBe(0o600);
  });

  it('| runs a jq filter, shows the result in the same view, ↑ brings back earlier filters, and w writes it', async () => {
    const { app: a, home } = await show();
    await press(a, '|', '[.resources[] | select(.platform_name == "Linux") | .hostname]', KEY.enter);
    let f = await frameWith(a.lastFrame, 'jq [.resources[]', 10_000);
    expect(f).toContain('"srv-00000"');
    expect(f).not.toContain('WKS-00001');
    await press(a, '|');
    // The prompt opens on the filter shown; clear it and step back through the filters run.
    await press(a, '\u0015', KEY.up);
    f = await frameWith(a.lastFrame, /jq: \[\.resources/);
    await press(a, '\u0015', '.meta.trace_id', KEY.enter);
    await frameWith(a.lastFrame, 'jq .meta.trace_id');
    await press(a, '|', '\u0015', KEY.up, KEY.up);
    await frameWith(a.lastFrame, /jq: \[\.resources/);
    await press(a, KEY.escape, 'w');
    f = await frameWith(a.lastFrame, /Wrote the result of \.meta\.trace_id to /);
    const path = /to (\/\S+talon-jq\S*\.json)/.exec(f.replace(/\n/g, ''))?.[1];
    expect(path).toBeDefined();
    expect(JSON.parse(readFileSync(path!, 'utf8'))).toBe((hostsEnvelope(20) as { meta: { trace_id: string } }).meta.trace_id);
    expect(home).toBeTruthy();
  });

  it('takes a filter typed in the same burst as | whole: no key of it runs a viewer command', async () => {
    const { app: a } = await show();
    // "t", "e", "y" and "v" are viewer keys; here they are the filter's text.
    await press(a, '|.resources | map(.hostname) | .[0:2]\r');
    const f = await frameWith(a.lastFrame, 'jq .resources | map(.hostname) | .[0:2]', 10_000);
    expect(f).toContain('"srv-00000"');
    expect(f).toContain('"WKS-00001"');
  });

  it('runs jq off the main thread: "filtering…" shows, the view keeps taking keys, Esc cancels', async () => {
    const { app: a } = await show();
    // A filter jq never finishes: only a worker that can be stopped gets out of it.
    await press(a, '|', 'last(range(1e15))', KEY.enter);
    await frameWith(a.lastFrame, /jq: filtering 48,213 bytes through last\(range\(1e15\)\)… \(Esc cancels\)/);
    // The pane still answers keys while jq runs: the cursor moves to the last line.
    await press(a, 'G');
    await frameWith(a.lastFrame, '100%');
    expect(frame(a)).toMatch(/jq: filtering/);
    await press(a, KEY.escape);
    await frameWith(a.lastFrame, 'jq: cancelled.');
    // The response is still shown unfiltered, and the next filter runs in a fresh worker.
    expect(frame(a)).not.toMatch(/^jq last/m);
    await press(a, '|', '\u0015', '.resources | length', KEY.enter);
    const f = await frameWith(a.lastFrame, 'jq .resources | length', 10_000);
    expect(f).toMatch(/^20\b/m);
  });

  it('a new response stops the filter still running on the old one', async () => {
    const { app: a, props } = await show();
    await press(a, '|', 'last(range(1e15))', KEY.enter);
    await frameWith(a.lastFrame, 'jq: filtering');
    const next = response({ body: { kind: 'json', value: { resources: [{ hostname: 'only-host' }] } } });
    await rerender(a, <ResponsePane {...props} response={next} />);
    const f = await frameWith(a.lastFrame, '"only-host"');
    expect(f).not.toContain('jq: filtering');
    // The worker was freed: a filter of the new response answers at once.
    await press(a, '|', '.resources[0].hostname', KEY.enter);
    await frameWith(a.lastFrame, 'jq .resources[0].hostname', 10_000);
  });

  it('says what jq said for a filter that does not compile', async () => {
    const { app: a } = await show();
    await press(a, '|', '.resources[', KEY.enter);
    await frameWith(a.lastFrame, /jq: syntax error, unexpected end of file/, 10_000);
  });

  it('t shows the hosts as a table with the host columns, sorts by a column and exports CSV', async () => {
    const { app: a } = await show({ props: { width: 130 } });
    await press(a, 't');
    let f = await frameWith(a.lastFrame, '20 rows of hosts');
    const header = f.split('\n').find((l) => l.includes('hostname'))!;
    expect(header.split(/\s+/).filter(Boolean)).toEqual(['hostname', 'device_id', 'platform_name', 'os_version', 'status', 'last_seen']);
    expect(f).toContain('srv-00000');
    // Sort by hostname, then descending.
    await press(a, 's');
    f = await frameWith(a.lastFrame, 'hostname↑');
    // Text sorts as people read it: case aside, srv-… before WKS-….
    const row = (fr: string, n: number) => fr.split('\n')[2 + n]!;
    expect([row(f, 0), row(f, 1)].map((r) => r.split(' ')[0])).toEqual(['srv-00000', 'srv-00003']);
    await press(a, 's');
    f = await frameWith(a.lastFrame, 'hostname↓');
    expect(row(f, 0)).toMatch(/^WKS-00019/);
    await press(a, 'E');
    f = await frameWith(a.lastFrame, /Wrote 20 rows as CSV to/);
    const path = /to (\/\S+\.csv)/.exec(f.replace(/\n/g, ''))?.[1];
    const csv = readFileSync(path!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('hostname,device_id,platform_name,os_version,status,last_seen');
    expect(csv[1]).toMatch(/^WKS-00019,/);
    expect(csv).toHaveLength(22); // header, 20 rows, and the empty string after the last CRLF
    await press(a, 't');
    await frameWith(a.lastFrame, '"meta": {');
  });

  it('c chooses the columns', async () => {
    const { app: a } = await show();
    await press(a, 't', 'c');
    await frameWith(a.lastFrame, 'Columns (Space shows or hides');
    // The first key listed is device_id (every record has it): hide it.
    await press(a, ' ', KEY.enter);
    const f = await frameWith(a.lastFrame, '20 rows of hosts');
    expect(f.split('\n').find((l) => l.includes('hostname'))).not.toContain('device_id');
  });

  it('applies every key of one burst to the table the previous key left (t, c, toggles, ↓, Enter)', async () => {
    const { app: a } = await show({ props: { width: 200 } });
    // One stdin write, as a fast typist or a paste delivers it: open the table and the chooser,
    // toggle device_id three times (hidden at the end), move down and show the second key, close.
    await settle(() => a.stdin.write(`tc   ${KEY.down} ${KEY.enter}`));
    const f = await frameWith(a.lastFrame, '20 rows of hosts');
    const header = f.split('\n').find((l) => l.includes('hostname'))!.split(/\s+/).filter(Boolean);
    expect(header).toEqual(['hostname', 'platform_name', 'os_version', 'status', 'last_seen', 'cid']);
    // The chooser shows the same on opening again: device_id unticked, cid ticked.
    await press(a, 'c');
    const chooser = await frameWith(a.lastFrame, 'Columns (Space shows or hides');
    expect(chooser).toContain('[ ] device_id');
    expect(chooser).toContain('[x] cid');
  });

  it('v shows the whole string under the cursor, wrapped; → scrolls long lines sideways', async () => {
    const { app: a } = await show();
    await press(a, '/', 'cmdline', KEY.enter);
    let f = frame(a);
    expect(f).not.toContain(' END');
    await press(a, 'v');
    f = await frameWith(a.lastFrame, '.resources[0].cmdline (Esc closes');
    expect(f.replace(/\n/g, '')).toContain(LONG_CMD);
    await press(a, KEY.escape, 'l', 'l', 'l', 'l');
    f = frame(a);
    expect(f).toContain('AoAE4AZQB3');
    expect(f).not.toContain('"hostname"');
    await press(a, 'h', 'h', 'h', 'h');
    await frameWith(a.lastFrame, '"hostname"');
  });
});
