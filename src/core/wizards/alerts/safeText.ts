// The alerts workflow's door to the terminal: every API string it prints
// passes through safe(), JSON through safeJson(), CSV through the shared
// CSV field guard (src/core/text).
import { terminalSafe } from '../../text/terminalSafe.js';
import { safeJson as jsonText } from '../../text/safeJson.js';

/** `s` with every control character shown as a visible escape such as `\x1b`. */
export function safe(s: string): string {
  return terminalSafe(s);
}

/** JSON for stdout: valid JSON whose strings hold no raw C1, DEL or bidi characters. */
export function safeJson(value: unknown, pretty: boolean): string {
  return jsonText(value, pretty ? 2 : undefined);
}
