// The composed request as code: curl, FalconPy or the TypeScript SDK, chosen
// with ↑/↓ and previewed; Enter copies it to the clipboard (a private file
// when the terminal cannot take it), w writes it to a new private file.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { matches } from '../keys/keymap.js';
import { color } from '../theme.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';

export interface CodeChoice {
  format: string;
  title: string;
  /** the code, or why this format cannot say the request */
  code: { ok: true; text: string } | { ok: false; message: string };
}

export interface RequestCodeDialogProps {
  choices: readonly CodeChoice[];
  width: number;
  height: number;
  /** copies the chosen code to the clipboard (or a file when the terminal refuses) */
  onCopy(choice: CodeChoice): void;
  /** writes the chosen code to a new private file */
  onWrite(choice: CodeChoice): void;
  onClose(): void;
}

export function RequestCodeDialog({ choices, width, height, onCopy, onWrite, onClose }: RequestCodeDialogProps): React.JSX.Element {
  const [at, setAt] = useState(0);
  const chosen = choices[at];
  useKeypress((key) => {
    if (matches('dialog.close', key)) onClose();
    else if (matches('list.down', key)) setAt((i) => Math.min(i + 1, choices.length - 1));
    else if (matches('list.up', key)) setAt((i) => Math.max(i - 1, 0));
    else if (matches('list.pick', key)) {
      if (chosen?.code.ok) onCopy(chosen);
    } else if (matches('code.write', key)) {
      if (chosen?.code.ok) onWrite(chosen);
    }
    else return false;
    return true;
  });
  const preview = chosen ? (chosen.code.ok ? chosen.code.text : chosen.code.message).split('\n') : [];
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} paddingX={1}>
      <Text bold>The request as code</Text>
      {choices.map((c, i) => (
        <Text key={c.format} color={i === at ? color('accent') : undefined} wrap="truncate">
          {i === at ? '▸ ' : '  '}
          {c.title}
          {!c.code.ok && <Text color={color('muted')}> (not available)</Text>}
        </Text>
      ))}
      <Text> </Text>
      {preview.slice(0, Math.max(1, height - choices.length - 6)).map((line, i) => (
        <Text key={i} color={chosen?.code.ok ? undefined : color('warn')} wrap="truncate">
          {terminalSafe(line)}
        </Text>
      ))}
      <Text color={color('muted')}>↑/↓ format · Enter copies it · w writes a new file (0600) · Esc closes</Text>
    </Box>
  );
}
