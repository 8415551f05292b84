// JSON for a terminal or a pipe. JSON.stringify escapes C0 controls but
// leaves DEL, C1 controls (U+0080–U+009F, among them the 8-bit CSI and OSC
// introducers) and bidi overrides raw; this escapes them too, as `\u009b`,
// which is the same JSON value and cannot drive a terminal.

const RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const RAW_ALL = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes what JSON.stringify leaves raw in JSON text. These characters are
 * never JSON syntax, so they only occur inside strings, where `\uXXXX` is
 * the same value.
 */
export function escapeJsonText(json: string): string {
  return RAW.test(json) ? json.replace(RAW_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** JSON.stringify, then escapeJsonText: valid JSON that a terminal shows as text. */
export function safeJson(value: unknown, indent?: number): string {
  return escapeJsonText(JSON.stringify(value, null, indent) ?? 'null');
}
