// The key parser: a read holding many keys yields each of them, escape
// sequences come whole (F1 included), and a bracketed paste is one event.
import { describe, expect, it } from 'vitest';
import { KeyParser, parseKeys } from '../../../src/ui/keys/parseKeys.js';
import { matches, textOf } from '../../../src/ui/keys/keymap.js';

const names = (s: string) => parseKeys(s).map((k) => (k.ctrl ? `ctrl+${k.name}` : k.shift && k.name.length > 1 ? `shift+${k.name}` : k.name));

describe('parseKeys', () => {
  it('splits a burst into one key per character', () => {
    expect(names('ab\u007f\u007f\r')).toEqual(['a', 'b', 'backspace', 'backspace', 'return']);
  });

  it('reads escape sequences whole, F1 in each terminal form, and Delete forward', () => {
    expect(names('\u001b[A\u001b[B\u001bOP\u001b[11~\u001b[[A\u001b[3~\u001b[Z')).toEqual(['up', 'down', 'f1', 'f1', 'f1', 'delete', 'shift+tab']);
  });

  it('reads Ctrl letters and a lone Esc', () => {
    expect(names('\u0013\u000e\u001b')).toEqual(['ctrl+s', 'ctrl+n', 'escape']);
  });

  it('delivers a bracketed paste as one event, line breaks kept, even over two reads', () => {
    const p = new KeyParser();
    expect(p.push('x\u001b[200~line 1\r\nli')).toEqual([expect.objectContaining({ name: 'x' })]);
    const [paste, enter] = p.push('ne 2\u001b[201~\r');
    expect(paste?.paste).toBe(true);
    expect(paste && textOf(paste)).toBe('line 1\r\nline 2');
    expect(enter?.name).toBe('return');
  });

  it('matches keys to commands through the keymap only', () => {
    const [ctrlS, f1, q] = parseKeys('\u0013\u001bOP?');
    expect(ctrlS && matches('app.send', ctrlS)).toBe(true);
    expect(f1 && matches('app.helpAnywhere', f1)).toBe(true);
    expect(q && matches('app.help', q)).toBe(true);
    expect(q && matches('app.helpAnywhere', q)).toBe(false);
    expect(ctrlS && textOf(ctrlS)).toBeUndefined();
  });
});
