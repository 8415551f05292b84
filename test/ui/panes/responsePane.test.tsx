import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chalk from 'chalk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../../src/core/http/types.js';
import { ResponsePane, type ResponsePaneProps } from '../../../src/ui/panes/ResponsePane.js';
import { setColorsEnabled } from '../../../src/ui/theme.js';
import { KEY, lineWidths, press, renderInk, rerender, stripAnsi, unmount, waitForFrame, waitForText, type InkApp } from '../../helpers/ink.js';
import { hostsEnvelope } from '../../core/jsonView/fixtures/hostRecords.js';

function response(over: Partial<ApiResponse> = {}): ApiResponse {
  return {
    method: 'GET',
    url: 'https://api.crowdstrike.com/devices/entities/devices/v2?ids=a',
    status: 200,
    headers: {},
    durationMs: 312,
    size: 48_213,
    traceId: '0b8c7c1e-4f2a-4d7e-9c1b-2f6d5a8e3b10',
    body: { kind: 'json', value: hostsEnvelope(20) },
    attempts: 1,
    ...over,
  };
}

const FORBIDDEN = response({
  status: 403,
  size: 180,
  body: { kind: 'json', value: { meta: { trace_id: 'x' }, resources: [], errors: [{ code: 403, message: 'access denied, authorization failed' }] } },
});

const backspaces = (n: number) => Array.from({ length: n }, () => KEY.backspace);

let app: InkApp | undefined;
async function show(props: Partial<ResponsePaneProps> = {}): Promise<InkApp> {
  app = await renderInk(<ResponsePane response={response()} height={24} width={80} focused {...props} />);
  return app;
}

/** The body rows as the user reads them (header and footer left out). */
function bodyText(frame: string): string {
  return frame.split('\n').slice(1, -1).join('\n');
}

/** The row of the body the cursor line is on (marked in the scrollbar column). */
function cursorRow(frame: string): number {
  return bodyText(frame)
    .split('\n')
    .findIndex((row) => row.endsWith('◂'));
}

/** The body rows without the scrollbar column. */
function bodyRows(frame: string): string[] {
  return bodyText(frame)
    .split('\n')
    .map((row) => row.slice(0, -1).trimEnd());
}

afterEach(async () => {
  if (app) await unmount(app);
  app = undefined;
  setColorsEnabled(true);
});

