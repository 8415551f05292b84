// The help screen's lines, laid out for a width: one column, keys padded to
// a shared width, descriptions wrapped under themselves, so nothing overlaps
// or is cut at any width. The overlay scrolls through them.
import { helpSections } from './keymap.js';

export interface HelpLine {
  heading: boolean;
  /** the keys column ('' on continuation lines) */
  keys: string;
  text: string;
}

/** Words of `text` in lines of at most `width` columns (a longer word is cut). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length > width ? word.slice(0, width) : word;
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return lines.length || line ? [...lines, line] : [''];
}

/** Every help line for `width` columns of text. */
export function helpLines(width: number): HelpLine[] {
  const sections = helpSections();
  const longest = Math.max(...sections.flatMap((s) => s.rows.map((r) => r.keys.length)));
  const keysWidth = Math.min(longest, 18) + 2;
  // Too narrow for two columns: the keys take a line, the description the next.
  const stacked = width - 2 - keysWidth < 24;
  const out: HelpLine[] = [];
  for (const section of sections) {
    out.push({ heading: true, keys: '', text: section.context });
    for (const row of section.rows) {
      if (stacked) {
        out.push({ heading: false, keys: `  ${row.keys}`.slice(0, width), text: '' });
        for (const l of wrap(row.description, Math.max(1, width - 4))) out.push({ heading: false, keys: '    ', text: l });
        continue;
      }
      const keys = row.keys.length > keysWidth - 2 ? row.keys.slice(0, keysWidth - 3) + '…' : row.keys;
      wrap(row.description, Math.max(1, width - 2 - keysWidth)).forEach((l, i) => {
        out.push({ heading: false, keys: i === 0 ? `  ${keys.padEnd(keysWidth)}` : ' '.repeat(keysWidth + 2), text: l });
      });
    }
  }
  return out;
}
