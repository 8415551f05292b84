// One process of a host as the shell's hash-search wizard lists it. The file
// name and command line come from the endpoint (an attacker on a compromised
// host writes them), so both are shown terminal-safe.
import type { ProcessRow } from './services.js';
import { shortTime } from '../textTable.js';
import { terminalSafe } from '../../text/terminalSafe.js';

/** "2026-05-01 08:09Z evil.exe: C:\evil.exe -x" */
export function processLine(p: ProcessRow): string {
  const file = p.fileName.split(/[\\/]/).pop() ?? '';
  return terminalSafe(`${shortTime(p.startTimestamp)} ${file}: ${p.commandLine}`);
}
