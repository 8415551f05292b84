// A multi-line editor over the pure text buffer: line numbers, a block
// cursor, an error marker, and a window that follows the cursor. Tab, Esc
// and Ctrl+S pass through untouched: the app moves focus and sends with them.
import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { bufferFromText, bufferText, editBuffer, replaceText, type TextAction, type TextBuffer } from '../../core/composer/textBuffer.js';
import { scrollIntoView } from '../../core/composer/viewport.js';
import { matches, textOf } from '../keys/keymap.js';
import { useKeypress } from '../keys/KeypressProvider.js';
import type { KeyEvent } from '../keys/parseKeys.js';
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

/** The edit a key stands for, or undefined to leave it to the app (Tab, Esc, Ctrl+S…). */
function actionFor(key: KeyEvent, pageRows: number): TextAction | undefined {
  // Enter alone keeps the line's indentation; in a burst (a paste without bracketed paste) the text comes as it is.
  if (matches('body.newline', key)) return key.burst ? { type: 'insert', text: '\n' } : { type: 'newline' };
  if (matches('edit.backspace', key)) return { type: 'backspace' };
  if (matches('edit.delete', key)) return { type: 'delete' };
  if (matches('edit.left', key)) return { type: 'left' };
  if (matches('edit.right', key)) return { type: 'right' };
  if (matches('body.up', key)) return { type: 'up' };
  if (matches('body.down', key)) return { type: 'down' };
  if (matches('edit.home', key)) return { type: 'home' };
  if (matches('edit.end', key)) return { type: 'end' };
  if (matches('body.pageUp', key)) return { type: 'pageUp', rows: pageRows };
  if (matches('body.pageDown', key)) return { type: 'pageDown', rows: pageRows };
  const text = textOf(key);
  return text === undefined ? undefined : { type: 'insert', text };
}

export function TextArea({ value, onChange, focused, height, width, errorLine }: TextAreaProps): React.JSX.Element {
  const rows = Math.max(1, height);
  // The buffer lives in a ref so keys arriving in one burst each see the
  // previous key's result; the state only triggers a re-render.
  const buffer = useRef<TextBuffer>(bufferFromText(value));
  const [, setVersion] = useState(0);
  // A value that is not what this editor last reported was set from outside (a new operation's skeleton).
  const reported = useRef(value);
  if (value !== reported.current) {
    reported.current = value;
    if (bufferText(buffer.current) !== value) buffer.current = replaceText(buffer.current, value);
  }
  const top = useRef(0);
  const left = useRef(0);

  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useKeypress(
    (key) => {
      const action = actionFor(key, rows - 1);
      if (!action) return false;
      const before = buffer.current;
      const after = editBuffer(before, action);
      if (after === before) return true;
      buffer.current = after;
      setVersion((v) => v + 1);
      const text = bufferText(after);
      if (text !== bufferText(before)) {
        reported.current = text;
        onChangeRef.current(text);
      }
      return true;
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
