// Runs `talon hash-search`: classifies the value, finds the hosts that saw it
// and prints them as a table, JSON or CSV. Seen on no host is an answer (exit 0).
import type { ConnectionFlags } from './commonOptions.js';
import { openCliConnection } from './cliConnection.js';
import { UserError } from '../core/errors.js';
import { classifyIndicator, describeIndicator } from '../core/wizards/hashSearch/indicator.js';
import { searchIndicator, type HashSearchResult, type ProcessRow } from '../core/wizards/hashSearch/services.js';
import { resultToCsv, resultToJson } from '../core/wizards/hashSearch/export.js';
import { formatTable, hostColumns, shortTime } from '../core/wizards/textTable.js';
import type { HostRecord } from '../core/wizards/hostRecords.js';
import { writeExact, writeText } from './terminalOutput.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

export interface HashSearchFlags extends ConnectionFlags {
  json?: boolean;
  csv?: boolean;
  processes?: boolean;
}

function textReport(result: HashSearchResult): string {
  const what = describeIndicator(result.indicator);
  if (!result.hosts.length) return `${what} was seen on no host.\n`;
  const n = result.hosts.length;
  let out = `${what} was seen on ${n} host${n === 1 ? '' : 's'}:\n`;
  out += formatTable(hostColumns<HostRecord>(['hostname', 'deviceId', 'platform', 'lastSeen', 'status'], (h) => h), result.hosts);
  if (result.processes) {
    const rows = result.hosts.flatMap((host) => (result.processes?.[host.deviceId] ?? []).map((p) => ({ host, p })));
    out += `\n${rows.length} process${rows.length === 1 ? '' : 'es'} involved it:\n`;
    out += formatTable<{ host: HostRecord; p: ProcessRow }>(
      [
        { header: 'HOSTNAME', value: (r) => r.host.hostname },
        { header: 'STARTED', value: (r) => shortTime(r.p.startTimestamp) },
        { header: 'PID', value: (r) => r.p.processIdLocal },
        { header: 'FILE', value: (r) => r.p.fileName },
        { header: 'COMMAND LINE', value: (r) => r.p.commandLine },
      ],
      rows,
    );
  }
  if (result.unknownDeviceIds.length) out += `\n${result.unknownDeviceIds.length} device id(s) from the lookup have no details any more: ${terminalSafe(result.unknownDeviceIds.join(', '))}\n`;
  return out;
}

export async function runHashSearch(value: string, flags: HashSearchFlags): Promise<number> {
  const classified = classifyIndicator(value);
  if (!classified.ok) throw new UserError(classified.message);
  const conn = openCliConnection(flags);
  try {
    const result = await searchIndicator(conn.client, classified.indicator, { processes: flags.processes });
    if (flags.json) process.stdout.write(resultToJson(result, Boolean(process.stdout.isTTY)));
    else if (flags.csv) writeExact(process.stdout, resultToCsv(result));
    else writeText(process.stdout, textReport(result));
    return 0;
  } finally {
    await conn.close();
  }
}
