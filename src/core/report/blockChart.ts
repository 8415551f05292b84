// Charts drawn with block characters, as plain strings: horizontal bars in
// eighths of a cell, and sparklines. Used by Markdown output and the shell's
// dashboard; the caller makes labels terminal-safe.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A bar `width` cells long at full scale; any non-zero value shows at least a sliver. */
export function barText(value: number, max: number, width: number): string {
  if (value <= 0 || max <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** One character per value, scaled from zero to the largest; at most `width` characters (the latest values). */
export function sparkline(values: readonly number[], width = values.length): string {
  const shown = values.slice(Math.max(0, values.length - width));
  const max = Math.max(0, ...shown);
  return shown.map((v) => (max === 0 || v <= 0 ? ' ' : SPARKS[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}

/** `text` cut or padded to exactly `width` columns (code points; the dashboard's labels are sanitised first). */
export function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length > width) return width <= 0 ? '' : chars.slice(0, width - 1).join('') + '…';
  return text + ' '.repeat(width - chars.length);
}

export function fitRight(text: string, width: number): string {
  const chars = [...text];
  return chars.length >= width ? chars.slice(chars.length - width).join('') : ' '.repeat(width - chars.length) + text;
}

export interface ChartRow {
  label: string;
  count: number;
}

/** Labelled bars in `width` columns and at most `rows` lines: label, bar, count. */
export function barRows(rows: readonly ChartRow[], width: number, maxRows: number): string[] {
  const shown = rows.slice(0, Math.max(0, maxRows));
  if (!shown.length) return [];
  const max = Math.max(...shown.map((r) => r.count));
  const countW = Math.max(...shown.map((r) => String(r.count).length));
  const labelW = Math.min(Math.max(...shown.map((r) => [...r.label].length)), Math.max(6, Math.floor(width * 0.4)));
  const barW = Math.max(1, width - labelW - countW - 2);
  return shown.map((r) => fit(`${fit(r.label, labelW)} ${fit(barText(r.count, max, barW), barW)} ${fitRight(String(r.count), countW)}`, width));
}
