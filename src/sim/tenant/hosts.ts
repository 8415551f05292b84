// Hosts: platform mix, names, addresses, OS and hardware, sensor policies,
// first/last seen times (with stale hosts) and a few already-contained hosts.
import type { Random } from '../random.js';
import type { Host, Platform } from './records/hosts.js';
import type { HostMeta, HostRole, Person } from './meta.js';
import { NO_PROCS } from './meta.js';
import type { GroupPlan } from './hostGroups.js';
import {
  AD_DOMAINS, AGENT_VERSIONS, DEPARTMENTS, EC2_HARDWARE, ENVIRONMENTS, FIRST_NAMES, HOME_THIRD_OCTETS,
  LAST_NAMES, LINUX_OS, LINUX_SERVER_ROLES, MAC_HARDWARE, MAC_OS, SERVER_HARDWARE, SITES,
  WINDOWS_SERVER_OS, WINDOWS_SERVER_ROLES, WINDOWS_WORKSTATION_OS, WORKSTATION_HARDWARE,
} from './names.js';
import type { Department, Hardware, OsInfo, Site } from './names.js';
import { makeHostname, serialNumber } from './hostnames.js';
import { PolicyDraws, policyCatalog } from './policies.js';
import { newHostInstants, stamp, traitsOf, type HostInstants } from './hostColumns.js';
import type { Draft, NameContext } from './hostnames.js';
import { DAY, HOUR, MINUTE, Picker, between, hex, iso, shuffle } from './util.js';

const PLATFORM_ID: Record<Platform, string> = { Windows: '0', Mac: '1', Linux: '3' };
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const IT_DEPT = DEPARTMENTS.find((d) => d.code === 'IT') as Department;

const pick = {
  dept: Picker.of(DEPARTMENTS),
  winWorkstationOs: Picker.of(WINDOWS_WORKSTATION_OS),
  winServerOs: Picker.of(WINDOWS_SERVER_OS),
  macOs: Picker.of(MAC_OS),
  linuxWorkstationOs: Picker.of(LINUX_OS.filter((o) => o.os_product_name === 'Ubuntu')),
  linuxCloudOs: Picker.of(LINUX_OS),
  linuxOnPremOs: Picker.of(LINUX_OS.filter((o) => !o.cloudOnly)),
  macHw: Picker.of(MAC_HARDWARE),
  workstationHw: Picker.of(WORKSTATION_HARDWARE),
  serverHw: Picker.of(SERVER_HARDWARE),
  winServerRole: Picker.of(WINDOWS_SERVER_ROLES),
  linuxServerRole: Picker.of(LINUX_SERVER_ROLES),
  env: Picker.of(ENVIRONMENTS),
  winRole: new Picker<HostRole>(['workstation', 'server', 'dc'], [85, 12, 3]),
  loadFlags: new Picker(['0', '1', '3'], [80, 15, 5]),
  rfm: new Picker(['no', 'yes', 'Unknown'] as const, [97, 2, 1]),
  agent: {
    Windows: new Picker(AGENT_VERSIONS.Windows.versions, AGENT_VERSIONS.Windows.weights),
    Mac: new Picker(AGENT_VERSIONS.Mac.versions, AGENT_VERSIONS.Mac.weights),
    Linux: new Picker(AGENT_VERSIONS.Linux.versions, AGENT_VERSIONS.Linux.weights),
  },
};

function platformQuota(rng: Random, n: number): Platform[] {
  const win = Math.round(n * 0.65);
  const mac = Math.min(n - win, Math.round(n * 0.2));
  const out: Platform[] = [];
  for (let i = 0; i < n; i++) out.push(i < win ? 'Windows' : i < win + mac ? 'Mac' : 'Linux');
  return shuffle(rng, out);
}

function person(rng: Random): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { first, last, username: `${first.charAt(0)}${last}`.toLowerCase() };
}

/** Site pickers by platform and role (PLATFORM_SLOT + ROLE_SLOT), made on first use. */
const sitePickers: (Picker<Site> | undefined)[] = [];
const PLATFORM_SLOT: Record<Platform, number> = { Windows: 0, Mac: 3, Linux: 6 };
const ROLE_SLOT: Record<HostRole, number> = { workstation: 0, server: 1, dc: 2 };

