// Lists the shell's targets (profiles, MSSP children, the demo tenant) and
// switches to the one picked, without restarting.
import React, { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { color } from '../theme.js';
import { matches } from '../keys/keymap.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';

export interface ProfileSwitcherProps {
  targets: readonly { id: string; label: string }[];
  currentId: string;
  width: number;
  onPick(id: string): void;
  onClose(): void;
}

export function ProfileSwitcher({ targets, currentId, width, onPick, onClose }: ProfileSwitcherProps): React.JSX.Element {
  const [index, setIndex] = useState(Math.max(0, targets.findIndex((t) => t.id === currentId)));
  useInput((input, key) => {
    if (matches('list.down', input, key)) setIndex((i) => Math.min(i + 1, targets.length - 1));
    else if (matches('list.up', input, key)) setIndex((i) => Math.max(i - 1, 0));
    else if (key.return) onPick((targets[index] as { id: string }).id);
    else if (key.escape) onClose();
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} paddingX={1}>
      <Text bold>Switch to (Enter picks, Esc closes)</Text>
      {targets.map((t, i) => (
        <Text key={t.id} color={i === index ? color('accent') : undefined}>
          {i === index ? '▸ ' : '  '}
          {terminalSafe(t.label)}
          {t.id === currentId ? <Text color={color('muted')}> (current)</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
