// The triage workflow as the shell draws it: the lines of the alert table and
// the plan review for the rows in view (so thousands of alerts cost a window's
// work per frame), the query and plan summaries, and the detail pane. Every
// API string goes through safe() (fitTable does it for cells).
import type { AlertRecord } from './alertRecord.js';
import type { AlertDetail } from './enrich.js';
import { ALERT_COLUMNS, detailText } from './format.js';
import { fitTable, type FitColumn } from './fitTable.js';
import type { PlanGroup } from './matchRules.js';
import { PRESETS } from './presets.js';
import { safe } from './safeText.js';
import type { AlertQuery } from './types.js';
import { describeChange } from './update.js';

/** The header and one line per row, fitted to `width`. */
export function tableLines<Row>(columns: readonly FitColumn<Row>[], rows: readonly Row[], width: number): { header: string; lines: string[] } {
  const [header = '', ...lines] = fitTable(columns, rows, Math.max(20, width)).replace(/\n$/, '').split('\n');
  return { header, lines };
}

/** The shell's table: the user column only where there is room, the others narrower than the command line's at 80 columns. */
const NARROW_MIN: Record<string, number> = { TECHNIQUE: 8, 'FILE/CMD': 8, ASSIGNEE: 7 };
const WIDE = 100;

export function alertLines(rows: readonly AlertRecord[], width: number): { header: string; lines: string[] } {
  const columns = width >= WIDE ? ALERT_COLUMNS : ALERT_COLUMNS.filter((c) => c.header !== 'USER').map((c) => ({ ...c, min: NARROW_MIN[c.header] ?? c.min }));
  return tableLines(columns, rows, width);
}

export interface PlanLine {
  group: number;
  row: PlanGroup['rows'][number];
}

const PLAN_HEADERS = ['TIME', 'SEV', 'STATUS', 'TECHNIQUE', 'HOST', 'FILE/CMD'];

/** Plan rows in view; a RULE column leads when the plan comes from a rule file. */
export function planLines(rows: readonly PlanLine[], plan: readonly PlanGroup[], width: number): { header: string; lines: string[] } {
  const base: FitColumn<PlanLine>[] = ALERT_COLUMNS.filter((c) => PLAN_HEADERS.includes(c.header)).map((c) => ({ ...c, value: (r: PlanLine) => c.value(r.row.alert) }));
  const byRule = plan.some((g) => g.rule !== undefined);
  const columns = byRule ? [{ header: 'RULE', value: (r: PlanLine) => plan[r.group]?.rule ?? '', min: 8 }, ...base] : base;
  return tableLines(columns, rows, width);
}

/** "new alerts · filter severity:>=50 · 1,000 of 3,120 (newest first)" */
export function queryLine(query: AlertQuery, shown?: number, total?: number): string {
  const parts = [query.preset ? PRESETS[query.preset].label : 'all alerts'];
  if (query.filter?.trim()) parts.push(`filter ${safe(query.filter.trim())}`);
  const n = (x: number): string => x.toLocaleString('en-US');
  if (shown !== undefined && total !== undefined) parts.push(shown < total ? `${n(shown)} of ${n(total)} (newest first)` : `${n(total)} (newest first)`);
  return parts.join(' · ');
}

/** One line per group: "Rule 'x': 7 of 8 kept → status → closed, tag t, comment "…"". */
export function planSummary(plan: readonly PlanGroup[]): string[] {
  return plan.map((g) => {
    const kept = g.rows.filter((r) => r.keep).length;
    const head = g.rule !== undefined ? `Rule '${safe(g.rule)}': ` : '';
    const count = g.rows.length === kept ? `${kept} alert${kept === 1 ? '' : 's'}` : `${kept} of ${g.rows.length} kept`;
    return `${head}${count} → ${safe(describeChange(g.change))}`;
  });
}

export function detailLines(detail: AlertDetail, now: number): string[] {
  return detailText(detail, now).replace(/\n$/, '').split('\n');
}
