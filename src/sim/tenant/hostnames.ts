// Hostnames and serial numbers in the styles real fleets have: AD naming
// schemes for Windows, Apple defaults for Macs, cloud names for Linux.
import type { Random } from '../random.js';
import type { Platform } from './records/hosts.js';
import type { Hardware, SerialStyle } from './names.js';
import type { HostMeta } from './meta.js';
import { hex, pad, randomChars, randomDigits, uniqueName } from './util.js';

export interface NameContext {
  rng: Random;
  taken: Set<string>;
  /** digits in numbered names, wider for big fleets so names stay unique */
  width: number;
}

/** What is known about a host before it is named. */
export interface Draft extends Pick<HostMeta, 'role' | 'serverRole' | 'env' | 'dept' | 'site' | 'user'> {
  platform: Platform;
}

function maybe(rng: Random, p: number, a: string, b: string): string {
  return rng.chance(p) ? a : b;
}

function windowsWorkstation(c: NameContext, d: Draft): string {
  const { rng, width } = c;
  const r = rng.next();
  if (r < 0.45) return `WS-${d.dept.code}-${pad(rng.int(1, 10 ** width - 1), width)}`;
  if (r < 0.62) return `LAPTOP-${randomChars(rng, 7)}`;
  if (r < 0.72) return `DESKTOP-${randomChars(rng, 7)}`;
  if (r < 0.93 || !d.user) {
    const code = d.site.kind === 'remote' ? 'NYC' : d.site.code;
    return `${code}-${maybe(rng, 0.7, 'LT', 'WKS')}-${pad(rng.int(1, 10 ** (width + 1) - 1), width + 1)}`;
  }
  return `${d.user.first}${d.user.last.charAt(0)}-PC`;
}

function windowsServer(c: NameContext, d: Draft): string {
  const { rng, width } = c;
  const w = width - 1;
  const role = d.serverRole?.code ?? 'APP';
  if (d.role === 'dc') {
    return rng.chance(0.7) ? `${d.site.code}-DC-${pad(rng.int(1, 10 ** w - 1), w)}` : `DC${pad(rng.int(1, 10 ** w - 1), w)}`;
  }
  if (rng.chance(0.7)) {
    const env = d.env === 'prod' ? 'PROD' : d.env === 'staging' ? 'STG' : 'DEV';
    return `SRV-${role}-${env}-${pad(rng.int(1, 10 ** w - 1), w)}`;
  }
  return `${d.site.code}-${role}${pad(rng.int(1, 10 ** w - 1), w)}`;
}

function mac(c: NameContext, d: Draft, hw: Hardware, product: string): string {
  const { rng } = c;
  const user = d.user;
  const desktop = hw.chassis[1] === 'Desktop';
  const kind = desktop ? 'Mac-mini' : product.startsWith('MacBookAir') || hw.chassis[1] === 'Laptop' ? 'MacBook-Air' : 'MacBook-Pro';
  const r = rng.next();
  if (user && r < 0.4) return `mac-${user.username}-${desktop ? 'mini' : kind === 'MacBook-Air' ? 'mba' : 'mbp'}`;
  if (user && r < 0.72) return `${user.first}s-${kind}`;
  if (user && r < 0.82) return `${user.username}-${kind.toLowerCase()}`;
  return `${desktop ? 'MAC' : 'MBP'}-${randomChars(rng, 10)}`;
}

function linux(c: NameContext, d: Draft, localIp: string): string {
  const { rng, width } = c;
  if (d.role === 'workstation') {
    const u = d.user?.username ?? 'dev';
    const r = rng.next();
    if (r < 0.4) return `${u}-ubuntu`;
    if (r < 0.7) return `dev-${u}-${pad(rng.int(1, 99), 2)}`;
    return `${u}-ws${pad(rng.int(1, 10 ** width - 1), width)}`;
  }
  if (d.site.kind === 'cloud' && rng.chance(0.55)) return `ip-${localIp.replace(/\./g, '-')}`;
  const role = d.serverRole?.code ?? 'app';
  const env = d.env ?? 'prod';
  const w = width - 1;
  if (d.site.kind === 'datacenter' && rng.chance(0.3)) return `${role}${pad(rng.int(1, 10 ** w - 1), w)}.${d.site.code.toLowerCase()}`;
  return `${role}-${env}-${pad(rng.int(1, 10 ** w - 1), w)}`;
}

/**
 * A unique hostname for the host being drafted. `ip.redraw` picks another
 * local address, for cloud names derived from it ("ip-10-100-3-14").
 */
export function makeHostname(
  c: NameContext,
  d: Draft,
  hw: Hardware,
  product: string,
  ip: { value: string; redraw: () => string },
): string {
  const platform = d.platform;
  return uniqueName(c.taken, () => {
    if (platform === 'Windows') return d.role === 'workstation' ? windowsWorkstation(c, d) : windowsServer(c, d);
    if (platform === 'Mac') return mac(c, d, hw, product);
    const name = linux(c, d, ip.value);
    if (name.startsWith('ip-') && c.taken.has(name)) {
      ip.value = ip.redraw();
      return `ip-${ip.value.replace(/\./g, '-')}`;
    }
    return name;
  });
}

export function serialNumber(rng: Random, style: SerialStyle): string {
  switch (style) {
    case 'dell':
      return randomChars(rng, 7);
    case 'lenovo':
      return `PF${randomChars(rng, 6)}`;
    case 'hp':
      return `5CG${randomDigits(rng, 3)}${randomChars(rng, 4)}`;
    case 'surface':
      return randomDigits(rng, 12);
    case 'apple':
      return rng.chance(0.3) ? `C02${randomChars(rng, 9)}` : randomChars(rng, 10);
    case 'vmware': {
      const h = hex(rng, 32);
      const bytes = (s: string) => s.match(/../g)?.join(' ') ?? s;
      return `VMware-${bytes(h.slice(0, 16))}-${bytes(h.slice(16))}`;
    }
    case 'hyperv':
      return `${randomDigits(rng, 4)}-${randomDigits(rng, 4)}-${randomDigits(rng, 4)}-${randomDigits(rng, 4)}-${randomDigits(rng, 4)}-${randomDigits(rng, 4)}-${randomDigits(rng, 2)}`;
    case 'ec2':
      return `ec2${hex(rng, 5)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`;
  }
}
