// The whole search behind `talon vulns` and its tickets: resolve presets,
// walk every page, group, and fetch the remediations the groups refer to.
import type { ApiCaller } from '../http/types.js';
import { buildFilter, type Preset } from './presets.js';
import { resolveHostGroups } from './hostGroupIds.js';
import { walkVulnerabilities, type WalkProgress } from './walk.js';
import { VulnGrouper, type GroupBy, type VulnGroup } from './grouping.js';
import { fetchRemediations, type Remediation } from './remediations.js';

export interface FindInput {
  presets: readonly Preset[];
  fql?: string;
  statuses: readonly string[];
  by: GroupBy;
  now: number;
  signal?: AbortSignal;
  onPage?: (p: WalkProgress) => void;
}

export interface FindResult {
  filter: string;
  by: GroupBy;
  records: number;
  pages: number;
  groups: VulnGroup[];
  remediations: Map<string, Remediation>;
}

export async function findVulnerabilities(caller: ApiCaller, input: FindInput): Promise<FindResult> {
  const groupNames = input.presets.flatMap((p) => (p.kind === 'group' ? [p.name] : []));
  const groupIds = groupNames.length ? await resolveHostGroups(caller, groupNames, input.signal) : undefined;
  const filter = buildFilter({ presets: input.presets, fql: input.fql, statuses: input.statuses, now: input.now, groupIds });
  const grouper = new VulnGrouper(input.by);
  const walk = walkVulnerabilities(caller, { filter, signal: input.signal, onPage: input.onPage });
  let pages = 0;
  for (;;) {
    const step = await walk.next();
    if (step.done) {
      pages = step.value.page;
      break;
    }
    grouper.add(step.value);
  }
  const ids = grouper.remediationIds();
  const remediations = ids.length ? await fetchRemediations(caller, ids, input.signal) : new Map<string, Remediation>();
  return { filter, by: input.by, records: grouper.records, pages, groups: grouper.groups(), remediations };
}
