// Reading a client secret without it ever appearing on a command line: a
// prompt without echo on a terminal, else everything piped to stdin.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ExitCode, UserError } from '../errors.js';
import { readAll } from '../readAll.js';

export interface SecretInputIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** where the prompt goes (stderr, so stdout stays clean) */
  writePrompt: (text: string) => void;
}

/** Reads one secret: prompted (no echo) when stdin is a terminal, else stdin to EOF, trimmed. */
export async function readSecret(io: SecretInputIO, prompt = 'Client secret: '): Promise<string> {
  const text = io.stdin.isTTY ? await promptHidden(io, prompt) : await readAll(io.stdin);
  const secret = text.trim();
  if (!secret) {
    throw new UserError(
      'No client secret was given: type it at the prompt, pipe it to stdin, or set FALCON_CLIENT_SECRET.',
      ExitCode.usage,
    );
  }
  return secret;
}


function promptHidden(io: SecretInputIO, prompt: string): Promise<string> {
  // readline echoes typed keys to its output; giving it a sink that drops
  // everything keeps line editing (backspace) while showing nothing.
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
  io.writePrompt(prompt);
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.on('line', (line) => {
      answered = true;
      rl.close();
      io.writePrompt('\n');
      resolve(line);
    });
    rl.on('SIGINT', () => {
      rl.close();
    });
    rl.on('close', () => {
      if (answered) return;
      io.writePrompt('\n');
      reject(new UserError('Cancelled: no client secret was entered.', ExitCode.usage));
    });
  });
}
