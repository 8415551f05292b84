// A one-line text field over lineEdit.ts. Unlike ink-text-input it leaves
// Ctrl and Meta chords (Ctrl+S sends, Ctrl+N adds a row…) to the app.
import React, { useEffect, useState } from 'react';
import { Text, useInput, type Key } from 'ink';
import { editLine, type LineAction } from '../../core/composer/lineEdit.js';
import { color } from '../theme.js';
import { matches } from '../keys/keymap.js';
import { terminalSafe as safe } from '../../core/text/terminalSafe.js';

/** The edit a key makes in a one-line field, if any. */
export function lineAction(input: string, key: Key): LineAction | undefined {
  // Ink reports the Backspace key as `delete`, so both erase backwards.
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.home) return { type: 'home' };
  if (key.end) return { type: 'end' };
  if (key.ctrl || key.meta || key.tab || key.escape || key.return || key.upArrow || key.downArrow || input === '') return undefined;
  return { type: 'insert', text: input };
}

export interface LineInputProps {
  value: string;
  onChange(value: string): void;
  onSubmit?(value: string): void;
  focus: boolean;
  placeholder?: string;
}

export function LineInput({ value, onChange, onSubmit, focus, placeholder }: LineInputProps): React.JSX.Element {
  const [cursor, setCursor] = useState(value.length);
  // A value set from outside (a picked completion) puts the cursor at its end.
  useEffect(() => setCursor((c) => (c > value.length ? value.length : c)), [value]);

  useInput(
    (input, key) => {
      if (key.return) {
        onSubmit?.(value);
        return;
      }
      if (matches('edit.clearLine', input, key)) {
        setCursor(0);
        onChange('');
        return;
      }
      const action = lineAction(input, key);
      if (!action) return;
      const next = editLine({ text: value, cursor: Math.min(cursor, value.length) }, action);
      setCursor(next.cursor);
      if (next.text !== value) onChange(next.text);
    },
    { isActive: focus },
  );

  if (value === '' && placeholder) {
    return (
      <Text color={color('muted')} wrap="truncate">
        {focus ? <Text inverse> </Text> : null}
        {placeholder}
      </Text>
    );
  }
  const at = Math.min(cursor, value.length);
  return (
    <Text wrap="truncate">
      {/* Text loaded from history, a collection or a paste: control characters are shown, not obeyed. */}
      {safe(value.slice(0, at))}
      {focus ? <Text inverse>{safe(value[at] ?? ' ')}</Text> : safe(value[at] ?? '')}
      {safe(value.slice(at + 1))}
    </Text>
  );
}
