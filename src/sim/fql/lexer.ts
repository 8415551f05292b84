// FQL tokenizer. It knows one bit of context: right after a ':' it reads an
// operator (`!`, `>=`, `~`, `!*`, ...). Everywhere else those characters are
// ordinary word characters, so bare values such as `PC*` or `a=b` survive.
// Whitespace is skipped but remembered on the next token, because a run of
// spaces between two statements means AND (a URL-decoded '+').

import { filterError } from './errors.js';

export type TokenKind =
  | 'word'
  | 'string'
  | 'op'
  | 'colon'
  | 'plus'
  | 'comma'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (quotes included for strings). */
  text: string;
  /** Unescaped contents for strings; same as `text` otherwise. */
  value: string;
  /** 0-based offset of the first character. */
  pos: number;
  /** True when whitespace came directly before this token. */
  spaceBefore: boolean;
}

/** Operators allowed after the colon, as the API spells them. */
export const OPERATORS: ReadonlySet<string> = new Set(['!', '>', '>=', '<', '<=', '~', '!~', '*', '!*']);

const PUNCTUATION: Readonly<Record<string, TokenKind>> = {
  ':': 'colon',
  '+': 'plus',
  ',': 'comma',
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
};

const OPERATOR_CHARS = '!<>=~*';

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

function isWordChar(ch: string): boolean {
  return !isSpace(ch) && !Object.hasOwn(PUNCTUATION, ch) && ch !== "'" && ch !== '"';
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    const wsStart = i;
    while (i < source.length && isSpace(source.charAt(i))) i++;
    const spaceBefore = i > wsStart;
    if (i >= source.length) {
      tokens.push({ kind: 'eof', text: '', value: '', pos: i, spaceBefore });
      return tokens;
    }
    const start = i;
    const ch = source.charAt(i);
    const push = (kind: TokenKind, text: string, value = text): void => {
      tokens.push({ kind, text, value, pos: start, spaceBefore });
    };

    if (tokens.at(-1)?.kind === 'colon' && OPERATOR_CHARS.includes(ch)) {
      while (i < source.length && OPERATOR_CHARS.includes(source.charAt(i))) i++;
      const op = source.slice(start, i);
      if (!OPERATORS.has(op)) throw filterError(`unknown operator '${op}' at position ${start}`);
      push('op', op);
      continue;
    }

    const punct = Object.hasOwn(PUNCTUATION, ch) ? PUNCTUATION[ch] : undefined;
    if (punct !== undefined) {
      i++;
      push(punct, ch);
      continue;
    }

    if (ch === "'" || ch === '"') {
      // Backslash escapes either quote and itself; any other backslash is
      // kept literally so Windows paths like 'C:\Windows' still work.
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw filterError(`unterminated string starting at position ${start}`);
        const c = source.charAt(i);
        const next = source.charAt(i + 1);
        if (c === '\\' && (next === '\\' || next === "'" || next === '"')) {
          value += next;
          i += 2;
        } else if (c === ch) {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      push('string', source.slice(start, i), value);
      continue;
    }

    while (i < source.length && isWordChar(source.charAt(i))) i++;
    push('word', source.slice(start, i));
  }
}
