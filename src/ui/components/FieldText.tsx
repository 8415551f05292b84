// A one-line field drawn from a LineField: LineInput draws its own with it,
// and wizards that edit a field themselves (so keys of a burst reach the field
// the previous key opened) draw theirs. Text from history, a collection or a
// paste: control characters are shown, not obeyed.
import React from 'react';
import { Text } from 'ink';
import type { LineField } from './LineInput.js';
import { terminalSafe as safe } from '../../core/text/terminalSafe.js';
import { color } from '../theme.js';

export function FieldText({ field, focus, placeholder }: { field: LineField; focus: boolean; placeholder?: string }): React.JSX.Element {
  const { text, cursor } = field.current();
  if (!text && placeholder) {
    return (
      <Text color={color('muted')} wrap="truncate">
        {focus ? <Text inverse> </Text> : null}
        {placeholder}
      </Text>
    );
  }
  const at = Math.min(cursor, text.length);
  return (
    <Text wrap="truncate">
      {safe(text.slice(0, at))}
      {focus ? <Text inverse>{safe(text[at] ?? ' ')}</Text> : safe(text[at] ?? '')}
      {safe(text.slice(at + 1))}
    </Text>
  );
}
