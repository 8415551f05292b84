// The command line's answer to a write's confirmation (the send policy's
// door asks it): --yes answers yes; on a terminal the whole request is shown
// and y/N asked on stderr; without a terminal and without --yes the call is
// refused (exit 2) and nothing is sent.
import { NotSentError } from '../core/request/notSent.js';
import type { ConfirmWrite } from '../core/request/guardedClient.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

export interface ConfirmIo {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

export function cliConfirm(yes: boolean, given?: ConfirmIo): ConfirmWrite {
  return async ({ title, lines, request }) => {
    if (yes) return true;
    // process.stdin is opened only here: its stream costs a call ~2 ms that never confirms.
    const io = given ?? { stdin: process.stdin, stderr: process.stderr };
    if (!io.stdin.isTTY || !io.stderr.isTTY) {
      throw new NotSentError(
        `${request.method} ${request.path} changes the tenant and needs confirmation: pass --yes to send it from a script. Nothing was sent.`,
        'unconfirmed',
      );
    }
    // The request may come from a shared collection or history: shown, never obeyed.
    io.stderr.write([title, ...lines.map((l) => `  ${l}`)].map((l) => terminalSafe(l)).join('\n') + '\n');
    // Loaded here: only a confirmation on a terminal needs it, not every call.
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: io.stdin, output: io.stderr });
    try {
      const answer = (await rl.question('Send it? [y/N] ')).trim().toLowerCase();
      return answer === 'y' || answer === 'yes';
    } finally {
      rl.close();
    }
  };
}

/** One line typed on the terminal (standard error carries the question, so standard output stays data). */
export async function ask(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
