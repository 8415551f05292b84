// Charts as inline SVG strings: horizontal bars and a time series of
// columns. Every label is XML-escaped; colours are fixed so that a
// screenshot can be checked for them.
import type { SectionData } from '../collect.js';

export const BAR_COLOUR = '#2f6fdf';
export const SERIES_COLOUR = '#e0532f';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const WIDTH = 720;

function barChart(s: SectionData): string {
  const rows = s.buckets;
  const rowH = 24;
  const labelW = 220;
  const plotW = WIDTH - labelW - 70;
  const max = Math.max(1, ...rows.map((b) => b.count));
  const h = rows.length * rowH + 8;
  const bars = rows.map((b, i) => {
    const y = 4 + i * rowH;
    const w = b.count > 0 ? Math.max(2, Math.round((b.count / max) * plotW)) : 0;
    const label = b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label;
    return (
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${escapeXml(label)}</text>` +
      `<rect class="bar" x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="${BAR_COLOUR}"><title>${escapeXml(`${b.label}: ${b.count}`)}</title></rect>` +
      `<text x="${labelW + w + 6}" y="${y + 16}">${b.count}</text>`
    );
  });
  return `<svg class="chart" role="img" aria-label="${escapeXml(s.title)}" width="${WIDTH}" height="${h}" viewBox="0 0 ${WIDTH} ${h}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>`;
}

function timeSeries(s: SectionData): string {
  const rows = s.buckets;
  const h = 200;
  const left = 40;
  const bottom = 30;
  const plotW = WIDTH - left - 10;
  const plotH = h - bottom - 10;
  const max = Math.max(1, ...rows.map((b) => b.count));
  const step = rows.length ? plotW / rows.length : plotW;
  const cols = rows.map((b, i) => {
    const ch = Math.round((b.count / max) * plotH);
    const x = left + i * step;
    return `<rect class="bar" x="${x.toFixed(1)}" y="${10 + plotH - ch}" width="${Math.max(1, step - 2).toFixed(1)}" height="${ch}" fill="${SERIES_COLOUR}"><title>${escapeXml(`${b.label}: ${b.count}`)}</title></rect>`;
  });
  const first = rows[0]?.label ?? '';
  const last = rows[rows.length - 1]?.label ?? '';
  const axis =
    `<line x1="${left}" y1="${10 + plotH}" x2="${left + plotW}" y2="${10 + plotH}" stroke="#888"/>` +
    `<text x="${left - 6}" y="18" text-anchor="end">${max}</text><text x="${left - 6}" y="${10 + plotH}" text-anchor="end">0</text>` +
    `<text x="${left}" y="${h - 8}">${escapeXml(first)}</text><text x="${left + plotW}" y="${h - 8}" text-anchor="end">${escapeXml(last)}</text>`;
  return `<svg class="chart" role="img" aria-label="${escapeXml(s.title)}" width="${WIDTH}" height="${h}" viewBox="0 0 ${WIDTH} ${h}" xmlns="http://www.w3.org/2000/svg">${axis}${cols.join('')}</svg>`;
}

/** The section's chart, or an empty string for a table. */
export function sectionSvg(s: SectionData): string {
  if (s.chart === 'table' || s.buckets.length === 0) return '';
  return s.chart === 'timeseries' ? timeSeries(s) : barChart(s);
}
