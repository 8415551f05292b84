// Paste a curl command to get a request in the composer: the URL, method,
// headers (Authorization dropped) and body are read as curl would.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { matches } from '../keys/keymap.js';
import { LineInput } from './LineInput.js';
import { color } from '../theme.js';
import { joinContinuations } from '../../core/curl/shellWords.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';

export interface CurlImportDialogProps {
  width: number;
  /** returns a sentence when the command cannot be imported */
  onImport(command: string): string | undefined;
  onClose(): void;
}

export function CurlImportDialog({ width, onImport, onClose }: CurlImportDialogProps): React.JSX.Element {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  useKeypress((key) => {
    if (!matches('dialog.close', key)) return false;
    onClose();
    return true;
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} paddingX={1}>
      <Text bold>Import a curl command</Text>
      <LineInput value={text} focus placeholder="paste: curl -X POST https://api.crowdstrike.com/… -d '…'" onChange={setText} pasteFilter={joinContinuations} onSubmit={(v) => setProblem(onImport(v))} />
      {problem && <Text color={color('error')}>{terminalSafe(problem)}</Text>}
      <Text color={color('muted')}>Enter imports · Esc cancels · the Authorization header is dropped</Text>
    </Box>
  );
}
