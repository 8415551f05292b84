// A one-line text field. Its text and cursor live in a ref that each key
// updates at once, so keys that arrive before a render (a fast typist, a
// paste, a burst of Backspaces, a paste then Enter) each apply to the state
// the previous key left. Ctrl and Meta chords, Tab and Esc are left to the
// app (Ctrl+S sends, Tab moves on).
import React, { useRef, useState } from 'react';
import { editLine, type LineAction, type LineState } from '../../core/composer/lineEdit.js';
import { matches, textOf } from '../keys/keymap.js';
import { useKeypress } from '../keys/KeypressProvider.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import { FieldText } from './FieldText.js';

/** The edit a key makes in a one-line field, if any. */
export function lineAction(key: KeyEvent): LineAction | undefined {
  if (matches('edit.backspace', key)) return { type: 'backspace' };
  if (matches('edit.delete', key)) return { type: 'delete' };
  if (matches('edit.left', key)) return { type: 'left' };
  if (matches('edit.right', key)) return { type: 'right' };
  if (matches('edit.home', key)) return { type: 'home' };
  if (matches('edit.end', key)) return { type: 'end' };
  const text = textOf(key);
  return text === undefined ? undefined : { type: 'insert', text };
}

export interface LineField {
  /** the field as the last key left it */
  current(): LineState;
  /** applies an edit key; true when the key was an edit */
  apply(key: KeyEvent): boolean;
  /** replaces the text (cursor at its end), as the field's own edit */
  set(text: string): void;
}

/**
 * The state of a controlled one-line field, kept in a ref. A `value` that
 * differs from what the field last reported was set from outside (a picked
 * completion): the field takes it, cursor at the end.
 */
export function useLineField(value: string, onChange: (value: string) => void, pasteFilter?: (text: string) => string): LineField {
  const live = useRef<LineState>({ text: value, cursor: value.length });
  const reported = useRef(value);
  const [, redraw] = useState(0);
  if (value !== reported.current) {
    reported.current = value;
    if (value !== live.current.text) live.current = { text: value, cursor: value.length };
  }
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const commit = (next: LineState): void => {
    const changed = next.text !== live.current.text;
    live.current = next;
    redraw((v) => v + 1);
    if (changed) {
      reported.current = next.text;
      onChangeRef.current(next.text);
    }
  };
  return {
    current: () => live.current,
    apply(key) {
      if (matches('edit.clearLine', key)) {
        commit({ text: '', cursor: 0 });
        return true;
      }
      const action = lineAction(key);
      if (!action) return false;
      commit(editLine(live.current, action.type === 'insert' && key.paste && pasteFilter ? { type: 'insert', text: pasteFilter(action.text) } : action));
      return true;
    },
    set: (text) => commit({ text, cursor: text.length }),
  };
}

export interface LineInputProps {
  value: string;
  onChange(value: string): void;
  /** Enter: gets the text as the field holds it, whatever has rendered */
  onSubmit?(value: string): void;
  focus: boolean;
  placeholder?: string;
  /** a key the field does not edit with (↑ for the previous query); true consumes it */
  onOtherKey?(key: KeyEvent, field: LineField): boolean;
  /** what a paste becomes before its line breaks turn into spaces */
  pasteFilter?(text: string): string;
  /** offered each key before the field edits with it (→ at the end accepting a completion); true consumes it */
  beforeEdit?(key: KeyEvent, field: LineField): boolean;
}

export function LineInput({ value, onChange, onSubmit, focus, placeholder, onOtherKey, pasteFilter, beforeEdit }: LineInputProps): React.JSX.Element {
  const field = useLineField(value, onChange, pasteFilter);
  useKeypress(
    (key) => {
      if (beforeEdit?.(key, field)) return true;
      if (onSubmit && matches('edit.submit', key)) {
        onSubmit(field.current().text);
        return true;
      }
      if (field.apply(key)) return true;
      return onOtherKey?.(key, field) ?? false;
    },
    { isActive: focus },
  );

  return <FieldText field={field} focus={focus} placeholder={placeholder} />;
}
