// Carries out the vulnerabilities view's effects through the shell's caller
// (its door): the search walks every page once and groups the records both
// ways, so toggling CVE/host needs no second walk; remediations are fetched
// for the row under the cursor only.
import type { ApiCaller } from '../../http/types.js';
import { UserError } from '../../errors.js';
import { terminalSafe } from '../../text/terminalSafe.js';
import { buildFilter } from '../presets.js';
import { resolveHostGroups } from '../hostGroupIds.js';
import { walkVulnerabilities } from '../walk.js';
import { VulnGrouper } from '../grouping.js';
import { fetchRemediations } from '../remediations.js';
import type { VulnViewAction, VulnViewEffect } from './state.js';

function messageOf(e: unknown): string {
  if (e instanceof UserError) return terminalSafe([e.message, ...e.details].join(' '));
  return terminalSafe(e instanceof Error ? e.message : String(e));
}

export async function runVulnEffect(e: VulnViewEffect, caller: ApiCaller, dispatch: (a: VulnViewAction) => void, signal: AbortSignal, now: () => number = Date.now): Promise<void> {
  try {
    if (e.kind === 'search') {
      const groupNames = e.presets.flatMap((p) => (p.kind === 'group' ? [p.name] : []));
      const groupIds = groupNames.length ? await resolveHostGroups(caller, groupNames, signal) : undefined;
      const filter = buildFilter({ presets: e.presets, statuses: ['open', 'reopen'], now: now(), groupIds });
      const byCve = new VulnGrouper('cve');
      const byHost = new VulnGrouper('host');
      for await (const page of walkVulnerabilities(caller, { filter, signal, onPage: (progress) => dispatch({ type: 'progress', progress }) })) {
        byCve.add(page);
        byHost.add(page);
      }
      if (signal.aborted) return;
      dispatch({ type: 'loaded', loaded: { filter, records: byCve.records, byCve: byCve.groups(), byHost: byHost.groups() } });
      return;
    }
    const found = await fetchRemediations(caller, e.ids, signal);
    if (signal.aborted) return;
    dispatch({ type: 'remediations', asked: e.ids, found: [...found.values()] });
  } catch (err) {
    if (signal.aborted) return;
    const message = messageOf(err);
    dispatch(e.kind === 'search' ? { type: 'failed', message } : { type: 'remediationsFailed', asked: e.ids, message });
  }
}
