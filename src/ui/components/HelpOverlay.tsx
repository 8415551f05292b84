// Every key of the shell, from the keymap table, grouped by where it works.
import React from 'react';
import { Box, Text } from 'ink';
import { BINDINGS, type Binding } from '../keys/keymap.js';
import { color } from '../theme.js';

const ORDER: Binding['category'][] = ['Global', 'Endpoint', 'Composer', 'Response', 'Paging'];

export function HelpOverlay({ width, height }: { width: number; height: number }): React.JSX.Element {
  const lines: React.JSX.Element[] = [];
  for (const category of ORDER) {
    lines.push(
      <Text key={`h-${category}`} bold color={color('accent')}>
        {category}
      </Text>,
    );
    for (const b of BINDINGS.filter((x) => x.category === category)) {
      lines.push(
        <Text key={b.command} wrap="truncate">
          {'  '}
          <Text color={color('key')}>{b.label.padEnd(14)}</Text>
          {b.description}
        </Text>,
      );
    }
  }
  // Two columns when the list would not fit in one.
  const inner = Math.max(1, height - 3);
  const half = Math.ceil(lines.length / 2);
  const twoColumns = lines.length > inner && width >= 100;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} height={height} paddingX={1}>
      <Text bold>talon keys — Esc closes</Text>
      {twoColumns ? (
        <Box>
          <Box flexDirection="column" width={Math.floor((width - 4) / 2)}>
            {lines.slice(0, half)}
          </Box>
          <Box flexDirection="column">{lines.slice(half)}</Box>
        </Box>
      ) : (
        <Box flexDirection="column">{lines.slice(0, inner)}</Box>
      )}
    </Box>
  );
}
