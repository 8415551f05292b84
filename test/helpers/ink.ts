// Helpers for ink-testing-library: key sequences, rendering and key presses
// wrapped in React's act() (so renders and effects, and with them useInput's
// subscriptions, have settled when they return: a fixed number of event-loop
// turns is not enough, since an effect's update can start another render),
// and waits that poll the frame against a deadline instead of sleeping.
import React, { act, type ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { KeypressProvider } from '../../src/ui/keys/KeypressProvider.js';

/** Raw escape sequences as a terminal sends them. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  delete: '\u001B[3~',
  f1: '\u001BOP',
  ctrlN: '\u000E',
  ctrlD: '\u0004',
  ctrlS: '\u0013',
} as const;

/** Text as a terminal in bracketed-paste mode sends a paste. */
export const paste = (text: string): string => `\u001B[200~${text}\u001B[201~`;

interface HasFrame {
  lastFrame: () => string | undefined;
}

interface HasStdin {
  stdin: { write: (data: string) => void };
}

type ActGlobal = { IS_REACT_ACT_ENVIRONMENT?: boolean };

/**
 * Runs `fn` in act() and waits for React to settle. The act environment flag
 * is on only meanwhile: updates Ink makes on its own outside act (a pending
 * Esc flushed on a timer) then raise no warnings.
 */
export async function settle(fn: () => unknown = () => undefined): Promise<void> {
  const g = globalThis as ActGlobal;
  const previous = g.IS_REACT_ACT_ENVIRONMENT;
  g.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(async () => {
      await fn();
    });
  } finally {
    g.IS_REACT_ACT_ENVIRONMENT = previous;
  }
}

export type InkApp = ReturnType<typeof render>;

/** The shell's key dispatcher around a tree, as App has it (App brings its own: a second one is inert). */
const withKeys = (tree: ReactElement): ReactElement => React.createElement(KeypressProvider, null, tree);

/** Renders and waits until effects ran, so the first keys are not lost. */
export async function renderInk(tree: ReactElement): Promise<InkApp> {
  let app: InkApp | undefined;
  await settle(() => {
    app = render(withKeys(tree));
  });
  return app!;
}

/** Re-renders with new props, settled. */
export function rerender(app: InkApp, tree: ReactElement): Promise<void> {
  return settle(() => app.rerender(withKeys(tree)));
}

export function unmount(app: InkApp): Promise<void> {
  return settle(() => app.unmount());
}

/** Polls `predicate` until it holds; throws after `ms` with the last value it saw. */
export async function waitFor<T>(read: () => T, predicate: (value: T) => boolean, ms = 2000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}; last value:\n${stripAnsi(String(value))}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** Waits until the last frame satisfies `predicate`; returns that frame. */
export function waitForFrame(app: HasFrame, predicate: (frame: string) => boolean, ms = 2000): Promise<string> {
  return waitFor(() => app.lastFrame() ?? '', predicate, ms, 'frame');
}

/** Waits until the last frame contains `text`. */
export function waitForText(app: HasFrame, text: string, ms = 2000): Promise<string> {
  return waitForFrame(app, (f) => f.includes(text), ms);
}

/** Sends keys one at a time, each settled before the next (writes before useInput subscribes are lost). */
export async function press(app: HasStdin, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    // Flush effects still pending from the last render first (a focus change
    // subscribes the next pane's input handler), so the key reaches it.
    await settle();
    await settle(() => app.stdin.write(k));
  }
}

/** Waits until the frame (without colours) contains `want` or matches it; returns that frame. */
export async function frameWith(lastFrame: () => string | undefined, want: string | RegExp, ms = 3000): Promise<string> {
  const test = (f: string) => (typeof want === 'string' ? f.includes(want) : want.test(f));
  return waitFor(() => stripAnsi(lastFrame() ?? ''), test, ms, `a frame with ${String(want)}`);
}

/** Polls until `check` holds, failing after `ms` with `describe()` for context. */
export async function waitUntil(check: () => boolean, describe: () => string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last state:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Removes ANSI escape sequences. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
}

/** Display width of each line (one column per code point: fine for the ASCII and box characters tests use). */
export function lineWidths(frame: string): number[] {
  return stripAnsi(frame)
    .split('\n')
    .map((l) => [...l].length);
}
