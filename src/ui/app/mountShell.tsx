// Hands the screen to Ink: clears the hand-written first frame (main.ts) and
// renders the shell, which draws that frame again and everything after it.
import React from 'react';
import { render, type Instance } from 'ink';
import { Root, type RootOptions } from './Root.js';

const CLEAR_SCREEN = '\u001b[2J\u001b[H';

export function mountShell(options: RootOptions): Instance {
  // Cleared and redrawn in one go: Ink writes its first frame before render returns.
  process.stdout.write(CLEAR_SCREEN);
  return render(<Root {...options} />, { exitOnCtrlC: true, patchConsole: true, maxFps: 30 });
}
