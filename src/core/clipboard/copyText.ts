// Copying to the system clipboard through the terminal: an OSC 52 sequence
// that talon writes itself, carrying the text as base64, so the tenant's
// text is an inert payload and never an escape sequence of its own. When the
// terminal cannot take it (not a terminal, too large for what terminals and
// tmux accept, or TALON_CLIPBOARD=file) the text goes to a new private file
// instead. Always the answer to a key the user pressed.

/**
 * xterm and tmux drop OSC 52 payloads past about 100 KB of base64; 74 KB of
 * text is 99 KB of base64, under that with room for the sequence itself.
 */
export const CLIPBOARD_LIMIT = 74 * 1024;

export interface ClipboardTerminal {
  /** writes bytes straight to the terminal, around the screen's renderer */
  write(data: string): void;
  isTTY: boolean;
  /** TERM, to skip terminals without OSC 52 (the Linux console, dumb) */
  term?: string;
}

export interface CopyTarget {
  terminal: ClipboardTerminal;
  env: NodeJS.ProcessEnv;
  /** writes a new private file (the workspace's export), returning its path */
  writeFile(name: string, text: string): string;
}

export type CopyResult = { to: 'clipboard'; bytes: number } | { to: 'file'; path: string; bytes: number; why: string };

/** The OSC 52 sequence setting the clipboard to `text`: ESC ] 52 ; c ; base64 BEL. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

function fileReason(text: string, target: CopyTarget): string | undefined {
  if ((target.env.TALON_CLIPBOARD ?? '').toLowerCase() === 'file') return 'TALON_CLIPBOARD=file';
  if (!target.terminal.isTTY) return 'the output is not a terminal';
  const term = target.terminal.term ?? '';
  if (term === 'dumb' || term === 'linux') return `this terminal (${term}) has no clipboard sequence`;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > CLIPBOARD_LIMIT) return `${Math.round(bytes / 1024)} KB is over the ${CLIPBOARD_LIMIT / 1024} KB terminals accept`;
  return undefined;
}

/**
 * Copies `text`: to the clipboard through the terminal, else into a new 0600
 * file named after `name` (e.g. `talon-copy.json`), saying why.
 */
export function copyText(text: string, target: CopyTarget, name = 'talon-copy.txt'): CopyResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  const why = fileReason(text, target);
  if (why === undefined) {
    target.terminal.write(osc52(text));
    return { to: 'clipboard', bytes };
  }
  return { to: 'file', path: target.writeFile(name, text), bytes, why };
}

/** One line for the shell's message: "copied 1.2 KB to the clipboard". */
export function describeCopy(result: CopyResult, what: string): string {
  const size = result.bytes < 1024 ? `${result.bytes} bytes` : `${(result.bytes / 1024).toFixed(1)} KB`;
  if (result.to === 'clipboard') return `Copied ${what} (${size}) to the clipboard.`;
  return `Wrote ${what} (${size}) to ${result.path}: ${result.why}.`;
}
