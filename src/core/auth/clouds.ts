// Falcon clouds: names (and their spellings), API hosts, base URLs given by
// hand, the X-Cs-Region header that autodiscovery reads, and the
// TALON_CLOUD_URLS override that points clouds at local simulators.
import { ExitCode, UserError } from '../errors.js';

/** API hosts per cloud (facts §1). us-3 is left out: only gofalcon lists it. */
export const CLOUD_HOSTS = {
  'us-1': 'api.crowdstrike.com',
  'us-2': 'api.us-2.crowdstrike.com',
  'eu-1': 'api.eu-1.crowdstrike.com',
  'us-gov-1': 'api.laggar.gcw.crowdstrike.com',
  'us-gov-2': 'api.us-gov-2.crowdstrike.mil',
} as const;

export type CloudName = keyof typeof CLOUD_HOSTS;
/** A cloud as configured: a name, or `auto` for region autodiscovery. */
export type CloudSetting = CloudName | 'auto';
/** Base URLs by canonical cloud name, replacing the real hosts (tests, simulator). */
export type CloudUrlOverrides = Readonly<Record<string, string>>;

export const CLOUD_NAMES = Object.keys(CLOUD_HOSTS) as CloudName[];
export const DEFAULT_CLOUD: CloudName = 'us-1';

/** Where a configured cloud or base URL leads. */
export interface CloudChoice {
  /** canonical name; `custom` for a base URL that is no known cloud */
  cloud: CloudSetting | 'custom';
  baseUrl: string;
  autodiscover: boolean;
}

// Spellings are compared without case, dashes, underscores or spaces, so
// US2, us2, us-2, usgov1 and gov1 all work (as in gofalcon and falconpy).
const ALIASES: Readonly<Record<string, CloudSetting>> = {
  us1: 'us-1',
  us2: 'us-2',
  eu1: 'eu-1',
  usgov1: 'us-gov-1',
  gov1: 'us-gov-1',
  usgov2: 'us-gov-2',
  gov2: 'us-gov-2',
  auto: 'auto',
  autodiscover: 'auto',
};

const aliasKey = (input: string): string => input.trim().toLowerCase().replace(/[-_\s]/g, '');

function lookupCloud(input: string): CloudSetting | undefined {
  return Object.hasOwn(ALIASES, aliasKey(input)) ? ALIASES[aliasKey(input)] : undefined;
}

function unknownCloud(input: string): UserError {
  return new UserError(
    `Unknown cloud "${input.trim()}": use one of ${CLOUD_NAMES.join(', ')} or auto, or give the API base URL instead (--base-url).`,
    ExitCode.usage,
  );
}

/** A cloud name in any accepted spelling → its canonical name or `auto`. */
export function normaliseCloud(input: string): CloudSetting {
  const cloud = lookupCloud(input);
  if (!cloud) throw unknownCloud(input);
  return cloud;
}

/** The X-Cs-Region value of a token response → a known cloud, else undefined. */
export function regionFromHeader(value: string | readonly string[] | null | undefined): CloudName | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const cloud = lookupCloud(v);
  return cloud === 'auto' ? undefined : cloud;
}

/** The base URL of a cloud (`auto` starts at us-1), honouring overrides. */
export function cloudBaseUrl(name: string, overrides?: CloudUrlOverrides): string {
  const setting = normaliseCloud(name);
  const cloud = setting === 'auto' ? DEFAULT_CLOUD : setting;
  const override = overrides?.[cloud];
  return override ? normaliseBaseUrl(override) : `https://${CLOUD_HOSTS[cloud]}`;
}

/** The cloud a base URL belongs to (overrides first), or undefined for a custom URL. */
export function cloudForBaseUrl(url: string, overrides?: CloudUrlOverrides): CloudName | undefined {
  let base: string;
  try {
    base = normaliseBaseUrl(url);
  } catch {
    return undefined;
  }
  for (const name of CLOUD_NAMES) {
    const override = overrides?.[name];
    if (override && safeNormalise(override) === base) return name;
  }
  return CLOUD_NAMES.find((name) => `https://${CLOUD_HOSTS[name]}` === base);
}

function safeNormalise(url: string): string | undefined {
  try {
    return normaliseBaseUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * A base URL as typed (the XSOAR "Cloud Base URL", a bare host, or a URL with
 * a path) → `scheme://host[:port]`. The scheme defaults to https; http is
 * allowed for local simulators.
 */
export function normaliseBaseUrl(input: string): string {
  const raw = input.trim();
  const bad = (why: string): UserError =>
    new UserError(
      `"${raw}" is not an API base URL (${why}): give a host such as api.us-2.crowdstrike.com or a URL such as https://api.us-2.crowdstrike.com.`,
      ExitCode.usage,
    );
  if (!raw) throw bad('it is empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw bad('it does not parse as a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad(`the scheme must be https or http, not ${url.protocol.slice(0, -1)}`);
  if (url.username || url.password) throw bad('it must not contain a user name or password');
  const host = url.hostname;
  const isIpv6 = host.startsWith('[') && host.endsWith(']');
  // A single bare word ("garbage", "us2") is almost certainly a mistake, not a host.
  const looksLikeHost = isIpv6 || host === 'localhost' || (/^[a-z0-9.-]+$/.test(host) && host.includes('.') && !host.startsWith('.') && !host.endsWith('.'));
  if (!looksLikeHost) throw bad(lookupCloud(raw) ? 'that is a cloud name; use --cloud for it' : 'that is not a host name');
  return `${url.protocol}//${url.host}`;
}

/** A base URL → where it leads (`custom` unless it is a known or overridden cloud). */
export function cloudFromBaseUrl(input: string, overrides?: CloudUrlOverrides): CloudChoice {
  const baseUrl = normaliseBaseUrl(input);
  return { cloud: cloudForBaseUrl(baseUrl, overrides) ?? 'custom', baseUrl, autodiscover: false };
}

/**
 * A cloud setting → where it leads. Besides names and `auto`, a value that
 * looks like a URL is taken as a base URL, since XSOAR calls the base URL
 * its "cloud".
 */
export function parseCloud(input: string, overrides?: CloudUrlOverrides): CloudChoice {
  const cloud = lookupCloud(input);
  if (cloud) return { cloud, baseUrl: cloudBaseUrl(cloud, overrides), autodiscover: cloud === 'auto' };
  if (/[.:/]/.test(input)) return cloudFromBaseUrl(input, overrides);
  throw unknownCloud(input);
}

/** TALON_CLOUD_URLS, e.g. {"us-1":"http://127.0.0.1:1234"}, as canonical name → base URL. */
export function cloudUrlOverrides(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const raw = env.TALON_CLOUD_URLS?.trim();
  if (!raw) return {};
  const bad = (why: string): UserError =>
    new UserError(`TALON_CLOUD_URLS is not usable (${why}): set it to JSON such as {"us-1":"http://127.0.0.1:8080"}.`, ExitCode.usage);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw bad(`invalid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad('it is not a JSON object');
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const cloud = lookupCloud(key);
    if (!cloud || cloud === 'auto') throw bad(`"${key}" is not a cloud name`);
    if (typeof value !== 'string') throw bad(`the value for "${key}" is not a string`);
    out[cloud] = normaliseBaseUrl(value);
  }
  return out;
}
