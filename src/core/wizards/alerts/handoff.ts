// From alert triage to the other wizards: the hosts of a selection to the
// containment wizard (resolved afresh, so its review shows their current
// status), and an alert's file hash to the hash search wizard (searching at
// once).
import { initialContainmentState } from '../containment/machine.js';
import type { ContainmentState } from '../containment/types.js';
import { initialHashSearchState, reduceHashSearch, type HashSearchState } from '../hashSearch/machine.js';
import type { AlertRecord } from './alertRecord.js';

/** The distinct hosts of `alerts`, in order (alerts without a host are left out). */
export function hostsOf(alerts: readonly AlertRecord[]): string[] {
  return [...new Set(alerts.map((a) => a.deviceId).filter(Boolean))];
}

/** The containment wizard on the alerts' hosts, resolving; undefined when none names a host. */
export function containmentFromAlerts(alerts: readonly AlertRecord[]): ContainmentState | undefined {
  const ids = hostsOf(alerts);
  return ids.length ? initialContainmentState({ action: 'contain', text: ids.join('\n'), start: true }) : undefined;
}

/** The hash search wizard searching the alert's sha256 (else its md5); undefined when it has neither. */
export function hashSearchFromAlert(alert: AlertRecord): HashSearchState | undefined {
  const hash = alert.sha256 || alert.md5;
  return hash ? reduceHashSearch(initialHashSearchState(hash), { type: 'submit' }) : undefined;
}
