// The alert table in view (a window over thousands of rows that keeps the
// cursor in sight), selection marks, and the detail pane of the open alert.
import React from 'react';
import { Text } from 'ink';
import type { TriageState } from '../../../core/wizards/alerts/types.js';
import { visibleRows } from '../../../core/wizards/alerts/machine.js';
import { alertLines, detailLines } from '../../../core/wizards/alerts/screen.js';
import { color } from '../../theme.js';

export interface AlertListProps {
  state: TriageState;
  width: number;
  /** table rows shown */
  rows: number;
  /** lines of the detail pane (when an alert is open) */
  detailHeight: number;
  detailOffset: number;
}

const MARKS = 6; // '▸ [x]'

export function AlertList({ state, width, rows, detailHeight, detailOffset }: AlertListProps): React.JSX.Element {
  const view = visibleRows(state, rows);
  const { header, lines } = alertLines(view.rows, width - MARKS);
  const selected = new Set(state.selected);
  return (
    <>
      <Text bold wrap="truncate">
        {' '.repeat(MARKS)}
        {header}
      </Text>
      {view.rows.map((a, i) => {
        const at = view.start + i === state.cursor;
        return (
          <Text key={a.compositeId} wrap="truncate" color={at ? color('accent') : undefined}>
            {at ? '▸ ' : '  '}[{selected.has(a.compositeId) ? 'x' : ' '}] {lines[i]}
          </Text>
        );
      })}
      {state.open && <Detail state={state} height={detailHeight} offset={detailOffset} />}
    </>
  );
}

function Detail({ state, height, offset }: { state: TriageState; height: number; offset: number }): React.JSX.Element {
  const load = state.open ? state.details[state.open] : undefined;
  const rule = <Text color={color('muted')}>{'─'.repeat(20)} detail (J/K scroll, Enter closes)</Text>;
  if (!load || load.state === 'loading') return <>{rule}<Text>Loading the host, process, hash and related alerts…</Text></>;
  if (load.state === 'failed') return <>{rule}<Text color={color('error')}>{load.message}</Text></>;
  const all = detailLines(load.detail, Date.now());
  const first = Math.max(0, Math.min(offset, all.length - (height - 1)));
  return (
    <>
      {rule}
      {all.slice(first, first + height - 1).map((l, i) => (
        <Text key={i} wrap="truncate">
          {l}
        </Text>
      ))}
    </>
  );
}
