// Every shell action by name: type to filter, ↑/↓ to move, Enter to run.
// The entries come from the keymap, so a new command shows here and in help.
import React from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { keyLabel, matches, type Command } from '../keys/keymap.js';
import { FilterLine } from './FilterLine.js';
import { useFilteredList } from '../hooks/useFilteredList.js';
import { color } from '../theme.js';

export interface PaletteEntry {
  command: Command;
  title: string;
}

export interface CommandPaletteProps {
  entries: readonly PaletteEntry[];
  width: number;
  height: number;
  onRun(command: Command): void;
  onClose(): void;
}

export function CommandPalette({ entries, width, height, onRun, onClose }: CommandPaletteProps): React.JSX.Element {
  const list = useFilteredList(entries, (e, q) => e.title.toLowerCase().includes(q) || e.command.toLowerCase().includes(q));
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
      {shown.slice(0, Math.max(1, height - 3)).map((e, i) => (
        <Text key={e.command} color={i === at ? color('accent') : undefined} wrap="truncate">
          {i === at ? '▸ ' : '  '}
          {e.title.padEnd(36)}
          <Text color={color('muted')}>{label(e.command)}</Text>
        </Text>
      ))}
      {shown.length === 0 && <Text color={color('muted')}>no command matches</Text>}
    </Box>
  );
}
