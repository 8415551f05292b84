// Every key of the shell, generated from the keymap and grouped by where it
// works; one column that scrolls, so it reads the same at 80x24 as at 200
// columns. While open it takes every key: scroll keys, and Esc, F1 or ? close.
import React, { useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { helpLines } from '../keys/helpLayout.js';
import { keyLabel, matches } from '../keys/keymap.js';
import { Priority, useKeypress } from '../keys/KeypressProvider.js';
import { color } from '../theme.js';

export function HelpOverlay({ width, height, onClose }: { width: number; height: number; onClose(): void }): React.JSX.Element {
  // border 2, padding 2
  const lines = useMemo(() => helpLines(Math.max(10, width - 4)), [width]);
  // border 2, title 1, position line 1
  const rows = Math.max(1, height - 4);
  const last = Math.max(0, lines.length - rows);
  const [top, setTopState] = useState(0);
  const at = useRef(top);
  const scroll = (to: number): true => {
    at.current = Math.min(Math.max(0, to), last);
    setTopState(at.current);
    return true;
  };
  useKeypress(
    (key) => {
      if (matches('help.close', key)) onClose();
      else if (matches('help.scrollDown', key)) scroll(at.current + 1);
      else if (matches('help.scrollUp', key)) scroll(at.current - 1);
      else if (matches('help.pageDown', key)) scroll(at.current + rows - 1);
      else if (matches('help.pageUp', key)) scroll(at.current - rows + 1);
      // Everything else stops here too: nothing under the help acts unseen.
      return true;
    },
    { priority: Priority.Help },
  );
  const shown = Math.min(top, last);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} height={height} paddingX={1}>
      <Text bold wrap="truncate">
        talon keys <Text color={color('muted')}>— {keyLabel('help.scrollDown')} scroll · {keyLabel('help.close')} close</Text>
      </Text>
      {lines.slice(shown, shown + rows).map((l, i) =>
        l.heading ? (
          <Text key={i} bold color={color('accent')} wrap="truncate">
            {l.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate">
            <Text color={color('key')}>{l.keys}</Text>
            {l.text}
          </Text>
        ),
      )}
      <Box flexGrow={1} />
      <Text color={color('muted')} wrap="truncate">
        lines {shown + 1}–{Math.min(lines.length, shown + rows)} of {lines.length}
      </Text>
    </Box>
  );
}
