// One HTTP attempt, whichever stack carries it. HttpClient owns retries,
// timeouts and decoding; a transport only moves bytes.
export interface TransportRequest {
  origin: string;
  pathAndQuery: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  /** talon's own timer bounds the attempt; the stack's timers must not fire first (0 = none) */
  timeoutMs: number;
  /** the response size cap: past it the transport stops reading and throws ResponseRefused */
  maxBytes: number;
}

export interface TransportResponse {
  status: number;
  rawHeaders: Record<string, string | string[] | undefined>;
  bytes: Uint8Array;
}

export interface Transport {
  send(req: TransportRequest): Promise<TransportResponse>;
  /** closes idle keep-alive connections */
  close(): Promise<void>;
}

/**
 * Which stack a client uses. `node` is node:http with its native parser: it
 * adds no JavaScript to load and nothing for V8 to optimise before exit, so
 * one-shot commands use it. `undici` is the long-lived shell's stack, and
 * the one any proxied call takes (CONNECT tunnels, NO_PROXY).
 */
export type HttpStack = 'node' | 'undici';
