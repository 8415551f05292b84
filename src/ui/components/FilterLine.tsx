// The title and filter field at the top of a filtered overlay.
import React from 'react';
import { Box, Text } from 'ink';
import { LineInput } from './LineInput.js';

export function FilterLine({ title, value, placeholder, onChange, onSubmit }: { title: string; value: string; placeholder: string; onChange(v: string): void; onSubmit(): void }): React.JSX.Element {
  return (
    <Box>
      <Text bold>{title} </Text>
      <LineInput value={value} focus placeholder={placeholder} onChange={onChange} onSubmit={onSubmit} />
    </Box>
  );
}
