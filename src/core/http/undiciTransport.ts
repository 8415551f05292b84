// The undici stack: a keep-alive pool or a proxy agent (dispatcher.ts).
// Loaded only when a client needs it, so one-shot commands never pay for it.
import type { Dispatcher } from 'undici';
import { createDispatcher, type DispatcherOptions } from './dispatcher.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import { readBounded } from './responseLimits.js';

export class UndiciTransport implements Transport {
  private readonly dispatcher: Dispatcher;
  private readonly owns: boolean;

  /** A ready dispatcher is used as it is and left open by close(). */
  constructor(from: { dispatcher: Dispatcher } | DispatcherOptions) {
    if ('dispatcher' in from) {
      this.dispatcher = from.dispatcher;
      this.owns = false;
    } else {
      this.dispatcher = createDispatcher(from);
      this.owns = true;
    }
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    const res = await this.dispatcher.request({
      origin: req.origin,
      path: req.pathAndQuery,
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      body: req.body ?? null,
      signal: req.signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    const bytes = await readBounded(res.body, res.headers['content-length'], req.maxBytes);
    // undici marks the connection idle a moment after the body ends; without
    // this pause the next sequential request would open a second connection.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return { status: res.statusCode, rawHeaders: res.headers, bytes };
  }

  async close(): Promise<void> {
    if (this.owns) await this.dispatcher.close();
  }
}
