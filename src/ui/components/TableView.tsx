// The table view of an array of objects: a header row (the selected column
// marked, the sort shown by an arrow), then exactly the rows in the window.
// Cells come from the tenant: terminal-safe and cut to their column.
import { memo } from 'react';
import { Box, Text } from 'ink';
import { cellText, columnWidths, windowRows, type TableState } from '../../core/table/tableModel.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import { color } from '../theme.js';

function fit(text: string, width: number): string {
  return text.length > width ? text.slice(0, Math.max(0, width - 1)) + '…' : text.padEnd(width);
}

function TableViewImpl({ state, height, width, focused }: { state: TableState; height: number; width: number; focused: boolean }) {
  const widths = columnWidths(state);
  const rows = windowRows(state, Math.max(0, height - 1));
  const header = state.columns.map((c, i) => {
    const arrow = state.sort?.column === c ? (state.sort.descending ? '↓' : '↑') : '';
    return { text: fit(terminalSafe(c) + arrow, widths[i]!), selected: i === state.column };
  });
  const blank: number[] = [];
  for (let r = rows.length; r < height - 1; r++) blank.push(r);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" bold>
        {header.map((h, i) => (
          <Text key={i} inverse={h.selected && focused} color={color('key')}>
            {i > 0 ? ' ' : ''}
            {h.text}
          </Text>
        ))}
      </Text>
      {rows.map((row, r) => {
        const current = state.top + r === state.cursor;
        const line = state.columns.map((c, i) => fit(terminalSafe(cellText(row[c]).replace(/\s+/g, ' ')), widths[i]!)).join(' ');
        return (
          <Text key={r} wrap="truncate" underline={current && focused && color('accent') !== undefined}>
            {line}
            {current && focused ? ' ◂' : ''}
          </Text>
        );
      })}
      {blank.map((r) => (
        <Text key={`b${r}`}> </Text>
      ))}
    </Box>
  );
}

/** Memoised: only the window's rows are formatted, and only when the table or size changes. */
export const TableView = memo(TableViewImpl);

/** The column chooser: every key of the rows, those shown ticked. */
export function ColumnChooser({ keys, shown, cursor, height, width }: { keys: readonly string[]; shown: readonly string[]; cursor: number; height: number; width: number }) {
  const rows = Math.max(1, height - 1);
  const top = Math.min(Math.max(0, cursor - rows + 1), Math.max(0, keys.length - rows));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>Columns (Space shows or hides, Enter closes): {shown.length} of {keys.length}</Text>
      {keys.slice(top, top + rows).map((k, i) => (
        <Text key={k} wrap="truncate" inverse={top + i === cursor}>
          {shown.includes(k) ? '[x] ' : '[ ] '}
          {terminalSafe(k)}
        </Text>
      ))}
    </Box>
  );
}
