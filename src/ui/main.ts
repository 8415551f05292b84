// Starts the interactive shell. Its first frame is written here by hand,
// before Ink and React load (about half the shell's start-up), so the screen
// answers at once; Ink then draws the same frame and everything after it.
// Behind that frame the demo simulator (when there are no credentials), the
// session and the catalog load (app/Root.tsx).
import type { Instance } from 'ink';
import type { RootOptions } from './app/Root.js';
import { colorsEnabled } from './theme.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
// Bracketed paste: a paste arrives marked, so it is inserted whole and its line breaks are not Enter.
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

/** What Root draws while the shell starts (talon │ starting…, an empty endpoint line), in the theme's colours. */
function startingFrame(): string {
  const paint = (codes: string, text: string): string => (colorsEnabled() ? `\u001b[${codes}m${text}\u001b[0m` : text);
  return `${paint('1;36', 'talon')}${paint('90', ' │ starting…')}\r\n${paint('90', 'GET    › ')}`;
}

export async function runShell(options: Omit<RootOptions, 'suspend'>): Promise<number> {
  const stdout = process.stdout;
  stdout.write(ENTER_ALT_SCREEN + PASTE_ON + startingFrame());
  const restore = (): void => {
    stdout.write(PASTE_OFF + LEAVE_ALT_SCREEN);
  };
  process.once('exit', restore);
  // The editor gets the terminal as a shell would give it: normal screen, cooked mode, no bracketed paste.
  // It runs synchronously, so Ink draws nothing meanwhile; afterwards the screen is drawn anew.
  const ink: { app?: Instance } = {};
  const suspend = <T>(run: () => T): T => {
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
  try {
    const { mountShell } = await import('./app/mountShell.js');
    const app = mountShell({ ...options, suspend });
    ink.app = app;
    await app.waitUntilExit();
  } finally {
    restore();
    process.off('exit', restore);
  }
  return 0;
}
