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
  // A pasted curl command is a few KB; megabytes are a wrong file, and would overflow the parser.
  if (text.length > MAX_COMMAND_CHARS) {
    throw new UserError(`The curl command is ${Math.round(text.length / 1024).toLocaleString('en-US')} KB; talon reads at most ${MAX_COMMAND_CHARS / 1024} KB. Put a large body in a file and pass it with -d @file.`);
  }
  const open = unclosedQuote(text);
  if (open) throw new UserError(`The command has an unclosed ${open === "$'" ? "'" : open} quote: check the quoting of what you pasted (it may have been cut short).`);
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

/** The longest command splitCommand reads. */
export const MAX_COMMAND_CHARS = 256 * 1024;

/** The quote character left open at the end of `text` (sh rules), if any. */
function unclosedQuote(text: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (quote === "$'") {
      // ANSI-C quoting: a backslash escapes the next character, \' included.
      if (c === '\\') i++;
      else if (c === "'") quote = undefined;
    } else if (c === '\\') i++;
    else if (c === "'" && text[i - 1] === '$' && quote === undefined) quote = "$'";
    else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      // A comment runs to the end of the line.
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    }
  }
  return quote;
}
