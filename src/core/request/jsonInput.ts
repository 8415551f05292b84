// Parses JSON typed or passed by a user, and says where it is wrong (line
// and column), the same on every Node version.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UserError } from '../errors.js';

export interface JsonProblem {
  line: number;
  column: number;
  /** e.g. "a property name expected" */
  message: string;
}

const READABLE: Record<string, string> = {
  InvalidSymbol: 'an invalid character',
  InvalidNumberFormat: 'an invalid number',
  PropertyNameExpected: 'a property name expected (in double quotes)',
  ValueExpected: 'a value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unterminated string',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape character',
  InvalidCharacter: 'an invalid character in a string',
};

function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The value, or the first problem with its line and column (1-based). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  if (text.trim() === '') return { ok: false, problem: { line: 1, column: 1, message: 'empty input' } };
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }) as unknown;
  const first = errors[0];
  if (!first) return { ok: true, value };
  const code = printParseErrorCode(first.error);
  return { ok: false, problem: { ...locate(text, first.offset), message: READABLE[code] ?? code } };
}

/** Parses or throws a UserError naming the input (`-d`, `--query-json`, a file) and the place. */
export function parseJsonArg(text: string, what: string): unknown {
  const r = parseJson(text);
  if (r.ok) return r.value;
  const { line, column, message } = r.problem;
  throw new UserError(`Invalid JSON in ${what} at line ${line}, column ${column}: ${message}.`);
}
