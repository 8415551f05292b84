import { describe, expect, it } from 'vitest';
import { bufferFromText, bufferText, editBuffer, replaceText, type TextAction, type TextBuffer } from '../../../src/core/composer/textBuffer.js';
import { editLine } from '../../../src/core/composer/lineEdit.js';
import { scrollIntoView } from '../../../src/core/composer/viewport.js';

function run(buffer: TextBuffer, ...actions: TextAction[]): TextBuffer {
  return actions.reduce(editBuffer, buffer);
}
const at = (b: TextBuffer) => [b.row, b.col];

describe('textBuffer', () => {
  it('inserts typed and pasted text, including line breaks from a terminal paste', () => {
    let b = run(bufferFromText(''), { type: 'insert', text: '{"a":' }, { type: 'insert', text: ' 1}' });
    expect(bufferText(b)).toBe('{"a": 1}');
    b = run(bufferFromText('xy'), { type: 'right' }, { type: 'insert', text: '1\r2\r\n3\t' });
    expect(bufferText(b)).toBe('x1\n2\n3  y');
    expect(at(b)).toEqual([2, 3]);
  });

  it('keeps the indentation on Enter', () => {
    const b = run(bufferFromText('{\n    "a": 1,', 'end'), { type: 'newline' }, { type: 'insert', text: '"b": 2' });
    expect(bufferText(b)).toBe('{\n    "a": 1,\n    "b": 2');
  });

  it('splits the line at the cursor on Enter', () => {
    const b = run(bufferFromText('  ab'), { type: 'end' }, { type: 'left' }, { type: 'newline' });
    expect(b.lines).toEqual(['  a', '  b']);
    expect(at(b)).toEqual([1, 2]);
    const inIndent = run(bufferFromText('    x'), { type: 'right' }, { type: 'newline' });
    // Enter inside the indentation carries only the part left of the cursor.
    expect(inIndent.lines).toEqual([' ', '    x']);
    expect(at(inIndent)).toEqual([1, 1]);
  });

  it('backspace and delete join lines at their edges', () => {
    let b = run(bufferFromText('ab\ncd'), { type: 'down' }, { type: 'home' }, { type: 'backspace' });
    expect(bufferText(b)).toBe('abcd');
    expect(at(b)).toEqual([0, 2]);
    b = run(bufferFromText('ab\ncd'), { type: 'end' }, { type: 'delete' });
    expect(bufferText(b)).toBe('abcd');
    b = run(bufferFromText('ab'), { type: 'backspace' }, { type: 'delete' });
    expect(bufferText(b)).toBe('b');
    expect(run(bufferFromText('ab', 'end'), { type: 'delete' }).lines).toEqual(['ab']);
  });

  it('arrows wrap across lines and up/down keep the goal column', () => {
    const b = bufferFromText('long line\nab\nanother line');
    let c = run(b, { type: 'end' }, { type: 'down' });
    expect(at(c)).toEqual([1, 2]);
    c = run(c, { type: 'down' });
    expect(at(c)).toEqual([2, 9]);
    c = run(c, { type: 'up' }, { type: 'up' }, { type: 'up' });
    expect(at(c)).toEqual([0, 0]);
    expect(at(run(b, { type: 'left' }))).toEqual([0, 0]);
    expect(at(run(b, { type: 'end' }, { type: 'right' }))).toEqual([1, 0]);
    expect(at(run(b, { type: 'down' }, { type: 'left' }))).toEqual([0, 9]);
  });

  it('pages up and down by the number of rows, clamped', () => {
    const b = bufferFromText(Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n'));
    const down = run(b, { type: 'pageDown', rows: 10 });
    expect(down.row).toBe(10);
    expect(run(down, { type: 'pageDown', rows: 100 }).row).toBe(29);
    expect(run(down, { type: 'pageUp', rows: 4 }).row).toBe(6);
  });

  it('keeps the cursor, clamped, when text is replaced from outside', () => {
    const b = run(bufferFromText('a\nbcdef'), { type: 'down' }, { type: 'end' });
    expect(at(replaceText(b, 'xyz'))).toEqual([0, 3]);
  });
});

describe('lineEdit', () => {
  it('edits one line, flattening pasted breaks', () => {
    let s = editLine({ text: 'ac', cursor: 1 }, { type: 'insert', text: 'b' });
    expect(s).toEqual({ text: 'abc', cursor: 2 });
    s = editLine(s, { type: 'insert', text: 'x\ry' });
    expect(s.text).toBe('abx yc');
    expect(editLine({ text: 'ab', cursor: 0 }, { type: 'backspace' })).toEqual({ text: 'ab', cursor: 0 });
    expect(editLine({ text: 'ab', cursor: 0 }, { type: 'delete' })).toEqual({ text: 'b', cursor: 0 });
    expect(editLine({ text: 'ab', cursor: 9 }, { type: 'left' }).cursor).toBe(1);
  });
});

describe('scrollIntoView', () => {
  it('moves the window only as far as needed', () => {
    expect(scrollIntoView(0, 3, 5, 20)).toBe(0);
    expect(scrollIntoView(0, 7, 5, 20)).toBe(3);
    expect(scrollIntoView(6, 2, 5, 20)).toBe(2);
    expect(scrollIntoView(18, 19, 5, 20)).toBe(15);
    expect(scrollIntoView(4, 0, 5, 3)).toBe(0);
  });
});
