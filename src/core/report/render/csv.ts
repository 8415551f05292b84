// CSV per section: one file each, named after the section, every field
// guarded against spreadsheet formulas.
import type { ReportData, SectionData } from '../collect.js';
import { csvLine } from '../../text/csvCell.js';

export function sectionCsv(s: SectionData): string {
  let out = csvLine(['value', 'count']);
  for (const b of s.buckets) out += csvLine([b.label, String(b.count)]);
  if (s.other) out += csvLine(['(other)', String(s.other)]);
  return out;
}

/** A file name for a section: lowercase words joined by dashes, numbered so names never collide. */
export function sectionFileName(s: SectionData, index: number): string {
  const slug = s.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'section';
  return `${String(index + 1).padStart(2, '0')}-${slug}.csv`;
}

export function reportCsvFiles(r: ReportData): { name: string; text: string }[] {
  return r.sections.map((s, i) => ({ name: sectionFileName(s, i), text: sectionCsv(s) }));
}
