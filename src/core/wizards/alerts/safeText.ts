// The one function every API string passes through before it is printed by
// the alerts workflow. Control characters (C0, DEL, C1) are shown as visible
// escapes instead of reaching the terminal, so an attacker-controlled command
// line cannot move the cursor, retitle the window or write the clipboard.
// TODO(merge): switch to src/core/text/terminalSafe.ts once it lands on main.

/** `s` with every control character replaced by a visible escape such as `\x1b`. */
export function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** JSON for stdout: valid JSON whose strings hold no raw C1 or DEL characters (JSON.stringify escapes only C0). */
export function safeJson(value: unknown, pretty: boolean): string {
  return JSON.stringify(value, null, pretty ? 2 : undefined).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
