// One CSV field (RFC 4180: quoted when it holds a comma, quote or line break;
// quotes doubled), guarded against formula injection as OWASP advises: a
// field starting with = + - @ tab or carriage return gets a leading `'`, so
// a spreadsheet shows a hostname or command line from the tenant as text
// instead of evaluating it (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
