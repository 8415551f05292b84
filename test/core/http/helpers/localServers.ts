// Small real servers for HTTP-layer tests: a scripted origin that counts
// connections and records requests, an HTTP proxy that logs what passes
// through it, and a free port with nothing listening.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';
import { TEST_CERT, TEST_KEY } from '../fixtures/selfSignedCert.js';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LocalServer {
  url: string;
  port: number;
  /** TCP connections accepted so far */
  connections(): number;
  requests: SeenRequest[];
  /** resolves with the next request that arrives (for requests the handler never answers) */
  nextRequest(): Promise<SeenRequest>;
  close(): Promise<void>;
}

export type Handler = (req: SeenRequest, res: ServerResponse) => void;

function listen(server: Server, scheme: 'http' | 'https'): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `${scheme}://127.0.0.1:${port}`, port });
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** An origin server on 127.0.0.1:0 answering with `handler` (https with the test certificate when asked). */
export async function startLocalServer(handler: Handler, scheme: 'http' | 'https' = 'http'): Promise<LocalServer> {
  const requests: SeenRequest[] = [];
  const waiters: ((r: SeenRequest) => void)[] = [];
  let connections = 0;
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      for (const w of waiters.splice(0)) w(seen);
      handler(seen, res);
    });
  };
  const server = scheme === 'https' ? createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, onRequest) : createServer(onRequest);
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => connections++);
  const { url, port } = await listen(server, scheme);
  return {
    url,
    port,
    connections: () => connections,
    requests,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => close(server),
  };
}

export interface LocalProxy {
  url: string;
  /** absolute URLs of plain-HTTP requests forwarded */
  forwarded: string[];
  /** host:port targets of CONNECT tunnels opened */
  tunnels: string[];
  close(): Promise<void>;
}

/** TooTallNate's `proxy` server on 127.0.0.1:0, recording the traffic it carries. */
export async function startLocalProxy(): Promise<LocalProxy> {
  const forwarded: string[] = [];
  const tunnels: string[] = [];
  const server = createServer();
  // Recorders go first, so they run before the proxy handles the request.
  server.on('request', (req: IncomingMessage) => forwarded.push(req.url ?? ''));
  server.on('connect', (req: IncomingMessage) => tunnels.push(req.url ?? ''));
  createProxy(server);
  const { url } = await listen(server, 'http');
  return { url, forwarded, tunnels, close: () => close(server) };
}

/** A port on 127.0.0.1 that was free a moment ago and has nothing listening. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const { port } = await listen(server, 'http');
  await close(server);
  return port;
}
