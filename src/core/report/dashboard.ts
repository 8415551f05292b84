// The shell's dashboard as plain strings: the built-in reports' key sections
// as panels of block-character bar charts and time series, laid out in a
// grid that fits the terminal (80x24 up to 160x50 and beyond). The Ink view
// only colours and shows these lines.
import type { ApiRequest } from '../http/types.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { barRows, fit, fitRight, sparkline } from './blockChart.js';
import type { Bucket } from './buckets.js';
import type { ReportData, SectionData } from './collect.js';

/** Which sections of which built-in report make the dashboard, in order. */
export const DASHBOARD_SECTIONS: readonly { report: string; title: string }[] = [
  { report: 'alerts', title: 'Alerts by severity' },
  { report: 'alerts', title: 'Alerts per day' },
  { report: 'alerts', title: 'Alerts by tactic' },
  { report: 'fleet', title: 'Hosts by platform' },
  { report: 'fleet', title: 'Hosts by last seen' },
  { report: 'fleet', title: 'Hosts by containment status' },
  { report: 'vulns', title: 'Open vulnerabilities by severity' },
  { report: 'vulns', title: 'Open vulnerabilities by exploit status' },
  { report: 'vulns', title: 'Top CVEs' },
];

export interface DashboardPanel {
  title: string;
  kind: 'bars' | 'series';
  buckets: Bucket[];
  other: number;
  /** the query behind the panel, for the composer */
  request: Pick<ApiRequest, 'method' | 'path' | 'query' | 'body'>;
}

function panelOf(s: SectionData): DashboardPanel {
  return {
    title: terminalSafe(s.title),
    kind: s.chart === 'timeseries' ? 'series' : 'bars',
    buckets: s.buckets.map((b) => ({ label: terminalSafe(b.label), count: b.count })),
    other: s.other,
    request: s.request,
  };
}

/** A panel whose report is still being read, or failed (`error` says why). */
export interface PendingPanel {
  title: string;
  pending: true;
  error?: string;
}

export type AnyPanel = DashboardPanel | PendingPanel;

/** The dashboard's panels from the built-in reports read so far, and the errors of those that failed (both by report name). */
export function dashboardPanels(reports: Readonly<Record<string, ReportData | undefined>>, errors: Readonly<Record<string, string | undefined>> = {}): AnyPanel[] {
  return DASHBOARD_SECTIONS.map(({ report, title }) => {
    const s = reports[report]?.sections.find((x) => x.title === title);
    if (s) return panelOf(s);
    const error = errors[report];
    return error === undefined ? { title, pending: true as const } : { title, pending: true as const, error: terminalSafe(error) };
  });
}

export interface DashboardLayout {
  columns: number;
  panelWidth: number;
  panelHeight: number;
  /** how many panels fit */
  visible: number;
}

const MIN_PANEL_WIDTH = 36;
const MIN_PANEL_HEIGHT = 4;
const GAP = ' │ ';

/** A grid for `count` panels in `width` x `height` cells (the caller's header and footer excluded). */
export function dashboardLayout(count: number, width: number, height: number): DashboardLayout {
  const columns = Math.max(1, Math.min(count, Math.floor((width + GAP.length) / (MIN_PANEL_WIDTH + GAP.length))));
  const panelWidth = Math.floor((width - (columns - 1) * GAP.length) / columns);
  const rowsNeeded = Math.ceil(count / columns);
  const panelHeight = Math.max(MIN_PANEL_HEIGHT, Math.floor(height / Math.max(1, rowsNeeded)));
  const rowsShown = Math.min(rowsNeeded, Math.floor(height / panelHeight));
  return { columns, panelWidth, panelHeight, visible: Math.min(count, rowsShown * columns) };
}

/** Vertical columns of eighth blocks, `height` lines tall, one column per value (the latest `width`). */
export function columnChart(values: readonly number[], width: number, height: number): string[] {
  const shown = values.slice(Math.max(0, values.length - width));
  const max = Math.max(0, ...shown);
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    lines.push(shown.map((v) => {
      const eighths = max === 0 ? 0 : Math.round((v / max) * height * 8) - row * 8;
      return eighths <= 0 ? ' ' : eighths >= 8 ? '█' : ' ▁▂▃▄▅▆▇'[eighths];
    }).join(''));
  }
  return lines;
}

function seriesLines(p: DashboardPanel, width: number, rows: number): string[] {
  const values = p.buckets.map((b) => b.count);
  const first = p.buckets[Math.max(0, p.buckets.length - width)]?.label ?? '';
  const last = p.buckets[p.buckets.length - 1]?.label ?? '';
  const footer = fit(`${first} … ${last}  max ${Math.max(0, ...values)}`, width);
  const chart = rows <= 2 ? [sparkline(values, width)] : columnChart(values, width, rows - 1);
  return [...chart.map((l) => fit(l, width)), footer].slice(0, rows);
}

function panelLines(panel: AnyPanel, width: number, height: number, selected: boolean): string[] {
  const marker = selected ? '▶ ' : '  ';
  if ('pending' in panel) return [fit(`${marker}${panel.title}`, width), fit(panel.error === undefined ? '  reading…' : `  failed: ${panel.error}`, width)];
  const total = panel.buckets.reduce((n, b) => n + b.count, 0) + panel.other;
  const head = `${marker}${fit(panel.title, Math.max(1, width - 2 - String(total).length - 1))} ${fitRight(String(total), String(total).length)}`;
  const inner = width - 2;
  const body = panel.kind === 'series' ? seriesLines(panel, inner, height - 1) : barRows(panel.buckets, inner, height - 1);
  return [fit(head, width), ...body.map((l) => `  ${fit(l, inner)}`)];
}

export interface DashboardFrameOptions {
  width: number;
  /** rows for the panels (the view's header and key hints are its own) */
  height: number;
  selected: number;
}

/** The panels laid out as lines, each exactly `width` columns, at most `height` lines. */
export function renderDashboard(panels: readonly AnyPanel[], opts: DashboardFrameOptions): string[] {
  const layout = dashboardLayout(panels.length, opts.width, opts.height);
  // Page so that the selected panel is always on screen.
  const first = Math.floor(Math.max(0, opts.selected) / layout.visible) * layout.visible;
  const shown = panels.slice(first, first + layout.visible);
  const lines: string[] = [];
  for (let r = 0; r * layout.columns < shown.length; r++) {
    const row = shown.slice(r * layout.columns, (r + 1) * layout.columns);
    const blocks = row.map((p, c) => {
      const ls = panelLines(p, layout.panelWidth, layout.panelHeight, first + r * layout.columns + c === opts.selected);
      return Array.from({ length: layout.panelHeight }, (_, i) => fit(ls[i] ?? '', layout.panelWidth));
    });
    for (let i = 0; i < layout.panelHeight; i++) lines.push(fit(blocks.map((b) => b[i]).join(GAP), opts.width));
  }
  return lines.slice(0, opts.height);
}
