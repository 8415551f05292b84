// Validation of IOC Management create/update bodies, and the catalogs the
// /iocs/queries/{actions,ioc-types,platforms,severities} endpoints list.
// Messages name the offending indicator (`indicators[2]: ...`) because a
// client sends many at once.
import { SimHttpError } from '../envelope.js';
import type { Tenant } from '../tenant/types.js';
import type { IndicatorType, Ioc } from '../tenant/records/indicators.js';
import { INDICATOR_TYPES, indicatorProblem } from './indicators.js';
import { bodyObject } from './querying.js';

export const ACTIONS = [
  { id: 'no_action', name: 'No Action', description: 'Save the indicator for future use, but take no action. No severity required.' },
  { id: 'allow', name: 'Allow', description: 'Applies to hashes only. Allow the indicator and do not detect it. Severity does not apply.' },
  { id: 'prevent_no_ui', name: 'Block, hide detection', description: 'Applies to hashes only. Block and detect the indicator, but hide it from Activity > Detections. Has a default severity value.' },
  { id: 'detect', name: 'Detect only', description: 'Show as a detection and take no other action. Severity required.' },
  { id: 'prevent', name: 'Block', description: 'Applies to hashes only. Block the indicator and show it as a detection. Severity required.' },
] as const;
export const PLATFORMS = ['android', 'ios', 'linux', 'mac', 'windows'] as const;
export const SEVERITIES = ['critical', 'high', 'informational', 'low', 'medium'] as const;
const MOBILE_ACTIONS = ['no_action', 'allow', 'detect', 'prevent'];
const HASH_ONLY_ACTIONS = ['allow', 'prevent', 'prevent_no_ui'];
const SEVERITY_REQUIRED = ['detect', 'prevent'];

/** Fields a client may change after creation. */
export const EDITABLE_FIELDS = [
  'action', 'severity', 'platforms', 'applied_globally', 'host_groups', 'tags',
  'source', 'description', 'expiration', 'mobile_action', 'metadata',
] as const;
const CREATE_FIELDS = ['type', 'value', ...EDITABLE_FIELDS];

type Editable = Pick<Ioc, (typeof EDITABLE_FIELDS)[number]>;
export type IndicatorInput = Editable & Pick<Ioc, 'type' | 'value'>;

class Invalid extends Error {}
function invalid(message: string): never {
  throw new Invalid(message);
}

function strings(v: unknown, where: string, name: string): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) invalid(`${where}: '${name}' must be an array of strings.`);
  return v as string[];
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], where: string, name: string): T {
  const s = typeof v === 'string' ? v.toLowerCase() : v;
  if (typeof s !== 'string' || !allowed.includes(s as T)) {
    invalid(`${where}: invalid ${name} ${JSON.stringify(v)}. Valid values: ${allowed.join(', ')}.`);
  }
  return s as T;
}

/** Type-checks each given field; says nothing about which are required. */
function readFields(o: Record<string, unknown>, where: string, tenant: Tenant): Partial<IndicatorInput> {
  const out: Partial<IndicatorInput> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    switch (k) {
      case 'type': out.type = oneOf(v, INDICATOR_TYPES, where, 'type') as IndicatorType; break;
      case 'value':
        if (typeof v !== 'string' || v.trim() === '') invalid(`${where}: 'value' must be a non-empty string.`);
        out.value = v.trim();
        break;
      case 'action': out.action = oneOf(v, ACTIONS.map((a) => a.id), where, 'action'); break;
      case 'mobile_action': out.mobile_action = oneOf(v, MOBILE_ACTIONS, where, 'mobile_action') as Ioc['mobile_action']; break;
      case 'severity': out.severity = v === '' ? '' : oneOf(v, SEVERITIES, where, 'severity'); break;
      case 'platforms': out.platforms = strings(v, where, k).map((p) => oneOf(p, PLATFORMS, where, 'platform')); break;
      case 'applied_globally':
        if (typeof v !== 'boolean') invalid(`${where}: 'applied_globally' must be true or false.`);
        out.applied_globally = v;
        break;
      case 'host_groups': {
        const groups = strings(v, where, k);
        const unknown = groups.find((g) => !tenant.hostGroups.has(g));
        if (unknown !== undefined) invalid(`${where}: host group not found: ${unknown}.`);
        out.host_groups = groups;
        break;
      }
      case 'tags': out.tags = strings(v, where, k); break;
      case 'source':
      case 'description':
        if (typeof v !== 'string') invalid(`${where}: '${k}' must be a string.`);
        if (k === 'source' && v.length > 256) invalid(`${where}: 'source' is longer than 256 characters.`);
        out[k] = v;
        break;
      case 'expiration':
        if (typeof v !== 'string' || (v !== '' && Number.isNaN(Date.parse(v)))) {
          invalid(`${where}: 'expiration' must be an RFC 3339 timestamp such as 2026-12-31T00:00:00Z.`);
        }
        out.expiration = v === '' ? undefined : v;
        break;
      case 'metadata': {
        const m = bodyObject(v, Object.keys(v as object), `${where}.metadata`);
        if (!Object.values(m).every((x) => typeof x === 'string')) invalid(`${where}: metadata values must be strings.`);
        out.metadata = m as Record<string, string>;
        break;
      }
    }
  }
  return out;
}

