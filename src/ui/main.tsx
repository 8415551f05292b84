// Starts the interactive shell: the first frame appears at once, then the
// demo simulator (when there are no credentials), the session and the
// catalog load behind it.
import React from 'react';
import { render } from 'ink';
import { Root, type RootOptions } from './app/Root.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

export async function runShell(options: RootOptions): Promise<number> {
  const stdout = process.stdout;
  stdout.write(ENTER_ALT_SCREEN);
  const restore = (): void => {
    stdout.write(LEAVE_ALT_SCREEN);
  };
  process.once('exit', restore);
  const app = render(<Root {...options} />, { exitOnCtrlC: true, patchConsole: true, maxFps: 30 });
  try {
    await app.waitUntilExit();
  } finally {
    restore();
    process.off('exit', restore);
  }
  return 0;
}
