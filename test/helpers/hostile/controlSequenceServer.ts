// A hostile Falcon API for tests: every field talon prints carries terminal
// control sequences (OSC 0 title and OSC 52 clipboard writes ended by BEL or
// ST, CSI screen clears and cursor moves, DCS, 8-bit C1 CSI/OSC/ST, DEL, a
// bidi override). It answers the token call, host query/details/combined,
// online state, containment actions, indicator device and process lookups,
// process details, a text body and API errors with a hostile message and
// trace id. Listens on 127.0.0.1, port 0.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The attack: each piece is a sequence a terminal would obey. Every piece
 * except the bidi override starts with ESC or a C1 introducer, and the
 * visible escape of each (`\x1b]0;`, `\x9b`…) is what talon must show.
 */
export const ATTACK =
  '\u001b]0;PWNED-TITLE\u0007' + // OSC 0: window title, BEL-terminated
  '\u001b]52;c;cGF3bmVk\u001b\\' + // OSC 52: clipboard write, ST-terminated
  '\u001b[2J\u001b[1;1H' + // CSI: clear screen, cursor home
  '\u001bP+q544e\u001b\\' + // DCS: termcap query
  '\u009b6n' + // 8-bit CSI: cursor position report
  '\u009d2;C1TITLE\u009c' + // 8-bit OSC ... ST
  '\u202eevil\u202c' + // right-to-left override
  '\u0007\u007f'; // BEL, DEL

/** A hostile value that still reads as `label` around the attack. */
export const hostile = (label: string): string => `${label}${ATTACK}`;

/** Markers of the attack in the visible (escaped) form talon prints. */
export const VISIBLE = ['\\x1b]0;PWNED-TITLE\\x07', '\\x1b]52;c;cGF3bmVk', '\\x1b[2J', '\\x9b6n'];

export const HOSTILE_TRACE_ID = hostile('trace-');

export const DEVICE_IDS = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'] as const;
export const CLIENT = { id: 'hostile-client', secret: 'hostile-secret' } as const;
export const SHA256 = 'a'.repeat(64);

function host(id: string, n: number, contained: ReadonlySet<string>): Record<string, unknown> {
  return {
    device_id: id,
    hostname: hostile(`host-${n}`),
    platform_name: hostile('Windows'),
    os_version: hostile('Windows 11'),
    last_seen: hostile('2026-05-01T08:09:10Z'),
    local_ip: hostile('10.0.0.'),
    external_ip: hostile('203.0.113.'),
    // normal until contained, so that contain acts on the host and its watch ends
    status: contained.has(id) ? 'contained' : 'normal',
  };
}

const process = (deviceId: string): Record<string, unknown> => ({
  process_id: `pid:${deviceId}:1`,
  // a spreadsheet formula: a CSV export must not let it run
  process_id_local: `=cmd|' /C calc'!A0${ATTACK}`,
  file_name: hostile('\\Device\\HarddiskVolume3\\evil.exe'),
  command_line: hostile('evil.exe --steal '),
  start_timestamp: '2026-05-01T08:09:10Z',
  stop_timestamp: hostile('2026-05-01T08:10:10Z'),
});

/** Alert composite ids stay plain (they are sent back); every other field is hostile. */
export const ALERT_IDS = DEVICE_IDS.map((id) => `cid:ind:${id}:1-1-1`);

const alert = (compositeId: string, n: number): Record<string, unknown> => ({
  composite_id: compositeId,
  status: 'new',
  severity: 30,
  severity_name: hostile('Low'),
  display_name: hostile('Evil detected '),
  description: hostile('description '),
  tactic: hostile('Execution'),
  tactic_id: 'TA0002',
  technique: hostile('PowerShell'),
  technique_id: 'T1059.001',
  created_timestamp: '2026-05-01T08:09:10Z',
  device: { device_id: DEVICE_IDS[n], hostname: hostile(`host-${n}`), platform_name: 'Windows' },
  user_name: hostile('user '),
  filename: hostile('evil.exe'),
  filepath: hostile('C:\\evil.exe'),
  cmdline: hostile('evil.exe --steal '),
  sha256: SHA256,
  parent_details: { cmdline: hostile('parent.exe '), filepath: hostile('C:\\parent.exe') },
  assigned_to_name: hostile('analyst '),
  tags: [hostile('tag ')],
  comments: [{ value: hostile('comment '), timestamp: '2026-05-01T08:10:10Z' }],
});

const envelope = (resources: unknown[], errors: unknown[] = []): Record<string, unknown> => ({
  meta: { query_time: 0.001, powered_by: hostile('powered-'), trace_id: HOSTILE_TRACE_ID, pagination: { offset: 0, limit: 100, total: resources.length }, [hostile('key-')]: 1 },
  resources,
  errors,
});

