// Text from outside talon (API data and messages, trace ids, hostnames,
// command lines, file contents) is data, never terminal control. Every such
// string passes through here before it reaches a terminal: each control
// character is shown as its JavaScript escape (`\x1b`, `\x07`, `\x9b`,
// `\u202e`), so an ESC/OSC/CSI/DCS sequence stays visible as inert text
// (`\x1b]52;c;…\x07`) instead of setting the title, writing the clipboard
// or moving the cursor. The escape is plain ASCII a terminal cannot act on.

/**
 * C0 controls, DEL, C1 controls, the bidi embeddings, overrides and isolates
 * (and their marks) that reorder what is shown, and the Unicode line and
 * paragraph separators. Tab and newline are handled by the caller's mode.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_MULTILINE = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The visible form of one unsafe character: `\x1b`, `\n`, `\u202e`. */
export function visibleControl(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface TerminalSafeOptions {
  /** keep line breaks (and tabs) as structure: a text body, a multi-line report; CRLF becomes LF */
  multiline?: boolean;
}

/** `text` with every control character shown as its escape; safe to write to a terminal. */
export function terminalSafe(text: string, opts: TerminalSafeOptions = {}): string {
  if (!UNSAFE.test(text)) return text;
  if (opts.multiline) return text.replace(UNSAFE_MULTILINE, (ch) => (ch === '\r\n' ? '\n' : visibleControl(ch)));
  return text.replace(UNSAFE_ALL, visibleControl);
}

/** terminalSafe over anything printable; undefined and null stay empty. */
export function safeText(value: unknown): string {
  return value === undefined || value === null ? '' : terminalSafe(String(value));
}

/** Whether `text` holds a character terminalSafe would escape. */
export function hasControl(text: string): boolean {
  return UNSAFE.test(text);
}
