// Sensor policies: a small catalogue per platform and type, and the
// policies each host has (device_policies, plus `policies` as the real API
// fills it: the prevention policy only).
import type { Random } from '../random.js';
import type { DevicePolicy, Host, Platform } from './records/hosts.js';
import type { HostRole } from './meta.js';
import { DAY, MINUTE, Picker, between, hex, iso } from './util.js';

const POLICY_TYPES = ['prevention', 'sensor_update', 'device_control', 'firewall', 'remote_response'] as const;
const WORKSTATION_POLICY = new Picker([0, 1, 2], [25, 60, 15]);
const SERVER_POLICY = new Picker([0, 1, 2], [30, 10, 60]);

interface CataloguePolicy {
  id: string;
  hash: string;
  /** when the policy's current settings were assigned */
  assignedMs: number;
  assignedIso: string;
}

export type PolicyCatalog = Record<Platform, Record<(typeof POLICY_TYPES)[number], CataloguePolicy[]>>;

export function policyCatalog(rng: Random, anchor: number): PolicyCatalog {
  const out = {} as PolicyCatalog;
  for (const platform of ['Windows', 'Mac', 'Linux'] as const) {
    const byType = {} as PolicyCatalog[Platform];
    for (const type of POLICY_TYPES) {
      byType[type] = [0, 1, 2].map(() => {
        const assignedMs = anchor - between(rng, 2 * DAY, 240 * DAY);
        return { id: hex(rng, 32), hash: hex(rng, 8), assignedMs, assignedIso: iso(assignedMs) };
      });
    }
    out[platform] = byType;
  }
  return out;
}

const TYPE_COUNT = POLICY_TYPES.length;
const LATE = 4;
const APPLIED = 8;

/**
 * The policies of every host, as drawn at start-up but kept as numbers (a byte and a time per host and policy
 * type): the policy objects, five per host, are built on a host's first read (see completeHost in index.ts).
 * At 100,000 hosts that is half a million objects and strings fewer to allocate and keep at start-up.
 */
export class PolicyDraws {
  /** per host and type: catalogue index (bits 0-1), assigned when the host first showed up (LATE), APPLIED */
  private readonly codes: Uint8Array;
  /** per host and type: when the policy was applied, in seconds (doubles: any anchor, before 1970 or after 2106) */
  private readonly appliedAt: Float64Array;

  /** the catalogue's lists by platform, in POLICY_TYPES order (no lookups by a computed key per host) */
  private readonly lists: Record<Platform, CataloguePolicy[][]>;

  constructor(
    private readonly catalog: PolicyCatalog,
    count: number,
  ) {
    this.codes = new Uint8Array(count * TYPE_COUNT);
    this.appliedAt = new Float64Array(count * TYPE_COUNT);
    const lists = (p: Platform) => POLICY_TYPES.map((type) => catalog[p][type]);
    this.lists = { Windows: lists('Windows'), Mac: lists('Mac'), Linux: lists('Linux') };
  }

  /** Draws the policies of host number `n` (the same draws, in the same order, whenever the tenant is generated). */
  draw(rng: Random, n: number, platform: Platform, role: HostRole, first: number, last: number): void {
    const which = role === 'workstation' ? WORKSTATION_POLICY : SERVER_POLICY;
    const lists = this.lists[platform];
    for (let t = 0; t < TYPE_COUNT; t++) {
      const index = which.pick(rng);
      const p = (lists[t] as CataloguePolicy[])[index] as CataloguePolicy;
      // Assigned when the policy last changed, or when the host first showed up.
      const late = p.assignedMs < first;
      const assigned = late ? first : p.assignedMs;
      const applied = rng.chance(0.97) && assigned < last;
      let code = index | (late ? LATE : 0);
      if (applied) {
        code |= APPLIED;
        this.appliedAt[n * TYPE_COUNT + t] = Math.floor(Math.min(last, assigned + between(rng, MINUTE, 2 * DAY)) / 1000);
      }
      this.codes[n * TYPE_COUNT + t] = code;
    }
  }

  /** The policies of host number `n`, keyed by policy type, as the API shows them. */
  build(n: number, host: Host): Record<string, DevicePolicy> {
    const byType = this.catalog[host.platform_name];
    const one = (t: number): DevicePolicy => {
      const type = POLICY_TYPES[t] as (typeof POLICY_TYPES)[number];
      const code = this.codes[n * TYPE_COUNT + t] as number;
      const p = byType[type][code & 3] as CataloguePolicy;
      const assigned_date = code & LATE ? host.first_seen : p.assignedIso;
      return code & APPLIED
        ? {
            policy_type: type,
            policy_id: p.id,
            applied: true,
            settings_hash: p.hash,
            assigned_date,
            applied_date: iso((this.appliedAt[n * TYPE_COUNT + t] as number) * 1000),
          }
        : { policy_type: type, policy_id: p.id, applied: false, settings_hash: p.hash, assigned_date };
    };
    return { prevention: one(0), sensor_update: one(1), device_control: one(2), firewall: one(3), remote_response: one(4) };
  }
}
