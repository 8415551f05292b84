// Starts the interactive shell: the first frame appears at once, then the
// demo simulator (when there are no credentials), the session and the
// catalog load behind it.
import React from 'react';
import { render } from 'ink';
import { Root, type RootOptions } from './app/Root.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
// Bracketed paste: a paste arrives marked, so it is inserted whole and its line breaks are not Enter.
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

export async function runShell(options: RootOptions): Promise<number> {
  const stdout = process.stdout;
  stdout.write(ENTER_ALT_SCREEN + PASTE_ON);
  const restore = (): void => {
    stdout.write(PASTE_OFF + LEAVE_ALT_SCREEN);
  };
  process.once('exit', restore);
  // The editor gets the terminal as a shell would give it: normal screen, cooked mode, no bracketed paste.
  // It runs synchronously, so Ink draws nothing meanwhile; afterwards the screen is drawn anew.
  const ink: { app?: ReturnType<typeof render> } = {};
  const suspend = <T,>(run: () => T): T => {
    const stdin = process.stdin;
    if (stdin.isTTY) stdin.setRawMode(false);
    stdout.write(PASTE_OFF + LEAVE_ALT_SCREEN);
    try {
      return run();
    } finally {
      stdout.write(ENTER_ALT_SCREEN + PASTE_ON);
      if (stdin.isTTY) stdin.setRawMode(true);
      // Ink believes its last frame is still on the screen: forget it, so the next frame is drawn whole.
      ink.app?.clear();
    }
  };
  const app = render(<Root {...options} suspend={suspend} />, { exitOnCtrlC: true, patchConsole: true, maxFps: 30, onRender: process.env.RT ? ({ renderTime }) => { (globalThis as any).__rt ??= []; (globalThis as any).__rt.push(renderTime); } : undefined });
  if (process.env.RT) process.on('exit', () => require('node:fs').writeFileSync(process.env.RT!, JSON.stringify((globalThis as any).__rt)));
  ink.app = app;
  try {
    await app.waitUntilExit();
  } finally {
    restore();
    process.off('exit', restore);
  }
  return 0;
}
