// One alert as the triage workflow uses it: the fields it shows, matches and
// changes, read defensively from the API's record (any field may be absent).
// Strings stay raw here; they are made terminal-safe where they are printed.

export type AlertStatus = 'new' | 'in_progress' | 'reopened' | 'closed';
export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'in_progress', 'reopened', 'closed'];

/** Severity bands as the console names them, with the lowest score of each. */
export const SEVERITY_BANDS = [
  { name: 'informational', min: 1 },
  { name: 'low', min: 20 },
  { name: 'medium', min: 40 },
  { name: 'high', min: 60 },
  { name: 'critical', min: 80 },
] as const;
export type SeverityName = (typeof SEVERITY_BANDS)[number]['name'];

/** The highest score still in a band ("low" → 39). */
export function severityCeiling(name: SeverityName): number {
  const i = SEVERITY_BANDS.findIndex((b) => b.name === name);
  const next = SEVERITY_BANDS[i + 1];
  return next ? next.min - 1 : 100;
}

export function severityBand(score: number): SeverityName {
  let band: SeverityName = 'informational';
  for (const b of SEVERITY_BANDS) if (score >= b.min) band = b.name;
  return band;
}

export interface ParentProcess {
  fileName: string;
  filePath: string;
  commandLine: string;
  processId: string;
}

export interface AlertRecord {
  compositeId: string;
  /** 1..100 */
  severity: number;
  severityName: string;
  status: string;
  name: string;
  displayName: string;
  description: string;
  tactic: string;
  tacticId: string;
  technique: string;
  techniqueId: string;
  /** RFC 3339 */
  created: string;
  updated: string;
  deviceId: string;
  hostname: string;
  platform: string;
  userName: string;
  fileName: string;
  filePath: string;
  commandLine: string;
  sha256: string;
  md5: string;
  processId: string;
  parent?: ParentProcess;
  assignedName: string;
  assignedUid: string;
  tags: string[];
  comments: { value: string; timestamp: string; author?: string }[];
}

type Raw = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

function parentOf(raw: Raw): ParentProcess | undefined {
  const p = obj(raw.parent_details);
  const commandLine = text(p.cmdline);
  const filePath = text(p.filepath);
  if (!commandLine && !filePath) return undefined;
  return { fileName: text(p.filename) || baseName(filePath), filePath, commandLine, processId: text(p.process_id) };
}

/** The record for one resource of the entities or combined call. */
export function toAlertRecord(raw: Raw): AlertRecord {
  const device = obj(raw.device);
  const severity = typeof raw.severity === 'number' ? raw.severity : Number(raw.severity) || 0;
  const filePath = text(raw.filepath);
  return {
    compositeId: text(raw.composite_id),
    severity,
    severityName: text(raw.severity_name) || severityBand(severity),
    status: text(raw.status),
    name: text(raw.name),
    displayName: text(raw.display_name) || text(raw.name),
    description: text(raw.description),
    tactic: text(raw.tactic),
    tacticId: text(raw.tactic_id),
    technique: text(raw.technique),
    techniqueId: text(raw.technique_id),
    created: text(raw.created_timestamp),
    updated: text(raw.updated_timestamp),
    deviceId: (text(device.device_id) || text(raw.agent_id)).toLowerCase(),
    hostname: text(device.hostname),
    platform: text(device.platform_name) || text(raw.platform),
    userName: text(raw.user_name),
    fileName: text(raw.filename) || baseName(filePath),
    filePath,
    commandLine: text(raw.cmdline),
    sha256: text(raw.sha256).toLowerCase(),
    md5: text(raw.md5).toLowerCase(),
    processId: text(raw.process_id),
    parent: parentOf(raw),
    assignedName: text(raw.assigned_to_name),
    assignedUid: text(raw.assigned_to_uid),
    tags: Array.isArray(raw.tags) ? raw.tags.map(text).filter(Boolean) : [],
    comments: Array.isArray(raw.comments)
      ? raw.comments.map((c) => {
          const o = obj(c);
          const author = text(o.author) || text(o.user_name) || undefined;
          return { value: text(o.value) || text(o.comment), timestamp: text(o.timestamp) || text(o.created_timestamp), ...(author ? { author } : {}) };
        })
      : [],
  };
}
