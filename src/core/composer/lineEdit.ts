// Single-line editing (a parameter name or value): text plus cursor.
// The params pane uses it instead of ink-text-input, which inserts the
// letter of Ctrl+S, Ctrl+N and Ctrl+D into the field.

export interface LineState {
  text: string;
  /** 0-based, may equal text.length */
  cursor: number;
}

export type LineAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' };

/** Pasted line breaks and tabs become spaces; other control characters go. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?|\n|\t/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
}

export function editLine(state: LineState, action: LineAction): LineState {
  const { text } = state;
  const cursor = Math.min(Math.max(state.cursor, 0), text.length);
  switch (action.type) {
    case 'insert': {
      const add = clean(action.text);
      return { text: text.slice(0, cursor) + add + text.slice(cursor), cursor: cursor + add.length };
    }
    case 'backspace':
      return cursor === 0 ? { text, cursor } : { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return { text: text.slice(0, cursor) + text.slice(cursor + 1), cursor };
    case 'left':
      return { text, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { text, cursor: Math.min(text.length, cursor + 1) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
  }
}
