// Server-wide state of one simulator instance, and the view a handler gets.
import type { ResolvedOptions } from './options.js';
import type { Tenant } from './tenant/types.js';
import { generateTenant } from './tenant/index.js';
import { Random } from './random.js';
import { CursorStore } from './paging.js';
import { ClientRegistry } from './oauth/clients.js';
import { TokenStore } from './oauth/tokens.js';

/** What a route handler sees: the caller's tenant plus shared services. */
export interface SimContext {
  tenant: Tenant;
  options: ResolvedOptions;
  now(): number;
  /** for new ids and tokens */
  rng: Random;
  cursors: CursorStore;
  clients: ClientRegistry;
  tokens: TokenStore;
}

export class SimState {
  readonly rng: Random;
  readonly cursors: CursorStore;
  readonly clients: ClientRegistry;
  readonly tokens: TokenStore;
  private readonly tenants = new Map<string, Tenant>();
  readonly mainTenant: Tenant;

  constructor(readonly options: ResolvedOptions) {
    this.rng = new Random(options.seed ^ 0x5eed);
    this.cursors = new CursorStore(this.rng, options.now);
    this.mainTenant = generateTenant({ seed: options.seed, hosts: options.hosts, anchor: options.anchor });
    this.tenants.set(this.mainTenant.cid, this.mainTenant);
    this.clients = new ClientRegistry(options.seed, this.mainTenant.cid);
    this.tokens = new TokenStore(this.rng, options.now);
  }

  /** The tenant for a CID: the main one, or an MSSP child generated on first use. */
  tenant(cid: string): Tenant | undefined {
    const existing = this.tenants.get(cid);
    if (existing) return existing;
    const childIndex = this.clients.childCids.indexOf(cid);
    if (childIndex < 0) return undefined;
    const child = generateTenant({
      seed: this.options.seed + 1000 * (childIndex + 1),
      hosts: 60,
      anchor: this.options.anchor,
      cid,
    });
    this.tenants.set(cid, child);
    return child;
  }

  context(tenant: Tenant): SimContext {
    return {
      tenant,
      options: this.options,
      now: this.options.now,
      rng: this.rng,
      cursors: this.cursors,
      clients: this.clients,
      tokens: this.tokens,
    };
  }
}
