// Shared by the composer UI tests: key sequences, a poll with a deadline
// (no fixed sleeps), and a host that keeps the composer state in a reducer.
import React, { useReducer } from 'react';
import { composerReducer, type ComposerAction, type ComposerState } from '../../../src/core/composer/composerState.js';

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  tab: '\t',
  shiftTab: '\u001b[Z',
  backspace: '\u007f',
  escape: '\u001b',
  ctrlN: '\u000e',
  ctrlD: '\u0004',
  ctrlS: '\u0013',
} as const;

/** Lets React run effects (useInput subscribes in one) and Ink flush a lone Esc. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export function plain(frame: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '');
}

/** Polls until `check` holds, failing after `timeoutMs` with `describe()` for context. */
export async function waitUntil(check: () => boolean, describe: () => string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last state:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the frame (without colours) contains `text` or matches the pattern. */
export async function waitForFrame(lastFrame: () => string | undefined, want: string | RegExp): Promise<string> {
  const test = (f: string) => (typeof want === 'string' ? f.includes(want) : want.test(f));
  await waitUntil(
    () => test(plain(lastFrame())),
    () => `wanted ${String(want)} in:\n${plain(lastFrame())}`,
  );
  return plain(lastFrame());
}

export interface PaneProps {
  state: ComposerState;
  dispatch: (action: ComposerAction) => void;
}

/** Renders a pane over live composer state and reports every new state. */
export function ComposerHost({
  initial,
  pane,
  onState,
}: {
  initial: ComposerState;
  pane: (props: PaneProps) => React.JSX.Element;
  onState: (state: ComposerState) => void;
}): React.JSX.Element {
  const [state, dispatch] = useReducer(composerReducer, initial);
  // Reported while rendering, so it is current by the time the frame shows it.
  onState(state);
  return pane({ state, dispatch });
}
