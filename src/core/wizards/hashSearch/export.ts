// The hash search result as JSON or CSV (RFC 4180: CRLF line ends; fields
// with a comma, quote or line break quoted, quotes doubled; formula-like
// fields prefixed with ', see text/csvCell.ts), for files and scripts.
// With processes, the CSV has one line per host and process.
import type { HostRecord } from '../hostRecords.js';
import type { HashSearchResult, ProcessRow } from './services.js';
import { csvLine } from '../../text/csvCell.js';
import { safeJson } from '../../text/safeJson.js';

export interface ExportedHost extends HostRecord {
  processes?: ProcessRow[];
}

export interface ExportedResult {
  indicator: HashSearchResult['indicator'];
  hostCount: number;
  hosts: ExportedHost[];
  unknownDeviceIds: string[];
}

export function resultToJsonValue(result: HashSearchResult): ExportedResult {
  return {
    indicator: result.indicator,
    hostCount: result.hosts.length,
    hosts: result.hosts.map((h) => (result.processes ? { ...h, processes: result.processes[h.deviceId] ?? [] } : { ...h })),
    unknownDeviceIds: result.unknownDeviceIds,
  };
}

export function resultToJson(result: HashSearchResult, pretty = true): string {
  return safeJson(resultToJsonValue(result), pretty ? 2 : undefined) + '\n';
}

export { csvField, csvLine } from '../../text/csvCell.js';

const HOST_COLUMNS = ['hostname', 'device_id', 'platform', 'os_version', 'last_seen', 'containment_status', 'local_ip', 'external_ip', 'online'];
const PROCESS_COLUMNS = ['process_id', 'process_id_local', 'file_name', 'command_line', 'start_timestamp', 'stop_timestamp'];

function hostFields(h: HostRecord): string[] {
  return [h.hostname, h.deviceId, h.platform, h.osVersion, h.lastSeen, h.status, h.localIp, h.externalIp, h.online ?? ''];
}

function processFields(p: ProcessRow | undefined): string[] {
  return p ? [p.processId, p.processIdLocal, p.fileName, p.commandLine, p.startTimestamp, p.stopTimestamp] : PROCESS_COLUMNS.map(() => '');
}

/** The header, then one line per host (or per host and process when processes were fetched). */
export function resultToCsv(result: HashSearchResult): string {
  const withProcesses = result.processes !== undefined;
  let out = csvLine(withProcesses ? [...HOST_COLUMNS, ...PROCESS_COLUMNS] : HOST_COLUMNS);
  for (const h of result.hosts) {
    if (!withProcesses) {
      out += csvLine(hostFields(h));
      continue;
    }
    const processes = result.processes?.[h.deviceId] ?? [];
    for (const p of processes.length ? processes : [undefined]) out += csvLine([...hostFields(h), ...processFields(p)]);
  }
  return out;
}
