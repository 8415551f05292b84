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
 * regex, a loop or a call: filters and sorts read a timestamp of every record
 * they visit (100,000 at scale). Anything else (or an impossible date) is
 * left to the full parser.
 */
function canonicalTime(s: string): number | undefined {
  if (s.length !== 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 ||
      s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 90) return undefined;
  // Each digit as 0-9; anything else is far outside it (unsigned), and one check below sees it.
  const y0 = (s.charCodeAt(0) - 48) >>> 0, y1 = (s.charCodeAt(1) - 48) >>> 0, y2 = (s.charCodeAt(2) - 48) >>> 0, y3 = (s.charCodeAt(3) - 48) >>> 0;
  const m0 = (s.charCodeAt(5) - 48) >>> 0, m1 = (s.charCodeAt(6) - 48) >>> 0, d0 = (s.charCodeAt(8) - 48) >>> 0, d1 = (s.charCodeAt(9) - 48) >>> 0;
  const h0 = (s.charCodeAt(11) - 48) >>> 0, h1 = (s.charCodeAt(12) - 48) >>> 0, n0 = (s.charCodeAt(14) - 48) >>> 0, n1 = (s.charCodeAt(15) - 48) >>> 0;
  const s0 = (s.charCodeAt(17) - 48) >>> 0, s1 = (s.charCodeAt(18) - 48) >>> 0;
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9 || n0 > 9 || n1 > 9 || s0 > 9 || s1 > 9) {
    return undefined;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3, month = m0 * 10 + m1, day = d0 * 10 + d1;
  const hour = h0 * 10 + h1, minute = n0 * 10 + n1, second = s0 * 10 + s1;
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  if (day > 28 && day > daysInMonth(year, month)) return undefined;
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000;
}

/** Days before each month (1-12) in a year that is not a leap year. */
const DAYS_BEFORE = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (month 1-12, year from
 * 100: positive, so integer division is a truncation), as Date.UTC counts
 * them, in plain arithmetic: Date.UTC is a call into the runtime.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - 1; // the leap days before this year; 719,527 is 1970-01-01 counted the same way
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const leapDays = ((y / 4) | 0) - ((y / 100) | 0) + ((y / 400) | 0);
  return year * 365 + leapDays + (DAYS_BEFORE[month] as number) + (leap && month > 2 ? 1 : 0) + day - 1 - 719_527;
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
