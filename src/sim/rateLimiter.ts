// Sliding one-minute window per key, as the real API counts requests per
// customer account (and failed authentications per source IP).

const WINDOW_MS = 60_000;

export interface RateVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** epoch seconds when a slot frees up (the X-Ratelimit-Retryafter value) */
  retryAfter: number;
}

/** Request times of one key, oldest first; `head` skips the ones already out of the window. */
interface Window {
  times: number[];
  head: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, Window>();

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request for `key` when allowed; a refused request is not counted. */
  take(key: string): RateVerdict {
    const t = this.now();
    const w = this.prune(key, t);
    const count = w.times.length - w.head;
    if (count >= this.limit) {
      return { allowed: false, limit: this.limit, remaining: 0, retryAfter: this.freeAt(w, t) };
    }
    w.times.push(t);
    return { allowed: true, limit: this.limit, remaining: this.limit - count - 1, retryAfter: Math.ceil(t / 1000) };
  }

  /** The state for `key` without counting a request. */
  peek(key: string): RateVerdict {
    const t = this.now();
    const w = this.prune(key, t);
    const count = w.times.length - w.head;
    return {
      allowed: count < this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - count),
      retryAfter: count >= this.limit ? this.freeAt(w, t) : Math.ceil(t / 1000),
    };
  }

  private prune(key: string, t: number): Window {
    let w = this.hits.get(key);
    if (!w) {
      w = { times: [], head: 0 };
      this.hits.set(key, w);
    }
    const { times } = w;
    while (w.head < times.length && (times[w.head] as number) <= t - WINDOW_MS) w.head++;
    // Drop the expired prefix now and then, not on every request (a busy key holds a minute of requests).
    if (w.head > 4096 && w.head * 2 > times.length) {
      times.splice(0, w.head);
      w.head = 0;
    }
    return w;
  }

  private freeAt(w: Window, t: number): number {
    const oldest = w.times[w.head] ?? t;
    return Math.ceil((oldest + WINDOW_MS) / 1000);
  }
}
