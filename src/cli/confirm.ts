// Asks before a call that changes the tenant: shows what will happen, then
// waits for y/N on a terminal. Scripts pass --yes; without a terminal and
// without --yes the call is refused (exit 2).
import { createInterface } from 'node:readline/promises';
import { UserError } from '../core/errors.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

export interface ConfirmIo {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

export async function confirmOrRefuse(summary: string[], yes: boolean, io: ConfirmIo = { stdin: process.stdin, stderr: process.stderr }): Promise<void> {
  if (yes) return;
  if (!io.stdin.isTTY || !io.stderr.isTTY) {
    throw new UserError(`${summary[0] ?? 'This call'} changes the tenant and needs confirmation: pass --yes to send it from a script.`);
  }
  // The request may come from a shared collection or history: shown, never obeyed.
  io.stderr.write(summary.map((l) => terminalSafe(l)).join('\n') + '\n');
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = (await rl.question('Send it? [y/N] ')).trim().toLowerCase();
    if (answer !== 'y' && answer !== 'yes') throw new UserError('Cancelled: nothing was sent.');
  } finally {
    rl.close();
  }
}
