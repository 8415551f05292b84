// Runs `talon alerts` (the table, JSON, CSV or ids of the matching alerts)
// and `talon alerts show` (each alert with its context). Seeing no alert is
// an answer (exit 0).
import type { ConnectionFlags } from './commonOptions.js';
import { openCliConnection } from './cliConnection.js';
import { integerFlag } from './integerFlag.js';
import { UserError } from '../core/errors.js';
import { listAlerts, fetchAlerts } from '../core/wizards/alerts/listAlerts.js';
import { combineFilters, isPreset } from '../core/wizards/alerts/presets.js';
import { DEFAULT_LIMIT } from '../core/wizards/alerts/machine.js';
import { Enricher } from '../core/wizards/alerts/enrich.js';
import { alertTable, alertsCsv, countLine, detailText } from '../core/wizards/alerts/format.js';
import { safe, safeJson } from '../core/wizards/alerts/safeText.js';

export interface AlertListFlags extends ConnectionFlags {
  preset?: string;
  limit?: string;
  json?: boolean;
  csv?: boolean;
  ids?: boolean;
}

export interface AlertShowFlags extends ConnectionFlags {
  json?: boolean;
}

const pretty = (): boolean => Boolean(process.stdout.isTTY);
/** The table's width: the terminal's, or 80 when piped. */
const tableWidth = (): number => (process.stdout.isTTY && process.stdout.columns ? Math.max(60, process.stdout.columns) : 80);

export async function runAlertList(filter: string | undefined, flags: AlertListFlags): Promise<number> {
  const limit = flags.limit === undefined ? DEFAULT_LIMIT : integerFlag('--limit', flags.limit, 1);
  const preset = flags.preset;
  if (preset !== undefined && !isPreset(preset)) throw new UserError(`--preset must be new, high, last-24h or unassigned; got '${preset}'.`);
  const conn = openCliConnection(flags);
  try {
    const { alerts, total } = await listAlerts(conn.client, { filter: combineFilters(preset, filter), limit });
    if (flags.json) process.stdout.write(safeJson(alerts, pretty()) + '\n');
    else if (flags.csv) process.stdout.write(alertsCsv(alerts));
    else if (flags.ids) process.stdout.write(alerts.map((a) => safe(a.compositeId) + '\n').join(''));
    else {
      if (alerts.length) process.stdout.write(alertTable(alerts, tableWidth()));
      process.stderr.write(`talon: ${countLine(alerts.length, total)}\n`);
    }
    return 0;
  } finally {
    await conn.close();
  }
}

export async function runAlertShow(ids: string[], flags: AlertShowFlags): Promise<number> {
  const conn = openCliConnection(flags);
  try {
    const alerts = await fetchAlerts(conn.client, ids);
    const known = new Set(alerts.map((a) => a.compositeId));
    const unknown = ids.filter((id) => !known.has(id));
    if (!alerts.length) throw new UserError(`No alert has the id${ids.length === 1 ? '' : 's'} given: check them (talon alerts --ids lists ids).`, 1, unknown.map(safe));
    const details = await new Enricher(conn.client).enrich(alerts);
    if (flags.json) process.stdout.write(safeJson(details, pretty()) + '\n');
    else {
      const now = Date.now();
      process.stdout.write(details.map((d) => detailText(d, now)).join('\n'));
      for (const d of details) {
        const next = [`talon contain ${d.alert.deviceId}`, ...(d.alert.sha256 ? [`talon hash-search ${d.alert.sha256}`] : [])];
        process.stdout.write(`\nNext: ${next.map(safe).join('   ')}\n`);
      }
    }
    for (const id of unknown) process.stderr.write(`talon: no alert has the id ${safe(id)}.\n`);
    return unknown.length ? 1 : 0;
  } finally {
    await conn.close();
  }
}
