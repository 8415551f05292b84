// The simulated tenant's API clients: a full-access demo client (an MSSP
// parent with two child CIDs) and a read-only client.
import { Random } from '../random.js';

export interface ApiClient {
  id: string;
  secret: string;
  name: string;
  /** 'all' grants every scope; tokens keep the scopes the client had when they were minted */
  scopes: 'all' | ReadonlySet<string>;
  cid: string;
  /** child CIDs this client may act for with member_cid */
  children: readonly string[];
}

/** Every read scope the simulator's endpoints need. */
export const READ_SCOPES = [
  'devices:read',
  'host-group:read',
  'iocs:read',
  'ioc:read',
  'alerts:read',
  'spotlight-vulnerabilities:read',
  'mssp:read',
  'incidents:read',
  'scheduled-report:read',
] as const;

export class ClientRegistry {
  readonly demo: ApiClient;
  readonly readOnly: ApiClient;
  readonly childCids: string[];
  private readonly byId = new Map<string, ApiClient>();

  constructor(seed: number, cid: string) {
    // Credentials derive from the seed so that docs and scripts can rely on them.
    const rng = new Random(seed ^ 0xc11e);
    this.childCids = [rng.hex(32), rng.hex(32)];
    this.demo = { id: rng.hex(32), secret: rng.hex(40), name: 'talon demo (full access)', scopes: 'all', cid, children: this.childCids };
    this.readOnly = { id: rng.hex(32), secret: rng.hex(40), name: 'talon read-only', scopes: new Set(READ_SCOPES), cid, children: [] };
    this.byId.set(this.demo.id, this.demo);
    this.byId.set(this.readOnly.id, this.readOnly);
  }

  get(id: string): ApiClient | undefined {
    return this.byId.get(id);
  }

  /** The client whose id and secret match, compared in constant time per client. */
  authenticate(id: string, secret: string): ApiClient | undefined {
    const c = this.byId.get(id);
    return c && safeEqual(c.secret, secret) ? c : undefined;
  }

  /** Grants a scope to a client, as an admin would in the console; existing tokens keep their old scopes. */
  grant(clientId: string, scope: string): void {
    const c = this.byId.get(clientId);
    if (c && c.scopes !== 'all') c.scopes = new Set([...c.scopes, scope]);
  }

  static hasScope(scopes: ApiClient['scopes'], scope: string): boolean {
    return scopes === 'all' || scopes.has(scope);
  }
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
