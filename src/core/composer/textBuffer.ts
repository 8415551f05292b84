// A pure multi-line text editor: lines plus a cursor, changed by actions.
// The body editor wraps it; keeping it pure lets every edit be unit-tested.

export interface TextBuffer {
  lines: string[];
  /** cursor line, 0-based */
  row: number;
  /** cursor column in UTF-16 units, 0-based; may equal the line length */
  col: number;
  /** the column up/down moves aim for, so crossing a short line does not lose it */
  goalCol?: number;
}

export type TextAction =
  /** typed or pasted text; may hold newlines */
  | { type: 'insert'; text: string }
  /** Enter: split the line, keeping the current line's indentation */
  | { type: 'newline' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'pageUp'; rows: number }
  | { type: 'pageDown'; rows: number };

export function bufferFromText(text: string, at: 'start' | 'end' = 'start'): TextBuffer {
  const lines = text.split('\n');
  if (at === 'start') return { lines, row: 0, col: 0 };
  const row = lines.length - 1;
  return { lines, row, col: (lines[row] ?? '').length };
}

export function bufferText(buffer: TextBuffer): string {
  return buffer.lines.join('\n');
}

/** New text from outside (a prefill, a loaded request): the cursor stays where it was, clamped. */
export function replaceText(buffer: TextBuffer, text: string): TextBuffer {
  const lines = text.split('\n');
  const row = Math.min(buffer.row, lines.length - 1);
  return { lines, row, col: Math.min(buffer.col, (lines[row] ?? '').length) };
}

/** Terminal pastes use \r for line breaks; tabs become two spaces, other control characters go. */
function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

function line(buffer: TextBuffer, row: number): string {
  return buffer.lines[row] ?? '';
}

function insert(buffer: TextBuffer, raw: string): TextBuffer {
  const text = normalise(raw);
  if (text === '') return buffer;
  const current = line(buffer, buffer.row);
  const before = current.slice(0, buffer.col);
  const after = current.slice(buffer.col);
  const pieces = text.split('\n');
  const lines = [...buffer.lines];
  if (pieces.length === 1) {
    lines[buffer.row] = before + text + after;
    return { lines, row: buffer.row, col: buffer.col + text.length };
  }
  const last = pieces[pieces.length - 1] ?? '';
  const inserted = [before + (pieces[0] ?? ''), ...pieces.slice(1, -1), last + after];
  lines.splice(buffer.row, 1, ...inserted);
  return { lines, row: buffer.row + pieces.length - 1, col: last.length };
}

function newline(buffer: TextBuffer): TextBuffer {
  const current = line(buffer, buffer.row);
  const indent = /^ */.exec(current)?.[0] ?? '';
  // With the cursor inside the indentation, only what is left of it is carried.
  const keep = indent.slice(0, Math.min(indent.length, buffer.col));
  const lines = [...buffer.lines];
  lines.splice(buffer.row, 1, current.slice(0, buffer.col), keep + current.slice(buffer.col));
  return { lines, row: buffer.row + 1, col: keep.length };
}

function backspace(buffer: TextBuffer): TextBuffer {
  const { row, col } = buffer;
  const lines = [...buffer.lines];
  if (col > 0) {
    const current = line(buffer, row);
    lines[row] = current.slice(0, col - 1) + current.slice(col);
    return { lines, row, col: col - 1 };
  }
  if (row === 0) return buffer;
  const previous = line(buffer, row - 1);
  lines.splice(row - 1, 2, previous + line(buffer, row));
  return { lines, row: row - 1, col: previous.length };
}

function deleteForward(buffer: TextBuffer): TextBuffer {
  const { row, col } = buffer;
  const current = line(buffer, row);
  const lines = [...buffer.lines];
  if (col < current.length) {
    lines[row] = current.slice(0, col) + current.slice(col + 1);
    return { lines, row, col };
  }
  if (row >= lines.length - 1) return buffer;
  lines.splice(row, 2, current + line(buffer, row + 1));
  return { lines, row, col };
}

/** Moves the cursor `delta` lines, aiming for the goal column. */
function vertical(buffer: TextBuffer, delta: number): TextBuffer {
  const goal = buffer.goalCol ?? buffer.col;
  const row = Math.min(Math.max(buffer.row + delta, 0), buffer.lines.length - 1);
  if (row === buffer.row) {
    // Up on the first line goes to its start, down on the last to its end.
    const col = delta < 0 ? 0 : line(buffer, row).length;
    return { ...buffer, col, goalCol: undefined };
  }
  return { ...buffer, row, col: Math.min(goal, line(buffer, row).length), goalCol: goal };
}

export function editBuffer(buffer: TextBuffer, action: TextAction): TextBuffer {
  const { row, col } = buffer;
  switch (action.type) {
    case 'insert':
      return insert(buffer, action.text);
    case 'newline':
      return newline(buffer);
    case 'backspace':
      return backspace(buffer);
    case 'delete':
      return deleteForward(buffer);
    case 'left':
      if (col > 0) return { lines: buffer.lines, row, col: col - 1 };
      return row > 0 ? { lines: buffer.lines, row: row - 1, col: line(buffer, row - 1).length } : buffer;
    case 'right':
      if (col < line(buffer, row).length) return { lines: buffer.lines, row, col: col + 1 };
      return row < buffer.lines.length - 1 ? { lines: buffer.lines, row: row + 1, col: 0 } : buffer;
    case 'up':
      return vertical(buffer, -1);
    case 'down':
      return vertical(buffer, 1);
    case 'home':
      return { lines: buffer.lines, row, col: 0 };
    case 'end':
      return { lines: buffer.lines, row, col: line(buffer, row).length };
    case 'pageUp':
      return vertical(buffer, -Math.max(1, action.rows));
    case 'pageDown':
      return vertical(buffer, Math.max(1, action.rows));
  }
}
