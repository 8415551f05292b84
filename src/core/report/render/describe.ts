// Words every format shares: a section's period and how its numbers were read.
import type { ReportData, SectionData } from '../collect.js';

export function periodText(s: SectionData): string {
  return s.window ? `${s.window.from} to ${s.window.to}` : 'all records';
}

export function viaText(s: SectionData): string {
  const how = s.via.kind === 'aggregate' ? 'aggregated by the API' : `counted from ${s.records?.toLocaleString('en-US') ?? 0} records read page by page`;
  return `${s.via.method} ${s.via.path}, ${how}`;
}

export function sectionTotal(s: SectionData): number {
  return s.buckets.reduce((n, b) => n + b.count, 0) + s.other;
}

export function headerLines(r: ReportData): string[] {
  const windowed = r.sections.some((s) => s.window);
  return [
    `Data read at ${r.readAt}.`,
    windowed ? `Time range: the ${r.since} before that (sections marked "all records" are not limited to it).` : 'Time range: all records, as of that time.',
  ];
}
