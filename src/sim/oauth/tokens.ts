// Bearer tokens the simulator has issued: who they belong to, for which CID
// and region, and until when.
import type { Random } from '../random.js';

export interface TokenRecord {
  clientId: string;
  /** the client's scopes when the token was minted (the real API bakes them in) */
  scopes: 'all' | ReadonlySet<string>;
  cid: string;
  region: string;
  expiresAt: number;
  revoked: boolean;
}

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false };

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly rng: Random,
    private readonly now: () => number,
  ) {}

  issue(clientId: string, scopes: TokenRecord['scopes'], cid: string, region: string, ttlSeconds: number): string {
    // Shaped like the real tokens (a JWT), but opaque to clients all the same.
    const token = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(this.rng.hex(48), 'hex').toString('base64url')}.${Buffer.from(this.rng.hex(64), 'hex').toString('base64url')}`;
    this.tokens.set(token, { clientId, scopes, cid, region, expiresAt: this.now() + ttlSeconds * 1000, revoked: false });
    return token;
  }

  check(token: string, region: string): TokenCheck {
    const record = this.tokens.get(token);
    if (!record || record.revoked || record.expiresAt <= this.now() || record.region !== region) return { ok: false };
    return { ok: true, record };
  }

  get(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  revoke(token: string): boolean {
    const record = this.tokens.get(token);
    if (!record) return false;
    record.revoked = true;
    return true;
  }

  /** how many tokens were issued (tests count token calls with it) */
  get issued(): number {
    return this.tokens.size;
  }
}
