// Shows a call that changes the tenant in full and waits for y (send) or
// n/Esc (cancel). Enter alone does not confirm: a destructive call needs a
// deliberate key.
import React from 'react';
import { Box, Text, useInput } from 'ink';
import { color } from '../theme.js';

export interface ConfirmDialogProps {
  title: string;
  lines: string[];
  width: number;
  onAnswer(yes: boolean): void;
}

export function ConfirmDialog({ title, lines, width, onAnswer }: ConfirmDialogProps): React.JSX.Element {
  useInput((input, key) => {
    if (input === 'y' || input === 'Y') onAnswer(true);
    else if (input === 'n' || input === 'N' || key.escape) onAnswer(false);
  });
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
        Send it? <Text bold>y</Text> sends, <Text bold>n</Text> or <Text bold>Esc</Text> cancels.
      </Text>
    </Box>
  );
}
