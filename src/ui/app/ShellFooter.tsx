// The shell's bottom line: what it is doing (sending, fetching every page),
// else its last message, else what is wrong with the connection or history,
// else the main keys; a demo tenant's hint after it.
import React from 'react';
import { Text } from 'ink';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import { keyLabel } from '../keys/keymap.js';
import { color, type Role } from '../theme.js';
import type { ShellModel } from './useShell.js';

export interface ShellFooterProps {
  shell: ShellModel;
  /** why history could not be written, when it could not */
  historyWarning?: string;
}

function footerLine({ shell, historyWarning }: ShellFooterProps): { text: string; role: Role } {
  const { phase, message } = shell.state;
  if (phase.kind === 'sending' || phase.kind === 'fetchingAll') {
    return { text: `${phase.kind === 'sending' ? 'Sending' : 'Fetching every page of'} ${phase.label.method} ${terminalSafe(phase.label.path)}… ${keyLabel('app.cancel')} cancels.`, role: 'accent' };
  }
  if (message) return { text: message.text, role: message.error ? 'error' : 'ok' };
  if (shell.status.error) return { text: `Not connected: ${shell.status.error}`, role: 'error' };
  if (historyWarning) return { text: `History not written: ${historyWarning}`, role: 'warn' };
  return { text: `${keyLabel('app.send')} send · Tab next pane · ${keyLabel('app.palette')} commands · ${keyLabel('app.history')} history · F1 help · ${keyLabel('app.quit')} quit`, role: 'muted' };
}

export function ShellFooter(props: ShellFooterProps): React.JSX.Element {
  const footer = footerLine(props);
  const { shell } = props;
  const demoHint = shell.status.demo && !shell.response ? ' Demo tenant: connect a real one with talon profile add NAME --client-id ID --store-secret.' : '';
  return (
    <Text wrap="truncate" color={color(footer.role)}>
      {footer.text}
      {demoHint}
    </Text>
  );
}
