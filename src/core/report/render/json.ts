// The aggregated data as JSON, for scripts (`--format json`).
import type { ReportData } from '../collect.js';

export function reportJson(r: ReportData): string {
  return JSON.stringify(r, null, 2) + '\n';
}