/** Rules that span fields, checked on the whole indicator after a create or an update. */
function checkConsistent(r: IndicatorInput, where: string): void {
  const problem = indicatorProblem(r.type, r.value);
  if (problem) invalid(`${where}: ${problem}`);
  if (SEVERITY_REQUIRED.includes(r.action) && !r.severity) invalid(`${where}: 'severity' is required when action is '${r.action}'.`);
  if (HASH_ONLY_ACTIONS.includes(r.action) && r.type !== 'sha256' && r.type !== 'md5') {
    invalid(`${where}: action '${r.action}' applies to sha256 and md5 indicators only.`);
  }
  if (r.platforms.length === 0) invalid(`${where}: 'platforms' must list at least one of ${PLATFORMS.join(', ')}.`);
  if (r.applied_globally && r.host_groups.length > 0) invalid(`${where}: give either applied_globally or host_groups, not both.`);
  if (!r.applied_globally && r.host_groups.length === 0) invalid(`${where}: set applied_globally to true or name host_groups.`);
}

function messageOf(e: unknown): string {
  if (e instanceof Invalid || e instanceof SimHttpError) return e.message;
  throw e;
}

/** A create item as a complete indicator, or the sentence saying why it is invalid. */
export function checkIndicator(raw: unknown, where: string, tenant: Tenant): IndicatorInput | string {
  try {
    const f = readFields(bodyObject(raw, CREATE_FIELDS, where), where, tenant);
    for (const name of ['type', 'value', 'action', 'platforms'] as const) {
      if (f[name] === undefined) invalid(`${where}: '${name}' is required.`);
    }
    const type = f.type as IndicatorType;
    const value = type === 'sha256' || type === 'md5' || type === 'domain' ? (f.value as string).toLowerCase() : (f.value as string);
    const input: IndicatorInput = {
      type,
      value,
      action: f.action as Ioc['action'],
      severity: f.severity ?? '',
      platforms: f.platforms ?? [],
      applied_globally: f.applied_globally ?? false,
      host_groups: f.host_groups ?? [],
      tags: f.tags ?? [],
      source: f.source ?? '',
      description: f.description ?? '',
      expiration: f.expiration,
      mobile_action: f.mobile_action,
      metadata: f.metadata ?? {},
    };
    checkConsistent(input, where);
    return input;
  } catch (e) {
    return messageOf(e);
  }
}

/** The editable fields of `ioc` after applying `changes`, or why the change is invalid. */
export function indicatorChanges(ioc: Ioc, changes: Record<string, unknown>, where: string, tenant: Tenant): Partial<Ioc> | string {
  try {
    const f = readFields(changes, where, tenant);
    if ((f.type !== undefined && f.type !== ioc.type) || (f.value !== undefined && f.value.toLowerCase() !== ioc.value.toLowerCase())) {
      invalid(`${where}: the type and value of an indicator cannot be changed; delete it and create a new one.`);
    }
    const { type: _t, value: _v, ...editable } = f;
    const merged: IndicatorInput = { ...ioc, ...editable };
    if (Object.hasOwn(changes, 'expiration')) merged.expiration = f.expiration;
    checkConsistent(merged, where);
    const out: Partial<Ioc> = {};
    for (const k of EDITABLE_FIELDS) (out as Record<string, unknown>)[k] = merged[k];
    return out;
  } catch (e) {
    return messageOf(e);
  }
}

export function newIndicator(input: IndicatorInput, id: string, who: string, stamp: string): Ioc {
  const ioc: Ioc = {
    id,
    ...input,
    expired: false,
    deleted: false,
    created_on: stamp,
    created_by: who,
    modified_on: stamp,
    modified_by: who,
    from_parent: false,
  };
  if (ioc.expiration === undefined) delete ioc.expiration;
  if (ioc.mobile_action === undefined) delete ioc.mobile_action;
  return ioc;
}
