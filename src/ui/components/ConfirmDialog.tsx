// Shows a call that changes the tenant in full and waits for y (send) or
// n/Esc (cancel). Enter alone does not confirm: a destructive call needs a
// deliberate key.
import React from 'react';
import { Box, Text } from 'ink';
import { Priority, useKeypress } from '../keys/KeypressProvider.js';
import { keyLabel, matches } from '../keys/keymap.js';
import { color } from '../theme.js';

export interface ConfirmDialogProps {
  title: string;
  lines: string[];
  width: number;
  onAnswer(yes: boolean): void;
}

export function ConfirmDialog({ title, lines, width, onAnswer }: ConfirmDialogProps): React.JSX.Element {
  // Modal: every key stops here, so nothing behind the question acts meanwhile.
  useKeypress(
    (key) => {
      if (matches('confirm.yes', key)) onAnswer(true);
      else if (matches('confirm.no', key)) onAnswer(false);
      return true;
    },
    { priority: Priority.Modal },
  );
  return (
    <Box flexDirection="column" borderStyle="double" borderColor={color('warn')} width={width} paddingX={1}>
      <Text bold color={color('warn')}>
        {title}
      </Text>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l}
        </Text>
      ))}
      <Text>
        Send it? <Text bold>{keyLabel('confirm.yes')}</Text> sends, <Text bold>{keyLabel('confirm.no')}</Text> cancels.
        <Text color={color('muted')}> (F1: help; the question stays)</Text>
      </Text>
    </Box>
  );
}
