// JSON values written as Python and TypeScript source literals, for the
// request-as-code generators. Strings go through JSON.stringify, so no value
// can break out of its literal (quotes, backslashes and control characters
// are escaped); JSON's escapes are valid in both languages.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a Python literal (True/False/None, dicts and lists). */
export function pythonLiteral(value: unknown, indent = 0): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${pythonLiteral(v, indent + 1)}`).join(',\n')},\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${pythonString(k)}: ${pythonLiteral(v, indent + 1)}`).join(',\n')},\n${end}}`;
}

/** A Python string literal; `\u2028` and friends are escaped by JSON already. */
export function pythonString(text: string): string {
  // JSON escapes are Python escapes too, except `\/` (JSON.stringify never writes it).
  return JSON.stringify(text);
}

/** A JSON value as a TypeScript literal, object keys renamed by `key`. */
export function tsLiteral(value: unknown, indent = 0, key: (name: string) => string = (k) => k): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${tsLiteral(v, indent + 1, key)}`).join(',\n')},\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([k, v]) => {
      const name = key(k);
      return `${pad}${IDENT.test(name) ? name : JSON.stringify(name)}: ${tsLiteral(v, indent + 1, key)}`;
    })
    .join(',\n')},\n${end}}`;
}

/** `action_name` → `actionName`, `ID` → `iD`: the SDK generator's parameter and property names. */
export function camelCase(wire: string): string {
  const parts = wire.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const [first = '', ...rest] = parts;
  const head = first.charAt(0).toLowerCase() + first.slice(1);
  return head + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}
