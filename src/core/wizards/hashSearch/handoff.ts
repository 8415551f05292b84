// From a hash search to the containment wizard: the hosts that saw the file,
// preselected (all of them, or those the user kept), resolved afresh so the
// review shows their current status.
import { initialContainmentState } from '../containment/machine.js';
import type { ContainmentOptions, ContainmentState } from '../containment/types.js';
import type { HashSearchResult } from './services.js';

export function containmentFromHashSearch(
  result: HashSearchResult,
  selected: readonly string[] = result.hosts.map((h) => h.deviceId),
  options: Partial<ContainmentOptions> = {},
): ContainmentState {
  const ids = result.hosts.map((h) => h.deviceId);
  return initialContainmentState({
    action: 'contain',
    text: ids.join('\n'),
    options,
    preselect: selected.filter((id) => ids.includes(id)),
    start: ids.length > 0,
  });
}
