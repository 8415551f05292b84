// A report as Markdown: a table per section, with a bar of block characters
// for charts. Cell text is escaped so a value cannot break the table.
import type { ReportData } from '../collect.js';
import { headerLines, periodText, sectionTotal, viaText } from './describe.js';
import { barText } from '../blockChart.js';

function cell(text: string): string {
  return text.replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

export function reportMarkdown(r: ReportData): string {
  const out: string[] = [`# ${cell(r.title)}`, ''];
  if (r.description) out.push(cell(r.description), '');
  out.push(...headerLines(r).map(cell), '');
  for (const s of r.sections) {
    const filter = s.filter ? `\`${s.filter.replace(/`/g, "'").replace(/[\r\n|]+/g, ' ')}\`` : 'none';
    out.push(`## ${cell(s.title)}`, '', `_${cell(`${periodText(s)}; ${viaText(s)}`)}_; filter: ${filter}`, '');
    const max = Math.max(1, ...s.buckets.map((b) => b.count));
    const chart = s.chart !== 'table';
    out.push(chart ? '| Value | Count | |' : '| Value | Count |', chart ? '|---|--:|---|' : '|---|--:|');
    for (const b of s.buckets) out.push(`| ${cell(b.label)} | ${b.count} |${chart ? ` ${barText(b.count, max, 20)} |` : ''}`);
    if (s.other) out.push(`| (other) | ${s.other} |${chart ? ' |' : ''}`);
    out.push(`| **Total** | **${sectionTotal(s)}** |${chart ? ' |' : ''}`, '');
    for (const n of s.notes) out.push(`> ${cell(n)}`, '');
  }
  return out.join('\n');
}
