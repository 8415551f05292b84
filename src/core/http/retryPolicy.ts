// When to send a request again, and how long to wait first. Pure functions, so
// the rules can be tested without a network.
//
// - 429: the server did not process the call, so any call may be retried,
//   after the moment named by X-Ratelimit-Retryafter (an epoch in seconds).
// - A connection that failed before the request went out (refused, no route,
//   unknown host for now, connect timeout): nothing reached the server, so any
//   call may be retried.
// - 5xx, timeouts and resets after sending: the call may have reached the
//   server, so only reads are repeated, with exponential backoff and full
//   jitter. Whether a call is a read comes from the send policy
//   (core/request/sendPolicy.ts, via ApiRequest.writes); without it, only GET,
//   HEAD and OPTIONS are.

export type RetryReason = 'rate-limit' | 'server-error' | 'network';

export interface RetryOptions {
  /** retries after a 5xx or a network failure (default 4) */
  maxRetries: number;
  /** retries after a 429 (default 5) */
  maxRateLimitRetries: number;
  /** first backoff ceiling, in ms (default 500) */
  baseMs: number;
  /** largest backoff ceiling, in ms (default 8000) */
  capMs: number;
  /** a 429 asking for a longer wait than this is returned instead (default 60 s) */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = {
  maxRetries: 4,
  maxRateLimitRetries: 5,
  baseMs: 500,
  capMs: 8000,
  maxRateLimitWaitMs: 60_000,
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
/** 5xx statuses that say the server will never handle the call: asking again cannot help. */
const PERMANENT_5XX = new Set([501, 505]);

/** True for methods that are safe to send twice (GET, HEAD, OPTIONS). */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** May this call be sent again after it may have reached the server? Reads only: the policy's word, else the method's. */
export function isRepeatable(method: string, writes: boolean | undefined): boolean {
  return writes === undefined ? isIdempotent(method) : !writes;
}

/**
 * Backoff before retry number `attempt` (1 for the first retry): a random
 * value in [0, min(capMs, baseMs * 2^(attempt-1))) ("full jitter"), so many
 * clients failing together do not retry in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  options: { baseMs: number; capMs: number; random?: () => number },
): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  const r = (options.random ?? Math.random)();
  return Math.floor(Math.max(0, Math.min(1, r)) * ceiling);
}

/** Header lookup that ignores the case of the name. */
function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/**
 * How long a 429 asks us to wait, in ms (never negative), or undefined when no
 * header says. Falcon sends X-Ratelimit-Retryafter as a Unix epoch in seconds;
 * the standard Retry-After (seconds, or an HTTP date) is the fallback. Waits
 * longer than the caller accepts are returned as they are: `decide` refuses them.
 */
export function rateLimitWaitMs(headers: Readonly<Record<string, string>>, nowMs: number): number | undefined {
  const epoch = header(headers, 'x-ratelimit-retryafter')?.trim();
  if (epoch && /^\d+(\.\d+)?$/.test(epoch)) return Math.max(0, Math.ceil(Number(epoch) * 1000 - nowMs));
  const retryAfter = header(headers, 'retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** What happened on one attempt, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, string>> }
  /**
   * `retryable`: a transient failure (reset, refused, timeout), not a bad
   * certificate or an unknown host. `sent`: the request may have reached the
   * server (false when the connection was never made).
   */
  | { kind: 'network'; retryable: boolean; sent: boolean };

export interface RetryCounts {
  /** 429 retries made so far */
  rateLimit: number;
  /** 5xx and network retries made so far */
  other: number;
}

export type RetryDecision = { retry: false } | { retry: true; reason: RetryReason; waitMs: number };

export interface DecideInput {
  method: string;
  /** the send policy's classification (ApiRequest.writes); unset: the method decides */
  writes?: boolean;
  outcome: AttemptOutcome;
  retriesSoFar: RetryCounts;
  nowMs: number;
  options: RetryOptions;
  random?: () => number;
}

/** Decides whether to send the request again, and after how long. */
export function decide(input: DecideInput): RetryDecision {
  const { method, outcome, retriesSoFar, nowMs, options, random } = input;
  const repeatable = isRepeatable(method, input.writes);
  const backoff = (attempt: number): number =>
    retryDelayMs(attempt, { baseMs: options.baseMs, capMs: options.capMs, random });

  if (outcome.kind === 'response' && outcome.status === 429) {
    if (retriesSoFar.rateLimit >= options.maxRateLimitRetries) return { retry: false };
    const asked = rateLimitWaitMs(outcome.headers, nowMs);
    if (asked !== undefined && asked > options.maxRateLimitWaitMs) return { retry: false };
    // No header, or its moment has passed (clocks disagree): back off as usual
    // rather than retrying at once.
    const waitMs = asked !== undefined && asked > 0 ? asked : backoff(retriesSoFar.rateLimit + 1);
    return { retry: true, reason: 'rate-limit', waitMs };
  }

  if (retriesSoFar.other >= options.maxRetries) return { retry: false };
  // Nothing went out: sending it now is the first time the server sees it.
  if (outcome.kind === 'network' && !outcome.sent) {
    return outcome.retryable ? { retry: true, reason: 'network', waitMs: backoff(retriesSoFar.other + 1) } : { retry: false };
  }
  if (!repeatable) return { retry: false };
  if (outcome.kind === 'response') {
    if (outcome.status < 500 || outcome.status > 599 || PERMANENT_5XX.has(outcome.status)) return { retry: false };
    return { retry: true, reason: 'server-error', waitMs: backoff(retriesSoFar.other + 1) };
  }
  if (!outcome.retryable) return { retry: false };
  return { retry: true, reason: 'network', waitMs: backoff(retriesSoFar.other + 1) };
}
