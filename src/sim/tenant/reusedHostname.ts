// One hostname carried by several hosts, as after a reimage: the machine came
// back with a new device id while the old records have not aged out yet. The
// containment wizard's "several hosts with one name" step needs this in the demo.
import type { HostMeta } from './meta.js';

/**
 * Renames up to two older Windows workstations to the name of a current one
 * (never one of the `avoid` names, which demos use for unambiguous examples).
 * Returns the shared name, or undefined when the fleet is too small.
 */
export function reuseHostname(metas: readonly HostMeta[], avoid: ReadonlySet<string>): string | undefined {
  // Taken from the end of the fleet: code that picks "the first normal host" (tests, demos) keeps a unique name.
  const workstations = metas.filter((m) => m.host.platform_name === 'Windows' && m.role === 'workstation' && !avoid.has(m.host.hostname)).reverse();
  const current = workstations.find((m) => m.recent && m.host.status === 'normal' && m.host._online === 'online');
  if (!current) return undefined;
  const older = [
    ...workstations.filter((m) => m.stale),
    ...workstations.filter((m) => !m.stale && !m.recent),
  ].filter((m) => m !== current).slice(0, 2);
  if (older.length === 0) return undefined;
  for (const m of older) m.host.hostname = current.host.hostname;
  return current.host.hostname;
}
