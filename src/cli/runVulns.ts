// Runs `talon vulns`: every page of the search, grouped by CVE or host, as a
// table, JSON or CSV. No match is an answer (exit 0); a broken walk is not.
import { openCliConnection } from './cliConnection.js';
import { findVulnerabilities } from '../core/vulns/find.js';
import { groupsTable, resultToCsv, resultToJson, summaryLine } from '../core/vulns/view.js';
import type { GroupBy } from '../core/vulns/grouping.js';
import { integerFlag } from './integerFlag.js';
import { writeExact, writeText } from './terminalOutput.js';
import { endProgress, finderInput, type FinderFlags } from './finderFlags.js';

export interface VulnsFlags extends FinderFlags {
  by?: GroupBy;
  limit?: string;
  json?: boolean;
  csv?: boolean;
}

export async function runVulns(fql: string | undefined, flags: VulnsFlags): Promise<number> {
  const limit = flags.limit === undefined ? undefined : integerFlag('--limit', flags.limit, 1);
  const input = finderInput(fql, flags, flags.by ?? 'cve');
  const conn = openCliConnection(flags);
  try {
    const result = await findVulnerabilities(conn.client, input).finally(endProgress);
    const shown = limit === undefined ? result.groups : result.groups.slice(0, limit);
    if (flags.json) process.stdout.write(resultToJson(result, shown, Boolean(process.stdout.isTTY)));
    else if (flags.csv) writeExact(process.stdout, resultToCsv(result, shown));
    else {
      let out = summaryLine(result);
      if (shown.length) out += groupsTable(result, shown);
      const hidden = result.groups.length - shown.length;
      if (hidden > 0) out += `… and ${hidden.toLocaleString('en-US')} more ${result.by === 'cve' ? 'CVEs' : 'hosts'} (raise --limit to see them)\n`;
      writeText(process.stdout, out);
    }
    return 0;
  } finally {
    await conn.close();
  }
}
