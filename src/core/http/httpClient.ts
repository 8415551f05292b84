// Sends API requests over a transport (node:http or undici, transport.ts):
// keep-alive, proxies, a per-attempt timeout, and retries by the rules in
// retryPolicy.ts. HTTP error statuses are values,
// not exceptions; only a request with no answer at all throws (NetworkError).
import type { Dispatcher } from 'undici';
import { USER_AGENT } from '../version.js';
import { parseProxyUrl, proxySettingsFromEnv } from './proxySettings.js';
import { NodeTransport } from './nodeTransport.js';
import type { HttpStack, Transport } from './transport.js';
import { classifyNetworkFailure, type ClassifiedFailure } from './networkError.js';
import { describeResponse } from './responseBody.js';
import { maxResponseBytes, ResponseRefused } from './responseLimits.js';
import { parseBaseUrl, requestTarget, type RequestTarget } from './requestUrl.js';
import { abortableSleep, abortReason } from './abortableSleep.js';
import { DEFAULT_RETRY_OPTIONS, decide, isRepeatable, type AttemptOutcome, type RetryCounts, type RetryOptions, type RetryReason } from './retryPolicy.js';
import type { ApiCaller, ApiRequest, ApiResponse } from './types.js';

export interface RetryInfo {
  /** the number of the attempt about to be made (2 for the first retry) */
  attempt: number;
  reason: RetryReason;
  waitMs: number;
  /** the status that caused the retry (429, 5xx) */
  status?: number;
  /** for network retries: the failure, in one sentence */
  cause?: string;
}