function siteFor(rng: Random, platform: Platform, role: HostRole): Site {
  const key = PLATFORM_SLOT[platform] + ROLE_SLOT[role];
  let picker = sitePickers[key];
  if (!picker) {
    const candidates =
      role === 'workstation'
        ? SITES.filter((s) => s.weight[0] > 0)
        : role === 'dc'
          ? SITES.filter((s) => s.kind === 'office' || s.kind === 'datacenter')
          : SITES.filter((s) => s.weight[1] > 0 && (platform === 'Linux' || s.kind !== 'office' || s.code === 'NYC'));
    const col = role === 'workstation' ? 0 : 1;
    picker = new Picker(candidates, candidates.map((s) => Math.max(1, s.weight[col])));
    sitePickers[key] = picker;
  }
  return picker.pick(rng);
}

function localIp(rng: Random, site: Site): string {
  if (site.kind === 'remote') return `192.168.${rng.pick(HOME_THIRD_OCTETS)}.${rng.int(2, 254)}`;
  return `${site.net}.${rng.int(0, 63)}.${rng.int(4, 254)}`;
}

function osFor(rng: Random, platform: Platform, role: HostRole, site: Site): OsInfo {
  if (platform === 'Windows') return (role === 'workstation' ? pick.winWorkstationOs : pick.winServerOs).pick(rng);
  if (platform === 'Mac') return pick.macOs.pick(rng);
  if (role === 'workstation') return pick.linuxWorkstationOs.pick(rng);
  return (site.kind === 'cloud' ? pick.linuxCloudOs : pick.linuxOnPremOs).pick(rng);
}

function hardwareFor(rng: Random, platform: Platform, role: HostRole, site: Site): Hardware {
  if (platform === 'Mac') return pick.macHw.pick(rng);
  if (site.kind === 'cloud') return EC2_HARDWARE;
  return (role === 'workstation' ? pick.workstationHw : pick.serverHw).pick(rng);
}

/** first/last seen: most hosts checked in recently, ~10% stale (> 30 days). */
function seenTimes(rng: Random, anchor: number, role: HostRole): { first: number; last: number; online: boolean } {
  const r = rng.next();
  const staleP = role === 'workstation' ? 0.11 : 0.06;
  let last: number;
  let online = false;
  if (r < staleP) last = anchor - between(rng, 31 * DAY, 200 * DAY);
  else if (r < staleP + 0.06) last = anchor - between(rng, DAY, 30 * DAY);
  else if (rng.chance(role === 'workstation' ? 0.8 : 0.97)) {
    last = anchor - between(rng, 0, 10 * MINUTE);
    online = true;
  } else last = anchor - between(rng, HOUR, DAY);
  let first = anchor - between(rng, 2 * DAY, 548 * DAY);
  if (first > last - HOUR) first = last - between(rng, DAY, 90 * DAY);
  return { first, last, online };
}

function tagsFor(rng: Random, d: Draft): string[] {
  const tags: string[] = [];
  if (d.role === 'workstation') {
    if (d.dept.code === 'EXEC' || rng.chance(0.65)) tags.push(`FalconGroupingTags/${d.dept.tag}`);
    if (d.site.kind === 'remote' && rng.chance(0.3)) tags.push('FalconGroupingTags/remote');
  } else {
    if (rng.chance(0.75)) tags.push(`FalconGroupingTags/${d.env ?? 'prod'}`);
    if (d.env === 'prod' && (d.serverRole?.key === 'db' || d.serverRole?.key === 'web') && rng.chance(0.4)) {
      tags.push('FalconGroupingTags/pci');
    }
    if (d.role === 'dc') tags.push('FalconGroupingTags/tier0');
  }
  return tags;
}

const NO_ITEMS: string[] = [];
const sharedSingles = new Map<string, string[]>();
const sharedLists = new Map<string, string[]>();

/**
 * One array per distinct list, shared by the hosts that have it: fewer objects to keep (a few dozen instead of
 * hundreds of thousands). Nothing changes these arrays in place: the routes that change a host's tags or groups
 * assign a new array (see routes/hostActions.ts, routes/hostGroups.ts), and nothing changes `ou`.
 */
