// Lists the shell's targets (profiles, MSSP children, the demo tenant) and
// switches to the one picked, without restarting.
import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
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
  const at = useRef(index);
  at.current = index;
  useKeypress((key) => {
    if (matches('list.down', key)) setIndex((i) => (at.current = Math.min(i + 1, targets.length - 1)));
    else if (matches('list.up', key)) setIndex((i) => (at.current = Math.max(i - 1, 0)));
    else if (matches('list.pick', key)) onPick((targets[at.current] as { id: string }).id);
    else if (matches('dialog.close', key)) onClose();
    else return false;
    return true;
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
