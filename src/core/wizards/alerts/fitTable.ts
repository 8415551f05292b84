// A plain table that fits a width: fixed columns keep their size, flexible
// ones share what is left (each down to a minimum) and are cut with "…".
// Cells are made terminal-safe before they are measured.
import { safe } from './safeText.js';

export interface FitColumn<Row> {
  header: string;
  value(row: Row): string;
  /** the narrowest a flexible column gets; fixed columns omit it */
  min?: number;
}

function cut(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s + ' '.repeat(width - chars.length);
  return width <= 1 ? chars.slice(0, width).join('') : chars.slice(0, width - 1).join('') + '…';
}

/** Header and rows within `width` characters, columns separated by one space. */
export function fitTable<Row>(columns: readonly FitColumn<Row>[], rows: readonly Row[], width: number): string {
  const cells = rows.map((r) => columns.map((c) => safe(c.value(r)).replace(/\s+/g, ' ').trim()));
  const natural = columns.map((c, i) => Math.max([...c.header].length, ...cells.map((line) => [...(line[i] ?? '')].length)));
  const widths = [...natural];
  const gaps = columns.length - 1;
  let over = widths.reduce((a, b) => a + b, 0) + gaps - width;
  // Shrink the flexible column with the most room above its minimum, a step at a time.
  const room = (i: number): number => (widths[i] as number) - (columns[i]?.min ?? Infinity);
  while (over > 0) {
    let widest = -1;
    for (const i of columns.keys()) {
      if (!(room(i) > 0)) continue;
      if (widest < 0 || room(i) > room(widest)) widest = i;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] as number) - 1;
    over--;
  }
  const line = (values: string[]): string => values.map((v, i) => cut(v, widths[i] as number)).join(' ').trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}
