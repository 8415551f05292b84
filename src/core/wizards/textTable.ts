// Plain aligned text tables for the command line (no colour, no borders, so
// they stay readable when piped), and the host columns both wizards print.
import type { HostRecord } from './hostRecords.js';
import { terminalSafe } from '../text/terminalSafe.js';

export interface Column<Row> {
  header: string;
  value(row: Row): string;
}

/** Header and rows, columns padded to their widest cell and separated by two spaces; cells are terminal-safe. */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => terminalSafe(c.value(r).replace(/[\r\n\t]+/g, ' '))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => [...(line[i] ?? '')].length)));
  return cells
    .map((line) =>
      line
        .map((cell, i) => (i === line.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n') + '\n';
}

/** "2026-05-01 08:09Z" from the API's RFC 3339 time (empty stays empty). */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}Z` : iso;
}

/** "3 h ago", "2 d ago": how long since `iso`, for choosing between hosts of one name. */
export function age(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 90) return `${s} s ago`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min ago`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

export const HOST_COLUMNS: Readonly<Record<string, Column<HostRecord>>> = {
  hostname: { header: 'HOSTNAME', value: (h) => h.hostname || '-' },
  deviceId: { header: 'DEVICE ID', value: (h) => h.deviceId },
  platform: { header: 'PLATFORM', value: (h) => h.platform },
  os: { header: 'OS', value: (h) => h.osVersion },
  lastSeen: { header: 'LAST SEEN', value: (h) => shortTime(h.lastSeen) },
  localIp: { header: 'LOCAL IP', value: (h) => h.localIp },
  externalIp: { header: 'EXTERNAL IP', value: (h) => h.externalIp },
  online: { header: 'ONLINE', value: (h) => h.online ?? '?' },
  status: { header: 'STATUS', value: (h) => h.status },
};

/** The same host columns over rows that carry a host. */
export function hostColumns<Row>(keys: readonly (keyof typeof HOST_COLUMNS)[], hostOf: (row: Row) => HostRecord): Column<Row>[] {
  return keys.map((k) => {
    const c = HOST_COLUMNS[k] as Column<HostRecord>;
    return { header: c.header, value: (r: Row) => c.value(hostOf(r)) };
  });
}