export interface HttpClientOptions {
  baseUrl: string;
  proxy?: string;
  insecure?: boolean;
  /** per attempt, covering connect, headers and body; 0 disables (default 30 000) */
  timeoutMs?: number;
  /** default talon/VERSION */
  userAgent?: string;
  retry?: Partial<RetryOptions>;
  onRetry?: (info: RetryInfo) => void;
  /** waits between attempts; injectable so tests need not wait (default: a real abortable timer) */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** where proxy variables are read (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** a ready undici dispatcher; proxy, insecure, env and stack are then ignored, and close() leaves it open */
  dispatcher?: Dispatcher;
  /**
   * node:http or undici (default undici). A proxy, from --proxy or the
   * environment, always takes undici.
   */
  stack?: HttpStack;
  /** clock for X-Ratelimit-Retryafter, which is an epoch (default Date.now) */
  now?: () => number;
  /** jitter source in [0, 1) (default Math.random) */
  random?: () => number;
  /** the largest response body read, in bytes (default TALON_MAX_RESPONSE_MB of `env`, else 256 MB) */
  maxResponseBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

type AttemptResult =
  | { ok: true; status: number; rawHeaders: Record<string, string | string[] | undefined>; bytes: Uint8Array; durationMs: number }
  | { ok: false; error: unknown; timedOut: boolean };

export class HttpClient implements ApiCaller {
  private readonly base: URL;
  private transport: Promise<Transport> | undefined;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly retry: RetryOptions;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: HttpClientOptions) {
    this.base = parseBaseUrl(options.baseUrl);
    // A bad proxy URL is one sentence now, not at the first request.
    if (options.proxy !== undefined) parseProxyUrl(options.proxy);
    else proxySettingsFromEnv(options.env ?? process.env);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? USER_AGENT;
    // Keys given as undefined keep their defaults.
    const given = Object.entries(options.retry ?? {}).filter(([, v]) => v !== undefined);
    this.retry = { ...DEFAULT_RETRY_OPTIONS, ...(Object.fromEntries(given) as Partial<RetryOptions>) };
    this.sleep = options.sleep ?? abortableSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.maxBytes = options.maxResponseBytes ?? maxResponseBytes(options.env ?? process.env);
  }

  async request(req: ApiRequest): Promise<ApiResponse> {
    const target = requestTarget(this.base, req.path, req.query);
    const { headers, body } = this.encode(req);
    const counts: RetryCounts = { rateLimit: 0, other: 0 };

    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) throw abortReason(req.signal);
      const result = await this.attempt(req, target, headers, body);
      if (req.signal?.aborted) throw abortReason(req.signal);

      let outcome: AttemptOutcome;
      let response: ApiResponse | undefined;
      let failure: ClassifiedFailure | undefined;
      if (result.ok) {
        const fields = describeResponse(result.rawHeaders, result.bytes);
        response = { method: req.method, url: target.href, status: result.status, durationMs: result.durationMs, attempts: attempt, ...fields };
        outcome = { kind: 'response', status: result.status, headers: fields.headers };
      } else {
        failure = classifyNetworkFailure(result.error, target.host, this.timeoutMs, result.timedOut);
        outcome = { kind: 'network', retryable: failure.retryable, sent: failure.sent };
      }

      const decision = decide({ method: req.method, writes: req.writes, outcome, retriesSoFar: counts, nowMs: this.now(), options: this.retry, random: this.random });
      if (!decision.retry) {
        if (response) return response;
        const { error, retryable, sent } = failure as ClassifiedFailure;
        // A write is not repeated once it may have arrived: say so, since it may have taken effect.
        if (sent && req.writes === true) {
          throw error.withDetails(['The call may have reached the server, so talon did not send it again: check what it did before you retry.']);
        }
        // Say so when the retries ran out.
        throw attempt > 1 && retryable && (!sent || isRepeatable(req.method, req.writes)) ? error.withDetails([`Gave up after ${attempt} attempts.`]) : error;
      }

      if (decision.reason === 'rate-limit') counts.rateLimit++;
      else counts.other++;
      const info: RetryInfo = { attempt: attempt + 1, reason: decision.reason, waitMs: decision.waitMs };
      if (response) info.status = response.status;
      if (failure) info.cause = failure.error.message;
      this.options.onRetry?.(info);
      await this.sleep(decision.waitMs, req.signal);
    }
  }

  /** Closes idle connections; a dispatcher given to this client is left open. */
  async close(): Promise<void> {
    if (this.transport) await (await this.transport).close();
  }

  /** The stack, made on first use: undici is imported only by a client that needs it. */
  private transportFor(): Promise<Transport> {
    this.transport ??= this.makeTransport();
    return this.transport;
  }

  private async makeTransport(): Promise<Transport> {
    const { dispatcher, proxy, insecure } = this.options;
    const env = this.options.env ?? process.env;
    const envProxy = proxySettingsFromEnv(env);
    const proxied = proxy !== undefined || envProxy.httpProxy !== undefined || envProxy.httpsProxy !== undefined;
    if (dispatcher === undefined && this.options.stack === 'node' && !proxied) return new NodeTransport({ insecure });
    const { UndiciTransport } = await import('./undiciTransport.js');
    return new UndiciTransport(dispatcher ? { dispatcher } : { proxy, insecure, env });
  }

  private encode(req: ApiRequest): { headers: Record<string, string>; body: string | undefined } {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent };
    let body: string | undefined;
    if (req.body && 'json' in req.body) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body.json);
    } else if (req.body && 'form' in req.body) {
      // Form encoding (space as "+") is right here: this is a body, not an FQL query.
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.body.form).toString();
    }
    for (const [name, value] of Object.entries(req.headers ?? {})) headers[name.toLowerCase()] = value;
    return { headers, body };
  }

  /** One try, bounded by the timeout; failures are returned, not thrown. */
  private async attempt(
    req: ApiRequest,
    target: RequestTarget,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<AttemptResult> {
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      this.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
          }, this.timeoutMs)
        : undefined;
    const onAbort = (): void => controller.abort(req.signal?.reason);
    req.signal?.addEventListener('abort', onAbort, { once: true });
    // Not performance.now(): the global \`performance\` loads perf_hooks and eight modules of its own (~2 ms a call).
    const started = process.hrtime.bigint();
    try {
      const transport = await this.transportFor();
      const res = await transport.send({
        origin: target.origin,
        pathAndQuery: target.pathAndQuery,
        method: req.method,
        headers,
        body,
        signal: controller.signal,
        timeoutMs: this.timeoutMs,
        maxBytes: this.maxBytes,
      });
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      return { ok: true, status: res.status, rawHeaders: res.rawHeaders, bytes: res.bytes, durationMs };
    } catch (error) {
      // A refused response is an answer, not a failure to retry.
      if (error instanceof ResponseRefused) throw error;
      return { ok: false, error, timedOut };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }
}
