// Host group names to ids for the group:NAME preset (Spotlight filters
// groups by id). Names match exactly first, then ignoring case, as the
// console treats them as unique regardless of case.
import { UserError } from '../errors.js';
import type { ApiCaller } from '../http/types.js';
import { paginate } from '../paging/paginate.js';

const GROUPS_PATH = '/devices/combined/host-groups/v1';
const GROUP_ID = /^[0-9a-f]{32}$/i;

interface GroupRow {
  id: string;
  name: string;
}

async function allGroups(caller: ApiCaller, signal?: AbortSignal): Promise<GroupRow[]> {
  const out: GroupRow[] = [];
  for await (const raw of paginate(caller, { method: 'GET', path: GROUPS_PATH, query: [['limit', '500']] }, { signal })) {
    const r = raw as Record<string, unknown>;
    if (typeof r.id === 'string' && typeof r.name === 'string') out.push({ id: r.id, name: r.name });
  }
  return out;
}

/** name → id for each name; a 32-hex value is taken as an id as it is. */
export async function resolveHostGroups(caller: ApiCaller, names: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = names.filter((n) => !GROUP_ID.test(n));
  for (const n of names) if (GROUP_ID.test(n)) out.set(n, n.toLowerCase());
  if (!wanted.length) return out;
  // A failure (a 403 names the host-group:read scope) is paginate's ApiError.
  const groups = await allGroups(caller, signal);
  for (const name of wanted) {
    const match = groups.find((g) => g.name === name) ?? groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (!match) {
      const known = groups.map((g) => g.name).sort().slice(0, 12);
      throw new UserError(`No host group is named '${name}'.`, undefined, known.length ? [`host groups: ${known.join(', ')}${groups.length > known.length ? ', …' : ''}`] : ['this tenant has no host groups']);
    }
    out.set(name, match.id);
  }
  return out;
}