function shared(list: string[]): string[] {
  if (list.length === 0) return NO_ITEMS;
  // Most lists have one item: keyed by it, with no joined key to build.
  const cache = list.length === 1 ? sharedSingles : sharedLists;
  const key = list.length === 1 ? (list[0] as string) : list.join('\n');
  let kept = cache.get(key);
  if (!kept) cache.set(key, (kept = list.slice()));
  return kept;
}

interface Fleet {
  rng: Random;
  cid: string;
  anchor: number;
  adDomain: string;
  policies: PolicyDraws;
  awsAccount: string;
  names: NameContext;
  macBase: number;
  groups: GroupPlan;
  instants: HostInstants;
}

export interface GeneratedHosts {
  metas: HostMeta[];
  /** TRAIT bits by ordinal (hostColumns.ts) */
  traits: Uint8Array;
  /** their policies, by host ordinal (Host._ordinal) */
  policies: PolicyDraws;
  instants: HostInstants;
}

export function generateHosts(rng: Random, count: number, cid: string, anchor: number, groups: GroupPlan): GeneratedHosts {
  const n = Math.max(0, Math.floor(count));
  const platforms = platformQuota(rng, n);
  const fleet: Fleet = {
    rng,
    cid,
    anchor,
    groups,
    adDomain: rng.pick(AD_DOMAINS),
    policies: new PolicyDraws(policyCatalog(rng, anchor), n),
    awsAccount: String(rng.int(100_000_000, 999_999_999)) + String(rng.int(100, 999)),
    names: { rng, taken: new Set(), width: n > 4000 ? 4 : 3 },
    macBase: rng.int(0, 0xffffff),
    instants: newHostInstants(n),
  };
  const metas: HostMeta[] = [];
  // Filled as each host is made: visiting 100,000 hosts again later costs a cache miss each.
  const traits = new Uint8Array(n);
  // One small function per host, so the JIT optimizes it early.
  for (let i = 0; i < n; i++) {
    const meta = makeHost(fleet, i, platforms[i] as Platform);
    metas.push(meta);
    traits[i] = traitsOf(meta);
  }
  return { metas, traits, policies: fleet.policies, instants: fleet.instants };
}

