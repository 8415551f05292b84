// Which columns a table of Falcon entities starts with: per entity kind,
// recognised by the keys its records carry, else the most common keys.

interface EntityKind {
  name: string;
  /** keys that together say a record is of this kind */
  marks: readonly string[];
  columns: readonly string[];
}

export const ENTITY_KINDS: readonly EntityKind[] = [
  { name: 'hosts', marks: ['device_id', 'hostname'], columns: ['hostname', 'device_id', 'platform_name', 'os_version', 'status', 'last_seen'] },
  { name: 'alerts', marks: ['composite_id'], columns: ['composite_id', 'severity', 'status', 'tactic', 'technique', 'hostname', 'created_timestamp'] },
  { name: 'vulnerabilities', marks: ['cve', 'aid'], columns: ['id', 'cve', 'status', 'aid', 'host_info', 'created_timestamp'] },
  { name: 'vulnerabilities', marks: ['vulnerability_id', 'aid'], columns: ['id', 'vulnerability_id', 'status', 'aid', 'created_timestamp'] },
  { name: 'IOCs', marks: ['type', 'value', 'action'], columns: ['type', 'value', 'action', 'severity', 'platforms', 'expiration', 'description'] },
  { name: 'incidents', marks: ['incident_id'], columns: ['incident_id', 'status', 'fine_score', 'hosts', 'start', 'end'] },
];

/** How many records are read to find the keys: enough for the shape, cheap on 10,000 rows. */
const SAMPLE = 200;
const DEFAULT_COLUMNS = 6;

/** Every key in the first records, most common first (ties in first-seen order). */
export function keysOf(rows: readonly Record<string, unknown>[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows.slice(0, SAMPLE)) for (const k of Object.keys(row)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

/** The entity kind and starting columns for `rows`. */
export function defaultColumns(rows: readonly Record<string, unknown>[]): { kind?: string; columns: string[] } {
  const keys = keysOf(rows);
  const present = new Set(keys);
  const kind = ENTITY_KINDS.find((k) => k.marks.every((m) => present.has(m)));
  if (kind) {
    // A host record names its platform `platform_name`; the issue's `platform` too, where a tenant has it.
    const columns = kind.columns.map((c) => (c === 'platform_name' && !present.has(c) && present.has('platform') ? 'platform' : c)).filter((c) => present.has(c));
    if (columns.length > 0) return { kind: kind.name, columns };
  }
  return { columns: keys.slice(0, DEFAULT_COLUMNS) };
}
