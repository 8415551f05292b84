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

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request for `key` when allowed; a refused request is not counted. */
  take(key: string): RateVerdict {
    const t = this.now();
    const list = this.prune(key, t);
    if (list.length >= this.limit) {
      return { allowed: false, limit: this.limit, remaining: 0, retryAfter: this.freeAt(list, t) };
    }
    list.push(t);
    return { allowed: true, limit: this.limit, remaining: this.limit - list.length, retryAfter: Math.ceil(t / 1000) };
  }

  /** The state for `key` without counting a request. */
  peek(key: string): RateVerdict {
    const t = this.now();
    const list = this.prune(key, t);
    return {
      allowed: list.length < this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - list.length),
      retryAfter: list.length >= this.limit ? this.freeAt(list, t) : Math.ceil(t / 1000),
    };
  }

  private prune(key: string, t: number): number[] {
    let list = this.hits.get(key);
    if (!list) {
      list = [];
      this.hits.set(key, list);
    }
    let drop = 0;
    while (drop < list.length && (list[drop] as number) <= t - WINDOW_MS) drop++;
    if (drop) list.splice(0, drop);
    return list;
  }

  private freeAt(list: number[], t: number): number {
    const oldest = list[0] ?? t;
    return Math.ceil((oldest + WINDOW_MS) / 1000);
  }
}