describe('ResponsePane', () => {
  it('shows status, duration, size and trace id over the pretty JSON', async () => {
    const a = await show();
    const frame = a.lastFrame()!;
    expect(frame.split('\n')[0]).toBe('200 OK · 312 ms · 47.1 KB · trace 0b8c7c1e-4f2a-4d7e-9c1b-2f6d5a8e3b10');
    expect(frame).toContain('  "meta": {');
    expect(frame).toContain('"powered_by": "device-api",');
    expect(frame.split('\n')).toHaveLength(24);
  });

  it('moves a cursor line with j, pages with PgDn, and goes to the ends with g and G', async () => {
    const a = await show();
    const first = bodyRows(a.lastFrame()!);
    expect(first[0]).toMatch(/^\{/);
    expect(cursorRow(a.lastFrame()!)).toBe(0);
    await press(a, 'j');
    // The cursor moves down a line; the window stays until the cursor leaves it.
    expect(bodyRows(a.lastFrame()!)).toEqual(first);
    expect(cursorRow(a.lastFrame()!)).toBe(1);
    await press(a, KEY.pageDown);
    const paged = bodyRows(a.lastFrame()!);
    // A page on, keeping the last row of the previous page for context.
    expect(paged[0]).toBe(first.at(-1));
    expect(paged.join('\n')).not.toContain('"query_time"');
    await press(a, 'G');
    const bottom = a.lastFrame()!;
    expect(bodyRows(bottom).at(-1)).toMatch(/^}/);
    expect(cursorRow(bottom)).toBe(bodyRows(bottom).length - 1);
    expect(bottom.split('\n').at(-1)).toMatch(/100%$/);
    await press(a, 'g');
    expect(bodyRows(a.lastFrame()!)).toEqual(first);
    expect(cursorRow(a.lastFrame()!)).toBe(0);
  });

  it('folds and unfolds the node under the cursor line', async () => {
    const a = await show();
    await press(a, KEY.down, KEY.down); // the cursor on "query_time", inside "meta"
    await press(a, KEY.enter);
    expect(a.lastFrame()).toContain('  "meta": { … 3 keys },');
    expect(a.lastFrame()).not.toContain('"powered_by"');
    await press(a, 'z');
    expect(a.lastFrame()).toContain('"powered_by"');
    // Further down: the "resources" array folds from a line inside it, and unfolds again.
    await press(a, '/', '"resources"', KEY.enter);
    await press(a, 'z');
    const folded = a.lastFrame()!;
    expect(folded).toMatch(/"resources": \[ … \d+ items \]/);
    await press(a, 'z');
    expect(a.lastFrame()).not.toMatch(/"resources": \[ …/);
  });

  it('opens the search prompt empty, with the last query a ↑ away', async () => {
    const a = await show();
    await press(a, '/', 'WKS-00013', KEY.enter);
    await waitForText(a, '/WKS-00013: 1 of 1');
    await press(a, '/');
    const prompt = () => stripAnsi(a.lastFrame()!).split('\n').at(-1) ?? '';
    expect(prompt().trim()).toBe('/');
    await press(a, KEY.up);
    expect(prompt()).toMatch(/^\/WKS-00013/);
    await press(a, KEY.escape);
    // Closed: the footer shows the search still running, not a prompt.
    expect(prompt()).toMatch(/^\/WKS-00013: 1 of 1/);
  });

  it('searches with /, highlights the match and moves on with n', async () => {
    setColorsEnabled(true);
    const level = chalk.level;
    chalk.level = 1;
    try {
      const a = await show();
      await press(a, '/');
      expect(stripAnsi(a.lastFrame()!).split('\n').at(-1)).toMatch(/^\//);
      await press(a, 'WKS-00013', KEY.enter);
      let frame = await waitForText(a, '/WKS-00013: 1 of 1');
      expect(stripAnsi(frame)).toContain('"hostname": "WKS-00013"');
      // The match is marked: inverse for the current match (with bold and the match colour).
      // eslint-disable-next-line no-control-regex -- the escape codes are what is tested
      expect(frame).toMatch(/\u001B\[7m(?:\u001B\[[0-9;]*m)*WKS-00013/);
      // A new search starts from the top line: go to the top first.
      await press(a, 'g', '/', ...backspaces(9), 'hostname', KEY.enter);
      frame = await waitForText(a, '/hostname: 1 of 20');
      expect(stripAnsi(frame)).toContain('"hostname": "srv-00000"');
      await press(a, 'n');
      frame = await waitForText(a, '/hostname: 2 of 20');
      expect(stripAnsi(frame)).toContain('"hostname": "WKS-00001"');
      await press(a, 'N', 'N');
      frame = await waitForText(a, '/hostname: 20 of 20');
      expect(stripAnsi(frame)).toContain('"hostname": "WKS-00019"');
    } finally {
      chalk.level = level;
    }
  });

  it('cancels the search prompt with Esc', async () => {
    const a = await show();
    await press(a, '/', 'abc');
    expect(a.lastFrame()!.split('\n').at(-1)).toMatch(/^\/abc/);
    await press(a, KEY.escape);
    await waitForFrame(a, (f) => f.split('\n').at(-1)!.includes('↑↓/jk scroll'));
  });

  it('explains a 403 with the API message, the trace id and the scope it needs', async () => {
    const a = await show({ response: FORBIDDEN, scopes: ['hosts:read'] });
    const frame = a.lastFrame()!;
    expect(frame.split('\n')[0]).toContain('403 Forbidden');
    expect(frame).toContain('trace 0b8c7c1e-4f2a-4d7e-9c1b-2f6d5a8e3b10');
    expect(frame.replace(/\n/g, ' ')).toContain('The API client lacks the scope hosts:read that GET /devices/entities/devices/v2 needs (403)');
    expect(frame).toContain('API: 403 access denied, authorization failed');
  });

  it('honours NO_COLOR: no escape codes at all', async () => {
    const level = chalk.level;
    chalk.level = 1; // as a colour terminal would
    try {
      const coloured = await show({ response: FORBIDDEN, paging: { firstItem: 1, lastItem: 0, hasNext: false, hasPrevious: false } });
      // With colour on, there is colour to take away.
      expect(coloured.lastFrame()).toContain('\u001B[');
      await unmount(coloured);
      setColorsEnabled(false);
      const plain = await show({ response: FORBIDDEN });
      await press(plain, '/', 'access', KEY.enter);
      const frame = await waitForText(plain, '1 of 1');
      expect(frame).not.toContain('\u001B');
    } finally {
      chalk.level = level;
    }
  });

  it('shows where the page is and calls onPage for ], [ and A', async () => {
    const onPage = vi.fn();
    const a = await show({ paging: { firstItem: 101, lastItem: 200, total: 5312, hasNext: true, hasPrevious: true }, onPage });
    const bar = a.lastFrame()!.split('\n').at(-2)!;
    expect(bar).toBe('items 101-200 of 5,312   [ prev  ] next  A all');
    await press(a, ']', '[', 'A');
    expect(onPage.mock.calls).toEqual([['next'], ['previous'], ['all']]);
  });

  it('shows fetch-all progress, and does not start another while it runs', async () => {
    const onPage = vi.fn();
    const paging = { firstItem: 1, lastItem: 100, total: 5312, hasNext: true, hasPrevious: false };
    const a = await show({ paging, onPage, fetchAll: { items: 1200, total: 5312, ratePerSec: 850, file: 'hosts.json', done: false } });
    const bar = a.lastFrame()!.split('\n').at(-2)!;
    expect(bar).toMatch(/^fetching all █+░+ 1,200\/5,312 items · 850\/s → hosts\.json · Esc cancels$/);
    expect(bar.length).toBeLessThanOrEqual(80);
    await press(a, 'A');
    expect(onPage).not.toHaveBeenCalled();
    await rerender(a, <ResponsePane response={response()} height={24} width={80} focused paging={paging} fetchAll={{ items: 5312, total: 5312, ratePerSec: 0, file: 'hosts.json', done: true }} />);
    expect(a.lastFrame()).toContain('fetched 5,312/5,312 items → hosts.json');
  });

  it('writes the response to a file with w', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-pane-'));
    try {
      const a = await show({ directory: dir });
      await press(a, 'w');
      expect(a.lastFrame()!.split('\n').at(-1)).toContain('write to: talon-response-0b8c7c1e-4f2a-4d7e-9c1b-2f6d5a8e3b10.json');
      await press(a, KEY.enter);
      const path = join(dir, 'talon-response-0b8c7c1e-4f2a-4d7e-9c1b-2f6d5a8e3b10.json');
      const frame = await waitForText(a, 'wrote ');
      const expected = `${JSON.stringify(hostsEnvelope(20), null, 2)}\n`;
      expect(readFileSync(path, 'utf8')).toBe(expected);
      // The message takes two rows rather than cut the path.
      const [said, where] = frame.split('\n').slice(-2);
      expect(said).toBe(`wrote ${Buffer.byteLength(expected).toLocaleString('en-US')} bytes to`);
      expect(where).toBe(path.length <= 80 ? path : `${path.slice(0, 79)}…`);
      // A second write to the same name is refused with a sentence.
      await press(a, 'w', KEY.enter);
      await waitForText(a, 'already exists');
      // The name is editable.
      await press(a, 'w', ...backspaces(60), 'mine.json', KEY.enter);
      // The prompt shows the name as it is typed; the message after the write says where it went.
      await waitForFrame(a, (f) => f.includes('wrote ') && f.includes('mine.json'));
      expect(JSON.parse(readFileSync(join(dir, 'mine.json'), 'utf8'))).toEqual(hostsEnvelope(20));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fits 80x24 and follows a resize', async () => {
    const paging = { firstItem: 101, lastItem: 200, total: 5312, hasNext: true, hasPrevious: true };
    const long = response({ body: { kind: 'json', value: { blob: 'x'.repeat(5000), list: hostsEnvelope(3) } } });
    const a = await show({ response: long, paging });
    for (const w of lineWidths(a.lastFrame()!)) expect(w).toBeLessThanOrEqual(80);
    expect(a.lastFrame()!.split('\n')).toHaveLength(24);
    await press(a, KEY.pageDown);
    const topRow = bodyRows(a.lastFrame()!)[0]!;
    await rerender(a, <ResponsePane response={long} paging={paging} height={12} width={50} focused />);
    const small = a.lastFrame()!;
    expect(small.split('\n')).toHaveLength(12);
    for (const w of lineWidths(small)) expect(w).toBeLessThanOrEqual(50);
    // The reader keeps their place.
    expect(bodyRows(small)[0]).toBe(topRow);
  });

  it('ignores keys when not focused', async () => {
    const a = await show({ focused: false });
    const before = a.lastFrame();
    await press(a, 'j', 'G');
    expect(a.lastFrame()).toBe(before);
  });

  it('shows text and empty bodies', async () => {
    const a = await show({ response: response({ body: { kind: 'text', value: 'plain\ntext body' } }) });
    expect(bodyText(a.lastFrame()!)).toMatch(/^plain\s*◂?\ntext body/);
    await rerender(a, <ResponsePane response={response({ body: { kind: 'empty' } })} height={24} width={80} focused />);
    expect(a.lastFrame()).toContain('(empty body)');
  });
});
