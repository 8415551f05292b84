// Terminal input as keys: one KeyEvent per key, however many keys one read
// holds ("abc\x7f\x7f\r" is six keys), escape sequences (arrows, F1, Delete)
// read whole, and a bracketed paste delivered as one lossless paste event.
// Pure; the KeypressProvider feeds it what Ink reads from stdin.

export interface KeyEvent {
  /** 'a', 'A', ' ', 'return', 'escape', 'tab', 'backspace', 'delete', 'up', 'f1', 'paste', … */
  name: string;
  /** the text the key types: the character, or the whole paste; '' for other keys */
  text: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  paste: boolean;
  /** read together with other keys (typed faster than a read, or pasted without bracketed paste) */
  burst?: boolean;
  /** the bytes it came from */
  sequence: string;
}

export const PASTE_START = '\u001b[200~';
export const PASTE_END = '\u001b[201~';

const key = (name: string, sequence: string, mods: Partial<KeyEvent> = {}): KeyEvent => ({
  name,
  text: '',
  ctrl: false,
  meta: false,
  shift: false,
  paste: false,
  sequence,
  ...mods,
});

const TILDE_KEYS: Record<string, string> = {
  '1': 'home',
  '7': 'home',
  '4': 'end',
  '8': 'end',
  '2': 'insert',
  '3': 'delete',
  '5': 'pageup',
  '6': 'pagedown',
  '11': 'f1',
  '12': 'f2',
  '13': 'f3',
  '14': 'f4',
  '15': 'f5',
  '17': 'f6',
  '18': 'f7',
  '19': 'f8',
  '20': 'f9',
  '21': 'f10',
  '23': 'f11',
  '24': 'f12',
};

const LETTER_KEYS: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', E: 'clear' };
const SS3_KEYS: Record<string, string> = { ...LETTER_KEYS, P: 'f1', Q: 'f2', R: 'f3', S: 'f4' };
/** The Linux console's F1–F5: ESC [ [ A … E. */
const CONSOLE_F_KEYS: Record<string, string> = { A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5' };

/** xterm's modifier parameter: 1 + shift(1) + alt(2) + ctrl(4). */
function modifiers(param: string | undefined): Partial<KeyEvent> {
  const m = Math.max(0, Number(param ?? '1') - 1);
  return { shift: (m & 1) !== 0, meta: (m & 2) !== 0, ctrl: (m & 4) !== 0 };
}

/** One escape sequence (ESC included) as a key. */
function escapeKey(seq: string): KeyEvent {
  if (seq === '\u001b') return key('escape', seq);
  // ESC ESC [ A: Meta with an arrow, as some terminals send it.
  if (seq.startsWith('\u001b\u001b') && seq.length > 2) return { ...escapeKey(seq.slice(1)), meta: true, sequence: seq };
  if (seq.startsWith('\u001b[[') && seq.length === 4) return key(CONSOLE_F_KEYS[seq[3] as string] ?? 'unknown', seq);
  if (seq.startsWith('\u001b[')) {
    const body = seq.slice(2);
    const final = body.slice(-1);
    const params = body.slice(0, -1).split(';');
    if (final === '~') return key(TILDE_KEYS[params[0] ?? ''] ?? 'unknown', seq, modifiers(params[1]));
    if (final === 'Z') return key('tab', seq, { shift: true });
    const name = LETTER_KEYS[final];
    return name ? key(name, seq, modifiers(params[1])) : key('unknown', seq);
  }
  if (seq.startsWith('\u001bO') && seq.length === 3) return key(SS3_KEYS[seq[2] as string] ?? 'unknown', seq);
  // ESC + one character: Alt/Meta with that key.
  const rest = seq.slice(1);
  const inner = charKey(rest);
  return { ...inner, meta: true, text: '', sequence: seq };
}

/** One character (no ESC) as a key. */
function charKey(ch: string): KeyEvent {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\r' || ch === '\n') return key('return', ch);
  if (ch === '\t') return key('tab', ch);
  if (ch === '\u007f' || ch === '\b') return key('backspace', ch);
  if (code === 0) return key(' ', ch, { ctrl: true });
  if (code < 27) return key(String.fromCharCode(code + 96), ch, { ctrl: true });
  if (code < 32) return key(String.fromCharCode(code + 64).toLowerCase(), ch, { ctrl: true });
  return key(ch, ch, { text: ch, shift: ch !== ch.toLowerCase() });
}

/** The length of the escape sequence starting at `i` (ESC at `i`), as much as is there. */
function sequenceLength(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === '\u001b') j++; // ESC ESC …: Meta with a sequence
  const kind = s[j];
  if (kind === '[') {
    j++;
    if (s[j] === '[') return Math.min(s.length, j + 2) - i; // ESC [ [ A
    while (j < s.length) {
      const c = s.charCodeAt(j);
      j++;
      if (c >= 0x40 && c <= 0x7e) break;
    }
    return j - i;
  }
  if (kind === 'O' && j + 1 < s.length) return j + 2 - i;
  if (kind === undefined) return j - i;
  // ESC + one code point (Meta+key); a lone ESC ESC is two Escapes.
  if (j > i + 1) return 1;
  return 1 + (s.codePointAt(j)! > 0xffff ? 2 : 1);
}

/**
 * Keeps the paste in progress between reads: a bracketed paste may arrive
 * over several reads, and nothing in it is a key.
 */
export class KeyParser {
  private pasting: string | undefined;

  push(chunk: string): KeyEvent[] {
    const keys: KeyEvent[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.pasting !== undefined) {
        const end = chunk.indexOf(PASTE_END, i);
        if (end < 0) {
          this.pasting += chunk.slice(i);
          return keys;
        }
        const text = this.pasting + chunk.slice(i, end);
        this.pasting = undefined;
        keys.push(key('paste', text, { text, paste: true }));
        i = end + PASTE_END.length;
        continue;
      }
      if (chunk.startsWith(PASTE_START, i)) {
        this.pasting = '';
        i += PASTE_START.length;
        continue;
      }
      if (chunk[i] === '\u001b') {
        const n = sequenceLength(chunk, i);
        keys.push(escapeKey(chunk.slice(i, i + n)));
        i += n;
        continue;
      }
      const cp = chunk.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      keys.push(charKey(ch));
      i += ch.length;
    }
    if (keys.length > 1) for (const k of keys) k.burst = true;
    return keys;
  }

  /** True while a bracketed paste has begun and not ended. */
  get inPaste(): boolean {
    return this.pasting !== undefined;
  }
}

/** Splits `input` into keys (a convenience for tests and one-off parsing). */
export function parseKeys(input: string): KeyEvent[] {
  return new KeyParser().push(input);
}
