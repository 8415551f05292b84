// The shell's own keys and the palette's commands: F1 from anywhere, the
// global keys (whatever the focused pane or field did not take), and a
// command picked in the palette run as its key would be, in the pane it
// belongs to.
import { useEffect, useState } from 'react';
import { useApp } from 'ink';
import type { Overlay, PaneId } from '../../core/shell/shellState.js';
import { BINDINGS, bindingLabel, keyEventOf, matches, type Command, type KeyContext } from '../keys/keymap.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import { Priority, useKeypress, useKeypressBus } from '../keys/KeypressProvider.js';
import type { ShellModel } from './useShell.js';

/** Commands that open an overlay, and which. */
const OVERLAY_COMMANDS: Partial<Record<Command, Overlay>> = {
  'app.palette': 'palette',
  'app.history': 'history',
  'app.saved': 'saved',
  'app.saveRequest': 'save',
  'app.profiles': 'profiles',
  'app.importCurl': 'curl',
  'app.contain': 'contain',
  'app.hashSearch': 'hashSearch',
  'app.vulns': 'vulns',
  'app.dashboard': 'dashboard',
  'app.alerts': 'alerts',
  'app.requestAsCode': 'code',
};

/** The pane a context's commands run in from the palette; undefined for lists, dialogs and wizards. */
const PANE_OF: Partial<Record<KeyContext, PaneId | 'current'>> = {
  Global: 'current',
  'Text fields': 'current',
  'Endpoint line': 'endpoint',
  Method: 'method',
  Parameters: 'params',
  Body: 'body',
  Response: 'response',
  Paging: 'response',
};

export interface ShellKeysOptions {
  shell: ShellModel;
  /** Ctrl+S: sends what the endpoint line shows */
  send(): void;
  /** an overlay, a question or the help covers the panes: the global keys are theirs */
  covered: boolean;
}

/** Subscribes the shell's keys; returns how the palette runs a command. */
export function useShellKeys({ shell, send, covered }: ShellKeysOptions): (command: Command) => void {
  const { state, dispatch } = shell;
  const bus = useKeypressBus();
  // The palette runs a command as its key would: in the pane the command belongs to, after the palette closes.
  const inkApp = useApp();
  const [pendingKey, setPendingKey] = useState<{ key: KeyEvent }>();
  useEffect(() => {
    if (pendingKey) bus.dispatch(pendingKey.key);
  }, [bus, pendingKey]);
  const run = (command: Command): void => {
    const opens = OVERLAY_COMMANDS[command];
    if (opens) return dispatch({ type: 'open', overlay: opens });
    dispatch({ type: 'close' });
    if (command === 'app.help' || command === 'app.helpAnywhere') return dispatch({ type: 'toggleHelp' });
    if (command === 'app.send') return send();
    // Ctrl+C is Ink's own (exitOnCtrlC), not a key the dispatcher sees: quit as it does.
    if (command === 'app.quit') return inkApp.exit();
    const binding = BINDINGS.find((b) => b.command === command);
    const key = keyEventOf(command);
    if (!binding || !key) return;
    const pane = PANE_OF[binding.context];
    if (pane === undefined) {
      shell.setMessage(`"${binding.description}" works in ${binding.context.toLowerCase()}: ${bindingLabel(binding)} there.`);
      return;
    }
    if (pane !== 'current') dispatch({ type: 'focus', pane });
    setPendingKey({ key });
  };

  // F1 from anywhere; a pending question stays under the help and is there when it closes.
  useKeypress(
    (key) => {
      if (!matches('app.helpAnywhere', key)) return false;
      dispatch({ type: 'toggleHelp' });
      return true;
    },
    { priority: Priority.Help, isActive: !state.help },
  );

  // Global keys: whatever the focused pane or field did not take.
  useKeypress(
    (key) => {
      const opens = (Object.entries(OVERLAY_COMMANDS) as [Command, Overlay][]).find(([command]) => matches(command, key))?.[1];
      if (opens) dispatch({ type: 'open', overlay: opens });
      else if (matches('app.send', key)) send();
      else if (matches('focus.endpoint', key)) dispatch({ type: 'focus', pane: 'endpoint' });
      else if (matches('focus.next', key)) dispatch({ type: 'focusStep', delta: 1 });
      else if (matches('focus.previous', key)) dispatch({ type: 'focusStep', delta: -1 });
      else if (matches('app.help', key)) dispatch({ type: 'toggleHelp' });
      else if (matches('app.cancel', key)) {
        if (!shell.cancel()) shell.setMessage(undefined);
      } else return false;
      return true;
    },
    { priority: Priority.Global, isActive: !covered },
  );

  return run;
}
