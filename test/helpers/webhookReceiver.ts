// A local ticketing system for tests: records every request on
// 127.0.0.1:0 and answers from a script (default 201 with a Jira-like key).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** answers to use first, in order; then `fallback` */
  script: Answer[];
  close(): Promise<void>;
}

export async function startReceiver(fallback?: (r: Received, n: number) => Answer): Promise<Receiver> {
  const requests: Received[] = [];
  const script: Answer[] = [];
  let created = 0;
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      let body: unknown = data;
      try {
        body = JSON.parse(data);
      } catch {
        // kept as text
      }
      const r: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(r);
      const a = script.shift() ?? fallback?.(r, requests.length) ?? { status: 201, body: { id: String(10000 + ++created), key: `VULN-${created}` } };
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
