// node:http and node:https with keep-alive agents. The native llhttp parser
// needs no WebAssembly and no megabyte of JavaScript, which is most of a
// one-shot command's time with undici (see README, Development).
import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import { closedEarly, readBoundedStream } from './responseLimits.js';

// Loaded with require: an ESM import of node:http evaluates every export, and on
// Node 22 one of them (WebSocket) loads Node's own undici, ~25 ms and ~10 MiB
// that a one-shot call never uses (nodejs/node#59686).
// node:https (and TLS) is loaded on the first https call: ~10 ms a
// call to an http target (the simulator) would spend for nothing.
const load = createRequire(import.meta.url);
const http = load('node:http') as typeof Http;

export interface NodeTransportOptions {
  /** trust any TLS certificate */
  insecure?: boolean;
  /** idle keep-alive sockets are closed after this (default 4 s, as undici) */
  keepAliveTimeoutMs?: number;
}

export class NodeTransport implements Transport {
  private readonly options: NodeTransportOptions;
  private readonly keepAlive: { keepAlive: true; timeout: number };
  private readonly httpAgent: Http.Agent;
  private httpsAgent?: Https.Agent;

  constructor(options: NodeTransportOptions = {}) {
    this.options = options;
    this.keepAlive = { keepAlive: true, timeout: options.keepAliveTimeoutMs ?? 4_000 };
    this.httpAgent = new http.Agent(this.keepAlive);
  }

  private secureAgent(): Https.Agent {
    this.httpsAgent ??= new (load('node:https') as typeof Https).Agent({ ...this.keepAlive, rejectUnauthorized: this.options.insecure !== true });
    return this.httpsAgent;
  }

  send(req: TransportRequest): Promise<TransportResponse> {
    // The path goes as it is: re-parsing it as a URL would re-encode the query (' as %27).
    const origin = new URL(req.origin);
    const secure = origin.protocol === 'https:';
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    return new Promise<TransportResponse>((resolve, reject) => {
      const agent = secure ? this.secureAgent() : this.httpAgent;
      const request = (secure ? (load('node:https') as typeof Https) : http).request({
        protocol: origin.protocol,
        // [::1] is a hostname in a URL but an address without brackets here.
        hostname: origin.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: origin.port || undefined,
        path: req.pathAndQuery,
        method: req.method,
        headers,
        agent,
        signal: req.signal,
      });
      request.on('error', reject);
      request.on('response', (res) => {
        readBoundedStream(res, res.headers['content-length'], req.maxBytes).then((bytes) => {
          if (!res.complete) throw closedEarly();
          return { status: res.statusCode ?? 0, rawHeaders: res.headers, bytes };
        }).then(resolve, reject);
      });
      request.end(req.body);
    });
  }

  async close(): Promise<void> {
    this.httpAgent.destroy();
    this.httpsAgent?.destroy();
  }
}
