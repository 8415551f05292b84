// Shell words in and out: quoting a word for a POSIX shell (the commands
// talon prints), and splitting a pasted command into words with shell-quote,
// keeping $VARIABLES visible instead of expanding them.
import { parse } from 'shell-quote';
import { UserError } from '../errors.js';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word, quoted for sh/bash/zsh only when it needs to be (single quotes, ' written as '\''). */
export function quoteWord(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  // FQL is full of single quotes: double quotes read better when nothing in the word is special inside them.
  if (word.includes("'") && !/["$`\\!]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Marks where a $VARIABLE stood in a word: \u0001NAME\u0002. */
export const VAR_START = '\u0001';
export const VAR_END = '\u0002';
// eslint-disable-next-line no-control-regex -- the markers are control characters on purpose: no pasted text has them
const VAR_MARK = /\u0001([^\u0002]*)\u0002/g;

export interface CommandWords {
  /** the words of the first command, with variables marked */
  words: string[];
  /** what followed the first command (a pipe, ;, &&), if anything */
  rest?: string;
}

/** Replaces variable marks with `render(name)`. */
export function replaceVariables(word: string, render: (name: string) => string): string {
  return word.replace(VAR_MARK, (_m, name: string) => render(name));
}

/** True when the word is nothing but one variable ("$TOKEN", "${auth[@]}"). */
export function isOnlyVariable(word: string): boolean {
  // eslint-disable-next-line no-control-regex -- see VAR_MARK
  return /^\u0001[^\u0002]*\u0002$/.test(word);
}

/** A command written over several lines (backslash-newline continuations, as `talon history export --curl` prints it) on one line. */
export function joinContinuations(text: string): string {
  return text.replace(/\\\r?\n/g, ' ');
}

/** Splits the first command of `text` into words; line continuations (backslash-newline) are joined. */
export function splitCommand(text: string): CommandWords {
  const joined = joinContinuations(text).trim();
  const entries = parse(joined, (name: string) => `${VAR_START}${name}${VAR_END}`);
  const words: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (typeof e === 'string') {
      if (e.includes(`${VAR_START}${VAR_END}`)) {
        throw new UserError('The command runs a command substitution ($(...) or backticks): paste it with the values written out.');
      }
      words.push(e);
    } else if (e && 'comment' in e) {
      break;
    } else if (e && e.op === 'glob') {
      // An unquoted * or ? in a URL: the shell would expand it only if files matched.
      words.push(e.pattern);
    } else if (e) {
      const rest = entries
        .slice(i)
        .map((x) => (typeof x === 'string' ? x : 'op' in x ? (x.op === 'glob' ? x.pattern : x.op) : `#${x.comment}`))
        .join(' ');
      return { words, rest };
    }
  }
  return { words };
}
