// Saves the composed request under a name (and a description) in the
// default collection; {{variables}} typed in it are kept as variables.
import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { matches } from '../keys/keymap.js';
import { LineInput } from './LineInput.js';
import { color } from '../theme.js';

export interface SaveDialogProps {
  width: number;
  /** returns a sentence on failure (bad name, file exists), undefined on success */
  onSave(name: string, description: string): string | undefined;
  onClose(): void;
}

export function SaveDialog({ width, onSave, onClose }: SaveDialogProps): React.JSX.Element {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [field, setField] = useState<'name' | 'description'>('name');
  const [problem, setProblem] = useState<string>();
  useKeypress((key) => {
    if (!matches('dialog.close', key)) return false;
    onClose();
    return true;
  });
  // The name as typed, for a description submitted in the same burst of keys.
  const typedName = useRef('');
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} paddingX={1}>
      <Text bold>Save this request</Text>
      <Box>
        <Text>name: </Text>
        <LineInput value={name} focus={field === 'name'} placeholder="find-host-by-name" onChange={setName}
          onSubmit={(v) => {
            typedName.current = v;
            setField('description');
          }}
        />
      </Box>
      <Box>
        <Text>description: </Text>
        <LineInput
          value={description}
          focus={field === 'description'}
          placeholder="what it is for"
          onChange={setDescription}
          onSubmit={(typed) => {
            const p = onSave((typedName.current || name).trim(), typed.trim());
            if (p) {
              setProblem(p);
              setField('name');
            }
          }}
        />
      </Box>
      {problem && <Text color={color('error')}>{problem}</Text>}
      <Text color={color('muted')}>Enter moves on and saves · Esc cancels</Text>
    </Box>
  );
}
