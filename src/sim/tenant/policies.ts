// Sensor policies: a small catalogue per platform and type, and the
// policies each host has (device_policies, plus `policies` as the real API
// fills it: the prevention policy only).
import type { Random } from '../random.js';
import type { DevicePolicy, Host, Platform } from './types.js';
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

/** The policies of one host, keyed by policy type. */
export function policiesFor(rng: Random, cat: PolicyCatalog, platform: Platform, role: HostRole, host: Host, first: number, last: number) {
  const which = role === 'workstation' ? WORKSTATION_POLICY : SERVER_POLICY;
  const c = cat[platform];
  // One literal with every type, drawn in POLICY_TYPES order: no keys added one by one, so the object keeps its
  // properties in place instead of growing a separate property store per host; and no lookups by a computed key.
  return {
    prevention: policyOf(rng, 'prevention', c.prevention[which.pick(rng)] as CataloguePolicy, host, first, last),
    sensor_update: policyOf(rng, 'sensor_update', c.sensor_update[which.pick(rng)] as CataloguePolicy, host, first, last),
    device_control: policyOf(rng, 'device_control', c.device_control[which.pick(rng)] as CataloguePolicy, host, first, last),
    firewall: policyOf(rng, 'firewall', c.firewall[which.pick(rng)] as CataloguePolicy, host, first, last),
    remote_response: policyOf(rng, 'remote_response', c.remote_response[which.pick(rng)] as CataloguePolicy, host, first, last),
  } satisfies Record<(typeof POLICY_TYPES)[number], DevicePolicy> as Record<string, DevicePolicy>;
}

function policyOf(rng: Random, type: string, p: CataloguePolicy, host: Host, first: number, last: number): DevicePolicy {
  // Assigned when the policy last changed, or when the host first showed up.
  const late = p.assignedMs < first;
  const assigned = late ? first : p.assignedMs;
  const applied = rng.chance(0.97) && assigned < last;
  const assigned_date = late ? host.first_seen : p.assignedIso;
  // Two plain literals (no spread, no added keys) keep these objects small.
  return applied
    ? {
        policy_type: type,
        policy_id: p.id,
        applied,
        settings_hash: p.hash,
        assigned_date,
        applied_date: iso(Math.min(last, assigned + between(rng, MINUTE, 2 * DAY))),
      }
    : { policy_type: type, policy_id: p.id, applied, settings_hash: p.hash, assigned_date };
}
