// Reads the built-in reports the dashboard shows, each as soon as it is
// ready, so panels fill in one report at a time; a report that fails says
// why in its panels' place instead of leaving them empty.
import type { ApiCaller } from '../http/types.js';
import { builtinReport } from './builtins.js';
import { collectReport, type ReportData } from './collect.js';
import { DASHBOARD_SECTIONS } from './dashboard.js';

export type DashboardReports = Record<string, ReportData | undefined>;

export interface LoadDashboardOptions {
  since?: string;
  now?: () => number;
  signal?: AbortSignal;
  onReport: (name: string, data: ReportData) => void;
  onError: (name: string, message: string) => void;
}

export const DASHBOARD_REPORTS: readonly string[] = [...new Set(DASHBOARD_SECTIONS.map((s) => s.report))];

/** Reads each report the dashboard uses, in turn; resolves when all have answered or failed. */
export async function loadDashboard(caller: ApiCaller, opts: LoadDashboardOptions): Promise<void> {
  for (const name of DASHBOARD_REPORTS) {
    if (opts.signal?.aborted) return;
    const spec = builtinReport(name);
    if (!spec) continue;
    try {
      opts.onReport(name, await collectReport(caller, spec, { since: opts.since, now: opts.now, signal: opts.signal }));
    } catch (e) {
      if (opts.signal?.aborted) return;
      opts.onError(name, (e as Error).message);
    }
  }
}
