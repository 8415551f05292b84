// Opens the API connection for a one-shot command the same way everywhere:
// the --insecure warning once, retries told on stderr, --timeout in seconds,
// and writes confirmed on the terminal or by --yes (cliConfirm).
// Imported lazily by the commands' run modules, never by main.ts.
import { openConnection, parseTimeout, type Connection } from '../core/connection.js';
import { INSECURE_WARNING } from '../core/http/proxySettings.js';
import type { ConnectionFlags } from './commonOptions.js';
import { cliConfirm } from './confirm.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

/**
 * `timeout` overrides the --timeout flag (a command whose --timeout means
 * something else passes its own); `yes` is the command's --yes.
 */
export function openCliConnection(flags: ConnectionFlags, timeout: { value?: string; flag?: string } = { value: flags.timeout }, yes = false): Connection {
  if (flags.insecure) process.stderr.write(`talon: ${INSECURE_WARNING}\n`);
  return openConnection(flags, {
    proxy: flags.proxy,
    insecure: flags.insecure,
    timeoutMs: parseTimeout(timeout.value, timeout.flag),
    // One process, one or a few calls: node:http starts and exits fastest (README, Development).
    stack: 'node',
    onRetry: (r) => {
      const why = r.reason === 'rate-limit' ? 'rate limited (429)' : r.status ? `the API answered ${r.status}` : (r.cause ?? 'the connection failed');
      process.stderr.write(`talon: ${terminalSafe(String(why))}; retrying in ${(r.waitMs / 1000).toFixed(1)} s (attempt ${r.attempt}).\n`);
    },
  }, process.env, { confirm: cliConfirm(yes) });
}
