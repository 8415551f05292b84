// How commands print text that may hold outside data. Reports (tables,
// descriptions, messages) are always terminal-safe: their control characters
// are shown as escapes, whether they go to a terminal or through `less`.
// Exact output meant for another program (a curl command, a raw body) keeps
// its bytes in a pipe and is made safe only when it lands on a terminal.
import { terminalSafe } from '../core/text/terminalSafe.js';

type Out = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

/** A report: line breaks kept, every other control character shown. */
export function writeText(stream: Out, text: string): void {
  stream.write(terminalSafe(text, { multiline: true }));
}

/** Exact text for a pipe; shown safely when the stream is a terminal. */
export function writeExact(stream: Out, text: string): void {
  stream.write(stream.isTTY ? terminalSafe(text, { multiline: true }) : text);
}
