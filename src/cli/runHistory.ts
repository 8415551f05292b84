// Runs `talon history` and `talon history export`. Loaded only when they run.
import { openHistoryStore } from '../core/history/historyStore.js';
import { recentHistory } from '../core/history/historyReader.js';
import { entryToRequest, type HistoryEntry } from '../core/history/historyEntry.js';
import { historyTable } from '../core/history/historyView.js';
import { exportFormat, exportRequest } from './exportFormat.js';
import { UserError } from '../core/errors.js';
import { cloudBaseUrl, DEFAULT_CLOUD } from '../core/auth/clouds.js';
import type { HistoryExportFlags, HistoryFlags } from './history.js';
import { integerFlag } from './integerFlag.js';
import { safeJson } from '../core/text/safeJson.js';
import { writeExact, writeText } from './terminalOutput.js';


function warn(message: string): void {
  writeText(process.stderr, `talon: ${message}\n`);
}


export function runHistoryList(flags: HistoryFlags): number {
  const limit = integerFlag('--limit', flags.limit ?? '20', 1);
  const entries = recentHistory(openHistoryStore(process.env), limit, warn);
  if (flags.json) {
    process.stdout.write(`${safeJson(entries, process.stdout.isTTY ? 2 : undefined)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    process.stderr.write('talon: the history is empty: requests sent from the shell or with talon request appear here.\n');
    return 0;
  }
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  process.stdout.write(`${historyTable(entries, width).join('\n')}\n`);
  return 0;
}

/** Entry N of the newest-first list. */
export function historyEntry(n: number): HistoryEntry {
  const entries = recentHistory(openHistoryStore(process.env), n, warn);
  const entry = entries[n - 1];
  if (!entry) {
    throw new UserError(
      entries.length === 0 ? 'The history is empty: there is no entry to export.' : `There is no history entry ${n}: the history has ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.`,
    );
  }
  return entry;
}

export async function runHistoryExport(n: string, flags: HistoryExportFlags): Promise<number> {
  const format = exportFormat(flags);
  const entry = historyEntry(integerFlag('The entry number', n, 1));
  const req = entryToRequest(entry);
  const text = await exportRequest(format, req, flags.baseUrl ?? entry.baseUrl ?? process.env.FALCON_BASE_URL ?? cloudBaseUrl(DEFAULT_CLOUD));
  writeExact(process.stdout, `${text}\n`);
  return 0;
}
