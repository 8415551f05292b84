// Semantic colours for the shell. NO_COLOR (https://no-color.org) turns them
// all off; components ask for a role, never a raw colour.

export type Role =
  | 'accent'
  | 'muted'
  | 'ok'
  | 'warn'
  | 'error'
  | 'key'
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'match'
  | 'method'
  | 'badge';

const COLOURS: Record<Role, string> = {
  accent: 'cyan',
  muted: 'gray',
  ok: 'green',
  warn: 'yellow',
  error: 'red',
  key: 'blue',
  string: 'green',
  number: 'magenta',
  boolean: 'yellow',
  null: 'gray',
  match: 'yellowBright',
  method: 'magentaBright',
  badge: 'black',
};

export function colorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

let enabled = colorsEnabled();

/** For tests and the --no-color flag. */
export function setColorsEnabled(on: boolean): void {
  enabled = on;
}

/** The Ink colour for a role, or undefined when colours are off. */
export function color(role: Role): string | undefined {
  return enabled ? COLOURS[role] : undefined;
}

/** Colour of an HTTP status. */
export function statusRole(status: number): Role {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 400 && status < 500) return 'warn';
  return 'error';
}