export const hostileError = (code: number): Record<string, unknown> => ({
  meta: { query_time: 0.001, trace_id: HOSTILE_TRACE_ID },
  resources: [],
  errors: [{ code, message: hostile('access denied ') }],
});

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function route(url: URL, body: string, contained: Set<string>): [number, unknown] | [number, string, 'text'] {
  const path = url.pathname;
  if (path === '/oauth2/token') return [201, { access_token: 'hostile-token', token_type: 'bearer', expires_in: 1799 }];
  if (path === '/oauth2/revoke') return [200, envelope([])];
  if (path === '/devices/queries/devices/v1' || path === '/devices/queries/devices-scroll/v1') return [200, envelope([...DEVICE_IDS])];
  if (path === '/devices/entities/devices/v2' || path === '/devices/entities/devices/v1') return [200, envelope(DEVICE_IDS.map((id, n) => host(id, n, contained)))];
  if (path === '/devices/combined/devices/v1') return [200, envelope(DEVICE_IDS.map((id, n) => host(id, n, contained)))];
  if (path === '/devices/entities/online-state/v1') return [200, envelope(DEVICE_IDS.map((id) => ({ id, state: 'online' })))];
  if (path === '/devices/entities/devices-actions/v2') {
    const ids = ((JSON.parse(body || '{}') as { ids?: string[] }).ids ?? []).map(String);
    // The first device is accepted (and contained at once), the second always refused with a hostile message.
    const accepted = ids.filter((id) => id !== DEVICE_IDS[1]);
    if (url.searchParams.get('action_name') === 'contain') for (const id of accepted) contained.add(id);
    const refused = ids.filter((id) => id === DEVICE_IDS[1]);
    return [202, envelope(accepted.map((id) => ({ id, path: hostile('/') })), refused.map((id) => ({ id, code: 409, message: hostile('refused ') })))];
  }
  if (path === '/indicators/queries/devices/v1') return [200, envelope([...DEVICE_IDS])];
  if (path === '/indicators/queries/processes/v1') return [200, envelope([`pid:${url.searchParams.get('device_id') ?? ''}:1`])];
  if (path === '/processes/entities/processes/v1') {
    return [200, envelope(url.searchParams.getAll('ids').map((id) => process(id.split(':')[1] ?? '')))];
  }
  if (path === '/alerts/queries/alerts/v2') return [200, envelope([...ALERT_IDS])];
  if (path === '/alerts/entities/alerts/v2') {
    const ids = ((JSON.parse(body || '{}') as { composite_ids?: string[] }).composite_ids ?? []).map(String);
    return [200, envelope(ids.filter((id) => ALERT_IDS.includes(id)).map((id) => alert(id, ALERT_IDS.indexOf(id))))];
  }
  if (path === '/alerts/entities/alerts/v3') {
    // The first alert changes; the second is refused with a hostile message.
    return [200, { meta: { trace_id: HOSTILE_TRACE_ID }, errors: [{ id: ALERT_IDS[1], code: 404, message: hostile('refused ') }] }];
  }
  if (path === '/indicators/aggregates/devices-count/v1') return [200, envelope([{ id: hostile('sha256:'), device_count: 2 }])];
  if (path === '/hostile/text') return [200, `plain text ${ATTACK}\nsecond line ${ATTACK}\n`, 'text'];
  if (path === '/hostile/forbidden') return [403, hostileError(403)];
  if (path === '/hostile/failure') return [500, hostileError(500)];
  return [404, hostileError(404)];
}

export interface HostileServer {
  url: string;
  /** every request seen, "METHOD /path" */
  seen: string[];
  close(): Promise<void>;
}

export async function startControlSequenceServer(): Promise<HostileServer> {
  const seen: string[] = [];
  const contained = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push(`${req.method} ${url.pathname}`);
      const answer = route(url, Buffer.concat(chunks).toString('utf8'), contained);
      if (answer[2] === 'text') {
        res.writeHead(answer[0], { 'content-type': 'text/plain; charset=utf-8' });
        res.end(answer[1]);
      } else send(res, answer[0], answer[1]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The control bytes in `text` that did not come from talon: ESC, BEL and C1
 * after talon's own colour (SGR) sequences are removed. Empty when the text
 * is terminal-safe. A raw attack leaves its OSC/CSI/DCS introducers behind,
 * since none of them is an SGR sequence.
 */
export function controlBytes(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  const withoutSgr = text.replace(/\u001b\[[0-9;]*m/g, '');
  // eslint-disable-next-line no-control-regex
  return [...withoutSgr.matchAll(/[\u0007\u001b\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`);
}
