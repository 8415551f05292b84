// Reads the argument syntax of XSOAR's `cs-api-request`, so a War Room line
// pastes into `talon request` as it is:
//   !cs-api-request endpoint=/incidents/queries/behaviors/v1 http_method=GET query_parameters={"limit": 1}
// Values may be double-quoted ("..."), backquoted (`...`), or bare; a bare value
// runs to the next ` name=` of a known argument, so JSON with spaces and quotes
// survives. Whether the line arrives as one argument or split by the shell, the
// words are joined back with single spaces first.
import { ExitCode, UserError } from '../errors.js';
import { terminalSafe } from '../text/terminalSafe.js';

export const WAR_ROOM_COMMAND = '!cs-api-request';

/** The integration's arguments, as named in the War Room. */
export const WAR_ROOM_ARGS = ['endpoint', 'http_method', 'request_body', 'query_parameters', 'populate_context'] as const;
export type WarRoomArg = (typeof WAR_ROOM_ARGS)[number];
export type WarRoomArgs = Partial<Record<WarRoomArg, string>>;

const ARG_AT = new RegExp(`(?:^|\\s)(${WAR_ROOM_ARGS.join('|')})=`, 'g');

/** True when `talon request`'s positional words are in the War Room syntax rather than a bare endpoint. */
export function isWarRoomSyntax(words: readonly string[]): boolean {
  const first = words[0]?.trim() ?? '';
  if (first === WAR_ROOM_COMMAND || first.startsWith(`${WAR_ROOM_COMMAND} `)) return true;
  return words.some((w) => /^(endpoint|http_method|request_body|query_parameters|populate_context)=/.test(w.trim()));
}

/** The arguments of a War Room line (with or without the leading `!cs-api-request`). */
export function parseWarRoomLine(words: readonly string[]): WarRoomArgs {
  let line = words.join(' ').trim();
  if (line === WAR_ROOM_COMMAND || line.startsWith(`${WAR_ROOM_COMMAND} `)) line = line.slice(WAR_ROOM_COMMAND.length).trim();
  const starts = [...line.matchAll(ARG_AT)].map((m) => ({ name: m[1] as WarRoomArg, at: m.index + m[0].indexOf(m[1] as string) }));
  const first = starts[0];
  if (!first) throw usage(`"${line}" has no argument of cs-api-request`);
  if (line.slice(0, first.at).trim()) throw usage(`"${line.slice(0, first.at).trim()}" is not an argument of cs-api-request`);
  const args: WarRoomArgs = {};
  let i = 0;
  while (i < starts.length) {
    const { name, at } = starts[i] as { name: WarRoomArg; at: number };
    const valueAt = at + name.length + 1;
    const quote = line[valueAt];
    let value: string;
    let end: number;
    if (quote === '"' || quote === '`') {
      const close = closingQuote(line, valueAt, quote);
      if (close < 0) throw usage(`the value of ${name} opens a ${quote} quote that never closes`);
      value = quote === '"' ? line.slice(valueAt + 1, close).replace(/\\(["\\])/g, '$1') : line.slice(valueAt + 1, close);
      end = close + 1;
      const rest = line.slice(end).match(/^\s*/)?.[0].length ?? 0;
      // Skip candidate argument names that fell inside the quoted value.
      while (i + 1 < starts.length && (starts[i + 1] as { at: number }).at < end) i++;
      const next = starts[i + 1];
      const tail = line.slice(end + rest, next ? next.at : line.length).trim();
      if (tail) throw usage(`unexpected "${tail}" after the quoted value of ${name}`);
    } else {
      const next = starts[i + 1];
      end = next ? next.at : line.length;
      value = line.slice(valueAt, end).trim();
    }
    if (Object.hasOwn(args, name)) throw usage(`${name} is given twice`);
    args[name] = value;
    i++;
  }
  return args;
}

function closingQuote(line: string, open: number, quote: string): number {
  for (let j = open + 1; j < line.length; j++) {
    if (quote === '"' && line[j] === '\\') j++;
    else if (line[j] === quote) return j;
  }
  return -1;
}

/** XSOAR's boolean argument: true/false, yes/no (any case). */
export function warRoomBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no' || v === '') return false;
  throw usage(`${name} must be true or false, not "${value}"`);
}

/** Text from the command line as it may be shown on a terminal (control characters as inert escapes). */
export function printable(text: string): string {
  return terminalSafe(text);
}

function usage(what: string): UserError {
  return new UserError(
    `Cannot read the cs-api-request arguments: ${printable(what)}. Write them as endpoint=/path http_method=GET query_parameters={...} request_body={...} populate_context=true.`,
    ExitCode.usage,
  );
}
