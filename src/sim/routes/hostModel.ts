// Host records as the hosts endpoints see them: FQL fields, the lazy
// containment state machine, and visibility (hidden hosts).
import type { FieldSchema } from '../fql/index.js';
import type { Tenant } from '../tenant/types.js';
import type { Host } from '../tenant/records/hosts.js';
import { isoSeconds, publicRecord } from './querying.js';
import { completeHost } from '../tenant/index.js';
import { invalidateQueries } from './cachedQuery.js';

export const HOST_FIELDS: FieldSchema = {
  device_id: 'string',
  cid: 'string',
  hostname: 'string',
  platform_name: 'string',
  platform_id: 'string',
  os_version: 'string',
  os_product_name: 'string',
  os_build: 'string',
  kernel_version: 'string',
  major_version: 'string',
  minor_version: 'string',
  product_type_desc: 'string',
  agent_version: 'string',
  status: 'string',
  first_seen: 'timestamp',
  last_seen: 'timestamp',
  modified_timestamp: 'timestamp',
  local_ip: 'string',
  'local_ip.raw': { type: 'string', path: 'local_ip' },
  external_ip: 'string',
  'external_ip.raw': { type: 'string', path: 'external_ip' },
  connection_ip: 'string',
  default_gateway_ip: 'string',
  mac_address: 'string',
  machine_domain: 'string',
  ou: 'string[]',
  site_name: 'string',
  serial_number: 'string',
  system_manufacturer: 'string',
  system_product_name: 'string',
  tags: 'string[]',
  groups: 'string[]',
  reduced_functionality_mode: 'string',
  filesystem_containment_status: 'string',
  host_hidden_status: 'string',
  last_login_user: 'string',
  zone_group: 'string',
  chassis_type_desc: 'string',
};

/** Hosts with a containment change under way, per tenant: settling visits only these. */
const pending = new WeakMap<Tenant, Set<Host>>();

/** Starts a containment change that completes `delayMs` from `now`. */
export function startTransition(tenant: Tenant, host: Host, status: 'containment_pending' | 'lift_containment_pending', now: number, delayMs: number): void {
  host.status = status;
  host._transitionAt = now + delayMs;
  let set = pending.get(tenant);
  if (!set) pending.set(tenant, (set = new Set()));
  set.add(host);
}

/** Completes pending containment changes whose delay has passed. */
export function settleHosts(tenant: Tenant, now: number): void {
  const set = pending.get(tenant);
  if (!set) return;
  for (const host of set) {
    if (host._transitionAt === undefined || host._transitionAt > now) continue;
    if (host.status === 'containment_pending') host.status = 'contained';
    else if (host.status === 'lift_containment_pending') host.status = 'normal';
    host.filesystem_containment_status = host.status === 'contained' ? 'contained' : 'normal';
    host.modified_timestamp = isoSeconds(host._transitionAt);
    delete host._transitionAt;
    set.delete(host);
    invalidateQueries(tenant);
  }
}

/** Hosts of the tenant, settled, visible or hidden ones only. */
export function hostsInView(tenant: Tenant, now: number, hidden: boolean): Host[] {
  settleHosts(tenant, now);
  const out: Host[] = [];
  for (const h of tenant.hosts.values()) if ((h.host_hidden_status === 'hidden') === hidden) out.push(h);
  return out;
}

/** A device id as the API accepts it: 32 hex characters. */
export const AID_PATTERN = /^[0-9a-fA-F]{32}$/;

/** A host as the API shows it: complete (its policies are built on first read) and without private fields. */
export function hostRecord(tenant: Tenant, host: Host): object {
  return publicRecord(completeHost(tenant, host));
}
