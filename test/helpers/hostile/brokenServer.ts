// A deliberately broken Falcon API on 127.0.0.1:0, for what the simulator
// never does: a 200 page that is not an envelope partway through a walk, a
// server that ignores `offset`, a revoke that answers 403. Any client id and
// secret get a token; the host query pages `total` ids (`id-0000`...).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BrokenPage = 'invalid-json' | 'html' | 'missing-resources' | 'null-resources';

export interface BrokenServerOptions {
  /** ids the host query matches (default 1000) */
  total?: number;
  /** the page (1-based) answered broken, with status 200 */
  brokenPage?: { page: number; kind: BrokenPage };
  /** answer every page as if offset were 0 */
  ignoreOffset?: boolean;
  /** what `meta.pagination.offset` holds: the requested offset (echo) or the next page's (as the real API does) */
  offsetMeaning?: 'echo' | 'next';
  /** status of POST /oauth2/revoke (default 200) */
  revokeStatus?: number;
  /** the host query answers JSON nested this deep instead of a page */
  deepJson?: number;
  /** the host query answers an envelope of about this many bytes */
  hugeBytes?: number;
}

export interface BrokenServer {
  url: string;
  /** requests received, as "METHOD /path?query" */
  requests: string[];
  close(): Promise<void>;
}

const QUERY = '/devices/queries/devices/v1';

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Cs-Traceid': 'broken-trace' });
  res.end(body);
}

function envelope(resources: unknown, pagination?: object): string {
  return JSON.stringify({ meta: { query_time: 0.01, trace_id: 'broken-trace', ...(pagination ? { pagination } : {}) }, resources, errors: [] });
}

export async function startBrokenServer(options: BrokenServerOptions = {}): Promise<BrokenServer> {
  const total = options.total ?? 1000;
  const requests: string[] = [];
  const pages = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    req.resume();
    req.on('end', () => {
      if (url.pathname === '/oauth2/token') return send(res, 201, JSON.stringify({ access_token: `tok-${requests.length}`, token_type: 'bearer', expires_in: 1799 }));
      if (url.pathname === '/oauth2/revoke') {
        const status = options.revokeStatus ?? 200;
        return send(res, status, envelope([], undefined).replace('"errors":[]', status === 200 ? '"errors":[]' : `"errors":[{"code":${status},"message":"access denied, authorization failed"}]`));
      }
      if (url.pathname !== QUERY) return send(res, 404, envelope([]));
      if (options.deepJson) return send(res, 200, '['.repeat(options.deepJson) + ']'.repeat(options.deepJson));
      if (options.hugeBytes) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"resources":[');
        const chunk = JSON.stringify('x'.repeat(64 * 1024));
        for (let n = 0; n * chunk.length < options.hugeBytes; n++) res.write((n ? ',' : '') + chunk);
        return res.end(']}');
      }
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const asked = Number(url.searchParams.get('offset') ?? 0);
      const offset = options.ignoreOffset ? 0 : asked;
      const key = url.searchParams.get('filter') ?? '';
      const page = (pages.get(key) ?? 0) + 1;
      pages.set(key, page);
      const broken = options.brokenPage?.page === page ? options.brokenPage.kind : undefined;
      if (broken === 'invalid-json') return send(res, 200, '{"meta":{"pagination":{"total":' + total + '}},"resources":["id-');
      if (broken === 'html') return send(res, 200, '<!DOCTYPE html><html><body>Session expired: log in to the proxy</body></html>', 'text/html');
      const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `id-${String(offset + i).padStart(4, '0')}`);
      const pagination = { offset: options.offsetMeaning === 'next' ? offset + ids.length : offset, limit, total };
      if (broken === 'missing-resources') return send(res, 200, JSON.stringify({ meta: { pagination }, errors: [] }));
      if (broken === 'null-resources') return send(res, 200, envelope(null, pagination));
      send(res, 200, envelope(ids, pagination));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
