// Opaque paging tokens (scroll, combined `next`, `after`) shared by the
// endpoint families; integer offsets need no more than a slice.
import { SimHttpError } from './envelope.js';
import type { Random } from './random.js';

interface Cursor {
  position: number;
  /** a token is only valid for the query (filter + sort) that issued it */
  queryKey: string;
  expiresAt: number;
}

/** Issues opaque paging tokens that remember a position in a result list. */
export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();

  constructor(
    private readonly rng: Random,
    private readonly now: () => number,
  ) {}

  issue(position: number, queryKey: string, ttlMs: number, prefix = ''): string {
    const token = prefix + this.rng.hex(40);
    this.cursors.set(token, { position, queryKey, expiresAt: this.now() + ttlMs });
    if (this.cursors.size > 10_000) this.sweep();
    return token;
  }

  expiresAt(token: string): number | undefined {
    return this.cursors.get(token)?.expiresAt;
  }

  /** The position a token stands for; a 400 when it is unknown, expired or from another query. */
  resolve(token: string, queryKey: string, name = 'offset'): number {
    const c = this.cursors.get(token);
    if (!c || c.expiresAt <= this.now()) {
      throw new SimHttpError(400, `Invalid or expired '${name}' token. Start again from the first page.`);
    }
    if (c.queryKey !== queryKey) {
      throw new SimHttpError(400, `The '${name}' token belongs to a different filter or sort. Start again from the first page.`);
    }
    return c.position;
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, c] of this.cursors) if (c.expiresAt <= t) this.cursors.delete(k);
  }
}
