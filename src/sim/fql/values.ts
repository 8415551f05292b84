// Value coercions shared by the evaluator and the sort compiler: turning FQL
// literals and record values into numbers, instants and comparable text.
// Everything here works on one scalar at a time.

const NUMBER_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses an FQL numeric literal ('42', '-3.5', '1e3'); undefined otherwise. */
export function parseNumberLiteral(text: string): number | undefined {
  if (!NUMBER_LITERAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Strict RFC 3339 (or date-only) parse to epoch ms. A missing zone means UTC,
 * as the API documents every timestamp as UTC. Rejects impossible dates such
 * as 2026-02-30 instead of letting Date roll them over.
 */
export function parseAbsoluteTime(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999; undo that.
  if (year < 100) t = new Date(t).setUTCFullYear(year);
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    t -= sign * offsetMin * 60_000;
  }
  return t;
}

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
};

/**
 * Relative times used by alerts and other families: 'now', 'now-24h',
 * 'now+1d', and chains such as 'now-1d-12h'. Units: s m h d w y.
 */
export function parseRelativeTime(text: string, now: number): number | undefined {
  if (!text.startsWith('now')) return undefined;
  const tail = text.slice(3);
  const step = /([+-])(\d+)([smhdwy])/y;
  let t = now;
  let i = 0;
  while (i < tail.length) {
    step.lastIndex = i;
    const m = step.exec(tail);
    if (!m) return undefined;
    const [, sign, amount, unit] = m;
    const size = UNIT_MS[unit ?? ''] ?? 0;
    t += (sign === '-' ? -1 : 1) * Number(amount) * size;
    i = step.lastIndex;
  }
  return t;
}

/** An FQL timestamp literal: absolute RFC 3339 or relative to `now`. */
export function parseTimeLiteral(text: string, now: number): number | undefined {
  return parseRelativeTime(text, now) ?? parseAbsoluteTime(text);
}

/** A record's timestamp value as epoch ms (strings, epoch-ms numbers, Dates). */
export function toInstant(value: unknown): number | undefined {
  // Text first: records hold timestamps as text, and `instanceof` on each costs more than the parse.
  if (typeof value === 'string') {
    const fast = canonicalTime(value);
    if (fast !== undefined) return fast;
    const strict = parseAbsoluteTime(value);
    if (strict !== undefined) return strict;
    const loose = Date.parse(value);
    return Number.isNaN(loose) ? undefined : loose;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/**
 * 'YYYY-MM-DDTHH:MM:SSZ', the form every simulated record uses, without a
 * regex: filters and sorts read a timestamp of every record they visit.
 * Anything else (or an impossible date) is left to the full parser.
 */
function canonicalTime(s: string): number | undefined {
  if (s.length !== 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 ||
      s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 90) return undefined;
  const year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
  const hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  if (day > 28 && day > daysInMonth(year, month)) return undefined;
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (month 1-12), as
 * Date.UTC counts them, in plain arithmetic: Date.UTC is a call into the
 * runtime, and a sort's first use parses a timestamp of every record.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number in `s[at..at+n)`; NaN when any of it is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let j = at; j < at + n; j++) {
    const c = s.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A record's numeric value; numeric strings count (some API fields are strings). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseNumberLiteral(value.trim());
  return undefined;
}

/** A record's value as text, for string operators; objects have no text form. */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return undefined;
}

/** A record's boolean; accepts the 'true'/'false' strings some fields use. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** `~` semantics: ignore case, spaces and punctuation. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Case-insensitive, anchored matcher where `*` stands for any run of
 * characters. The literal pieces are found left to right with indexOf, so
 * the time is linear whatever the pattern (a RegExp of `.*` runs
 * backtracks exponentially on patterns such as `**********Q`).
 */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
  const pieces = pattern.toLowerCase().split('*');
  const first = pieces[0] as string;
  if (pieces.length === 1) return (text) => text.toLowerCase() === first;
  const last = pieces[pieces.length - 1] as string;
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  return (raw) => {
    const text = raw.toLowerCase();
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const piece of middle) {
      const found = text.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

/** Three-way comparison for numbers or strings (strings by code unit, like a keyword sort). */
export function compareScalars(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
