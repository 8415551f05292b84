// The history pane: every request sent, newest first. Typing filters, ↑/↓
// move, Enter loads the request into the composer, Ctrl+S sends it again.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import type { HistoryEntry } from '../../core/history/historyEntry.js';
import { entryToRequest } from '../../core/history/historyEntry.js';
import { filterHistory, historyRow } from '../../core/history/historyView.js';
import type { ApiRequest } from '../../core/http/types.js';
import { FilterLine } from '../components/FilterLine.js';
import { useFilteredList } from '../hooks/useFilteredList.js';
import { matches } from '../keys/keymap.js';
import { color, statusRole } from '../theme.js';

export interface HistoryPaneProps {
  /** oldest first, as the store reads them */
  entries: readonly HistoryEntry[];
  width: number;
  height: number;
  onLoad(req: ApiRequest): void;
  onResend(req: ApiRequest): void;
  onClose(): void;
}

export function HistoryPane({ entries, width, height, onLoad, onResend, onClose }: HistoryPaneProps): React.JSX.Element {
  const newestFirst = useMemo(() => [...entries].reverse(), [entries]);
  const list = useFilteredList(newestFirst, (e, text) => filterHistory([e], text).length > 0);
  const { shown, at } = list;
  const rows = Math.max(1, height - 4);
  const first = Math.max(0, Math.min(at - Math.floor(rows / 2), shown.length - rows));

  useKeypress((key) => {
    if (matches('dialog.close', key)) onClose();
    else if (list.move(key, rows)) return true;
    else if (matches('history.resend', key)) {
      if (list.selected) onResend(entryToRequest(list.selected));
    } else return false;
    return true;
  });

  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} height={height} paddingX={1}>
      <FilterLine
        title="History"
        value={list.filter}
        placeholder="type to filter · Enter loads · Ctrl+S sends again · Esc closes"
        onChange={list.setFilter}
        onSubmit={() => list.selected && onLoad(entryToRequest(list.selected))}
      />
      {shown.length === 0 ? (
        <Text color={color('muted')}>{entries.length === 0 ? 'Nothing sent yet.' : 'No request matches.'}</Text>
      ) : (
        shown.slice(first, first + rows).map((e, i) => {
          const active = first + i === at;
          const row = historyRow(e);
          return (
            <Text key={`${e.time}-${first + i}`} wrap="truncate" color={active ? color('accent') : undefined}>
              {active ? '▸ ' : '  '}
              <Text color={color('muted')}>{row.time} </Text>
              <Text color={e.status ? color(statusRole(e.status)) : color('error')}>{row.status.padEnd(4)}</Text>
              <Text color={color('method')}>{row.method.padEnd(7)}</Text>
              {row.request}
              <Text color={color('muted')}> {row.detail}</Text>
            </Text>
          );
        })
      )}
      <Text color={color('muted')}>
        {shown.length} of {entries.length}
      </Text>
    </Box>
  );
}
