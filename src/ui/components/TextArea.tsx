// A multi-line editor over the pure text buffer: line numbers, a block
// cursor, an error marker, and a window that follows the cursor. Tab, Esc
// and Ctrl+S pass through untouched: the app moves focus and sends with them.
import React, { useRef, useState } from 'react';
import { Box, Text, useInput, type Key } from 'ink';
import { bufferFromText, bufferText, editBuffer, replaceText, type TextAction, type TextBuffer } from '../../core/composer/textBuffer.js';
import { scrollIntoView } from '../../core/composer/viewport.js';
import { matches, type Command } from '../keys/keymap.js';
import { color } from '../theme.js';
import { terminalSafe as safe } from '../../core/text/terminalSafe.js';

export interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  focused: boolean;
  /** visible rows */
  height: number;
  /** columns, line numbers included */
  width: number;
  /** 1-based line to mark as wrong */
  errorLine?: number;
}

/** Keys that belong to the app even while typing here. */
const APP_COMMANDS: readonly Command[] = ['focus.next', 'focus.previous', 'app.send', 'app.cancel', 'app.quit'];

/** The edit a key stands for, or undefined to leave it alone. */
function actionFor(input: string, key: Key, pageRows: number): TextAction | undefined {
  if (APP_COMMANDS.some((c) => matches(c, input, key))) return undefined;
  if (key.return) return { type: 'newline' };
  // Ink reports the Backspace key as `delete` (\x7f), so both erase backwards, as in ink-text-input.
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.upArrow) return { type: 'up' };
  if (key.downArrow) return { type: 'down' };
  if (key.home) return { type: 'home' };
  if (key.end) return { type: 'end' };
  if (key.pageUp) return { type: 'pageUp', rows: pageRows };
  if (key.pageDown) return { type: 'pageDown', rows: pageRows };
  // Other Ctrl and Meta chords are the app's; what is left is text.
  if (key.ctrl || key.meta || key.tab || key.escape || input === '') return undefined;
  return { type: 'insert', text: input };
}

export function TextArea({ value, onChange, focused, height, width, errorLine }: TextAreaProps): React.JSX.Element {
  const rows = Math.max(1, height);
  // The buffer lives in a ref so keys arriving in one burst each see the
  // previous key's result; the state only triggers a re-render.
  const buffer = useRef<TextBuffer>(bufferFromText(value));
  const [, setVersion] = useState(0);
  if (bufferText(buffer.current) !== value) buffer.current = replaceText(buffer.current, value);
  const top = useRef(0);
  const left = useRef(0);

  useInput(
    (input, key) => {
      const action = actionFor(input, key, rows - 1);
      if (!action) return;
      const before = buffer.current;
      const after = editBuffer(before, action);
      if (after === before) return;
      buffer.current = after;
      setVersion((v) => v + 1);
      const text = bufferText(after);
      if (text !== bufferText(before)) onChange(text);
    },
    { isActive: focused },
  );

  const { lines, row, col } = buffer.current;
  const digits = String(lines.length).length;
  const gutter = digits + 2; // marker, number, space
  const textWidth = Math.max(1, width - gutter);
  top.current = scrollIntoView(top.current, row, rows, lines.length);
  const visible = lines.slice(top.current, top.current + rows);
  const longest = Math.max(col, ...visible.map((l) => l.length)) + 1;
  left.current = scrollIntoView(left.current, col, textWidth, longest);

  return (
    <Box flexDirection="column" width={width} height={rows}>
      {Array.from({ length: rows }, (_, i) => {
        const index = top.current + i;
        const text = lines[index];
        if (text === undefined) return <Text key={i}> </Text>;
        const wrong = errorLine === index + 1;
        // A body loaded from history or a collection: control characters are shown, not obeyed.
        const shown = text.slice(left.current, left.current + textWidth);
        const number = (
          <Text color={wrong ? color('error') : color('muted')}>
            {wrong ? '!' : ' '}
            {String(index + 1).padStart(digits)}{' '}
          </Text>
        );
        if (!focused || index !== row) {
          return (
            <Text key={i} wrap="truncate">
              {number}
              {safe(shown)}
            </Text>
          );
        }
        const at = col - left.current;
        return (
          <Text key={i} wrap="truncate">
            {number}
            {safe(shown.slice(0, at))}
            <Text inverse>{safe(shown[at] ?? ' ')}</Text>
            {safe(shown.slice(at + 1))}
          </Text>
        );
      })}
    </Box>
  );
}
