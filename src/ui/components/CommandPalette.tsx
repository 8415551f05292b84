// Every shell action by name: type to filter, ↑/↓ to move, Enter to run.
// The entries come from the keymap, so a new command shows here and in help.
import React from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { keyLabel, matches, type Command, type KeyContext } from '../keys/keymap.js';
import { FilterLine } from './FilterLine.js';
import { useFilteredList } from '../hooks/useFilteredList.js';
import { color } from '../theme.js';

export interface PaletteEntry {
  command: Command;
  title: string;
  /** where the command works (the keymap's context) */
  context: KeyContext;
}

export interface CommandPaletteProps {
  entries: readonly PaletteEntry[];
  width: number;
  height: number;
  onRun(command: Command): void;
  onClose(): void;
}

/** The rows that fit, scrolled so the selected one shows. */
function windowOf<T>(items: readonly T[], at: number, rows: number): { item: T; index: number }[] {
  const top = Math.max(0, Math.min(at - rows + 1, items.length - rows));
  return items.slice(Math.max(0, Math.min(top, at)), Math.max(0, Math.min(top, at)) + rows).map((item, i) => ({ item, index: Math.max(0, Math.min(top, at)) + i }));
}

export function CommandPalette({ entries, width, height, onRun, onClose }: CommandPaletteProps): React.JSX.Element {
  const list = useFilteredList(entries, (e, q) => q.split(/\s+/).every((w) => `${e.title} ${e.command} ${e.context}`.toLowerCase().includes(w)));
  const { shown, at } = list;

  useKeypress((key) => {
    if (!matches('dialog.close', key)) return list.move(key);
    onClose();
    return true;
  });

  const label = keyLabel;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} paddingX={1}>
      <FilterLine title="Command:" value={list.filter} placeholder="type to filter, Enter runs, Esc closes" onChange={list.setFilter} onSubmit={() => list.selected && onRun(list.selected.command)} />
      {windowOf(shown, at, Math.max(1, height - 3)).map(({ item: e, index }) => (
        <Text key={e.command} color={index === at ? color('accent') : undefined} wrap="truncate">
          {index === at ? '▸ ' : '  '}
          <Text color={color('muted')}>{`${label(e.command)}`.padEnd(14)}</Text>
          {e.title}
          <Text color={color('muted')}> · {e.context}</Text>
        </Text>
      ))}
      {shown.length === 0 && <Text color={color('muted')}>no command matches</Text>}
    </Box>
  );
}