function makeHost(fleet: Fleet, i: number, platform: Platform): HostMeta {
  const { rng, cid, anchor, adDomain, policies, awsAccount, names, macBase, groups, instants } = fleet;
  const role: HostRole =
    platform === 'Mac' ? 'workstation'
    : platform === 'Linux' ? (rng.chance(0.12) ? 'workstation' : 'server')
    : pick.winRole.pick(rng);
  const draft: Draft = {
    platform,
    role,
    dept: role === 'workstation' ? pick.dept.pick(rng) : IT_DEPT,
    site: siteFor(rng, platform, role),
  };
  if (role === 'workstation') draft.user = person(rng);
  else {
    if (role === 'server') draft.serverRole = (platform === 'Linux' ? pick.linuxServerRole : pick.winServerRole).pick(rng);
    draft.env = role === 'dc' ? 'prod' : pick.env.pick(rng).key;
  }
  const site = draft.site;
  const os = osFor(rng, platform, role, site);
  const hw = hardwareFor(rng, platform, role, site);
  const product = rng.pick(hw.products);
  const ip = { value: localIp(rng, site), redraw: () => localIp(rng, site) };
  const hostname = makeHostname(names, draft, hw, product, ip);
  const seen = seenTimes(rng, anchor, role);
  // 128 random bits: the tenant's Map of hosts by device id (tenant/index.ts) checks that no two are the same.
  const deviceId = hex(rng, 32);
  const macInt = (Math.imul(i, 0x9e3779) + macBase) & 0xffffff;
  // Joined, not concatenated: one flat string rather than a chain of pieces for every host to keep.
  const mac = ['00-50-56', BYTE_HEX[macInt >>> 16], BYTE_HEX[(macInt >>> 8) & 0xff], BYTE_HEX[macInt & 0xff]].join('-');
  const stale = seen.last < anchor - 30 * DAY;
  const contained = !stale && role !== 'dc' && seen.last > anchor - DAY && rng.chance(0.02);
  const external = site.egress.length > 0 ? rng.pick(site.egress) : `198.51.100.${rng.int(1, 254)}`;
  const lastOctetDot = ip.value.lastIndexOf('.');
  const domain =
    platform === 'Windows' ? adDomain
    : site.kind === 'cloud' ? (site.domain ?? '')
    : platform === 'Mac' ? (rng.chance(0.3) ? adDomain : '')
    : rng.chance(0.4) ? adDomain : '';
  const ou = shared(
    platform !== 'Windows' ? (platform === 'Mac' && domain ? ['Macs'] : [])
    : role === 'dc' ? ['Domain Controllers']
    : role === 'server' ? [`${draft.serverRole?.name ?? 'Application'} Servers`, 'Servers']
    : [draft.dept.name, 'Workstations'],
  );
  const host: Host = {
    device_id: deviceId,
    cid,
    hostname,
    platform_name: platform,
    platform_id: PLATFORM_ID[platform],
    os_version: os.os_version,
    os_product_name: os.os_product_name,
    kernel_version: os.kernel_version,
    major_version: os.major_version,
    minor_version: os.minor_version,
    product_type_desc: role === 'dc' ? 'Domain Controller' : role === 'server' ? 'Server' : 'Workstation',
    agent_version: pick.agent[platform].pick(rng),
    agent_load_flags: pick.loadFlags.pick(rng),
    status: contained ? 'contained' : 'normal',
    first_seen: stamp(instants.first_seen, i, seen.first),
    last_seen: stamp(instants.last_seen, i, seen.last),
    modified_timestamp: stamp(instants.modified_timestamp, i, Math.min(anchor, seen.last + between(rng, 0, 5 * MINUTE))),
    local_ip: ip.value,
    external_ip: external,
    connection_ip: ip.value,
    default_gateway_ip: `${ip.value.slice(0, lastOctetDot)}.1`,
    mac_address: mac,
    connection_mac_address: mac,
    machine_domain: domain,
    ou,
    site_name: site.name,
    serial_number: serialNumber(rng, hw.serial),
    system_manufacturer: hw.manufacturer,
    system_product_name: product,
    bios_manufacturer: hw.bios_manufacturer,
    bios_version: rng.pick(hw.bios_versions),
    chassis_type: hw.chassis[0],
    chassis_type_desc: hw.chassis[1],
    tags: shared(tagsFor(rng, draft)),
    groups: [],
    reduced_functionality_mode: pick.rfm.pick(rng),
    filesystem_containment_status: contained ? 'contained' : 'normal',
    host_hidden_status: 'visible',
    detection_suppression_status: '',
    last_login_user: draft.user?.username ?? (platform === 'Windows' ? 'Administrator' : site.kind === 'cloud' ? 'ec2-user' : 'root'),
    last_reboot: iso(between(rng, Math.max(seen.first, seen.last - 30 * DAY), seen.last)),
    // Built on first read from what `policies.draw` keeps (see completeHost in index.ts); the keys are here, so
    // the record's fields keep their order.
    device_policies: undefined,
    policies: undefined,
    _online: seen.online ? 'online' : rng.chance(0.02) ? 'unknown' : 'offline',
    _ordinal: i,
  };
  if (os.os_build) host.os_build = os.os_build;
  if (site.kind === 'cloud') {
    host.instance_id = `i-0${hex(rng, 16)}`;
    host.service_provider = 'AWS_EC2_V2';
    host.service_provider_account_id = awsAccount;
    host.zone_group = `${site.region ?? 'us-east-1'}${rng.pick(['a', 'b', 'c'])}`;
  }
  policies.draw(rng, i, platform, role, seen.first, seen.last);
  const meta: HostMeta = {
    host,
    role,
    serverRole: draft.serverRole,
    env: draft.env,
    dept: draft.dept,
    site,
    user: draft.user,
    firstSeenMs: Math.floor(seen.first / 1000) * 1000,
    lastSeenMs: Math.floor(seen.last / 1000) * 1000,
    stale,
    recent: seen.last >= anchor - DAY,
    procs: NO_PROCS,
    lastPid: 0,
  };
  host.groups = shared(groups.assign(meta, rng));
  return meta;
}
