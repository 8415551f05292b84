// One parameter row, `key = value`: a marker for the focused row, `*` for a
// required parameter, and a block cursor in the field being edited. Long
// text scrolls to keep the cursor in view.
import React from 'react';
import { Text } from 'ink';
import { color } from '../theme.js';
import { terminalSafe as safe } from '../../core/text/terminalSafe.js';

export type RowField = 'key' | 'value';

export interface KeyValueRowProps {
  /** shown as is: a path parameter passes `{id}` */
  keyText: string;
  value: string;
  /** columns for the key (it is padded or cut to this) */
  keyWidth: number;
  /** the whole row */
  width: number;
  required: boolean;
  /** the row has the pane's focus */
  selected: boolean;
  /** the field with the cursor, when the row is being edited */
  editing?: RowField;
  cursor?: number;
  /** the key cannot be edited (path parameters): shown muted */
  fixedKey?: boolean;
  placeholder?: string;
}

interface FieldProps {
  text: string;
  width: number;
  cursor?: number;
  placeholder?: string;
  /** fill all `width` columns, so what follows lines up */
  pad?: boolean;
  textColor?: string;
  bold?: boolean;
}

/** The part of `text` shown in `width` columns: around the cursor when editing, else cut with an ellipsis. */
function Field({ text, width, cursor, placeholder, pad, textColor, bold }: FieldProps): React.JSX.Element {
  const w = Math.max(1, width);
  if (cursor === undefined) {
    if (text === '' && placeholder) return <Text color={color('muted')}>{placeholder.slice(0, w).padEnd(pad ? w : 0)}</Text>;
    // Values loaded from history or a shared collection: control characters are shown, not sent to the terminal.
    const cut = safe(text.length > w ? `${text.slice(0, w - 1)}…` : text);
    return (
      <Text color={textColor} bold={bold}>
        {cut.padEnd(pad ? w : 0)}
      </Text>
    );
  }
  const at = Math.min(Math.max(cursor, 0), text.length);
  const start = Math.max(0, at - w + 1);
  const shown = text.slice(start, start + w);
  const i = at - start;
  const used = Math.max(shown.length, i + 1);
  return (
    <Text>
      {safe(shown.slice(0, i))}
      <Text inverse>{safe(shown[i] ?? ' ')}</Text>
      {safe(shown.slice(i + 1))}
      {pad ? ' '.repeat(Math.max(0, w - used)) : ''}
    </Text>
  );
}

export function KeyValueRow(props: KeyValueRowProps): React.JSX.Element {
  const { keyText, value, keyWidth, width, required, selected, editing, cursor, fixedKey, placeholder } = props;
  // marker + required flag + space, then key, then " = ", then the value
  const valueWidth = Math.max(1, width - 3 - keyWidth - 3);
  return (
    <Text wrap="truncate">
      <Text color={color('accent')}>{selected ? '›' : ' '}</Text>
      <Text color={color('warn')}>{required ? '*' : ' '}</Text>{' '}
      <Field
        text={keyText}
        width={keyWidth}
        cursor={editing === 'key' ? cursor : undefined}
        pad
        textColor={fixedKey ? color('muted') : color('key')}
        bold={selected}
      />
      <Text color={color('muted')}> = </Text>
      <Field text={value} width={valueWidth} cursor={editing === 'value' ? cursor : undefined} placeholder={placeholder} />
    </Text>
  );
}
