// Recursive-descent FQL parser producing a small AST. Grammar:
//
//   filter    := ε | or EOF
//   or        := and (',' and)*
//   and       := primary (('+' | whitespace) primary)*     AND binds tighter than OR
//   primary   := '(' or ')' | statement
//   statement := PROPERTY ':' OPERATOR? (value | '[' value (',' value)* ']')
//   value     := STRING | WORD                              WORD: number, true/false, null or bare text
//
// The parser knows nothing about field types; evaluate.ts checks properties
// and values against a schema.

import { filterError } from './errors.js';
import { tokenize } from './lexer.js';
import type { Token } from './lexer.js';
import { parseNumberLiteral } from './values.js';

/** The API limits a filter to this many property statements. */
export const MAX_PROPERTIES = 20;

export type FqlOperator =
  | 'eq' // property:value
  | 'ne' // property:!value
  | 'gt' // >
  | 'gte' // >=
  | 'lt' // <
  | 'lte' // <=
  | 'match' // ~   text match ignoring case, spaces and punctuation
  | 'notMatch' // !~
  | 'wildcard' // *
  | 'notWildcard'; // !*

const OPERATOR_NAMES: Readonly<Record<string, FqlOperator>> = {
  '!': 'ne',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
  '~': 'match',
  '!~': 'notMatch',
  '*': 'wildcard',
  '!*': 'notWildcard',
};

export type FqlValue =
  | { kind: 'string'; value: string; quoted: boolean; pos: number }
  | { kind: 'number'; value: number; raw: string; pos: number }
  | { kind: 'boolean'; value: boolean; pos: number }
  | { kind: 'null'; pos: number };

export interface FqlStatement {
  type: 'statement';
  property: string;
  operator: FqlOperator;
  /** One value, or several for a bracketed list (any of / none of). */
  values: FqlValue[];
  list: boolean;
  pos: number;
}

export type FqlNode =
  | { type: 'all' } // empty filter: matches everything
  | { type: 'and'; children: FqlNode[] }
  | { type: 'or'; children: FqlNode[] }
  | FqlStatement;

function describe(token: Token): string {
  return token.kind === 'eof' ? 'end of input' : `'${token.text}'`;
}

/** How deep parentheses may nest; the API's own filters never come near it. */
const MAX_NESTING = 32;

class Parser {
  private index = 0;
  private statements = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  private peek(): Token {
    // tokenize() always ends with an eof token, and we never move past it.
    return this.tokens[this.index] ?? (this.tokens.at(-1) as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  parseFilter(): FqlNode {
    if (this.peek().kind === 'eof') return { type: 'all' };
    const node = this.parseOr();
    const token = this.peek();
    if (token.kind === 'rparen') {
      throw filterError(`unbalanced parenthesis: unexpected ')' at position ${token.pos}`);
    }
    if (token.kind !== 'eof') {
      throw filterError(`expected '+', ',' or end of input but found ${describe(token)} at position ${token.pos}`);
    }
    if (this.statements > MAX_PROPERTIES) {
      throw filterError(
        `too many properties: the filter has ${this.statements} statements, the maximum is ${MAX_PROPERTIES}`,
      );
    }
    return node;
  }

  private parseOr(): FqlNode {
    const children = [this.parseAnd()];
    while (this.peek().kind === 'comma') {
      this.next();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as FqlNode) : { type: 'or', children };
  }

  private parseAnd(): FqlNode {
    const children = [this.parsePrimary()];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'plus') {
        this.next();
        children.push(this.parsePrimary());
      } else if ((token.kind === 'word' || token.kind === 'lparen') && token.spaceBefore) {
        // "a:1 b:2": a decoded '+' arrives as a space.
        children.push(this.parsePrimary());
      } else {
        break;
      }
    }
    return children.length === 1 ? (children[0] as FqlNode) : { type: 'and', children };
  }

  private parsePrimary(): FqlNode {
    const token = this.peek();
    switch (token.kind) {
      case 'lparen': {
        // Recursion depth is bounded, so a hostile filter is a 400, not a stack overflow.
        if (++this.depth > MAX_NESTING) throw filterError(`parentheses nested more than ${MAX_NESTING} deep at position ${token.pos}`);
        this.next();
        if (this.peek().kind === 'rparen') throw filterError(`empty parentheses at position ${token.pos}`);
        const inner = this.parseOr();
        const close = this.peek();
        if (close.kind === 'eof') {
          throw filterError(`unbalanced parenthesis: '(' at position ${token.pos} is never closed`);
        }
        if (close.kind !== 'rparen') {
          throw filterError(`expected '+', ',' or ')' but found ${describe(close)} at position ${close.pos}`);
        }
        this.next();
        this.depth--;
        return inner;
      }
      case 'word':
        return this.parseStatement();
      case 'eof':
        throw filterError(`unexpected end of input at position ${token.pos}`);
      case 'rparen':
        throw filterError(`unbalanced parenthesis: unexpected ')' at position ${token.pos}`);
      default:
        throw filterError(`expected a property name but found ${describe(token)} at position ${token.pos}`);
    }
  }

  private parseStatement(): FqlStatement {
    const name = this.next();
    const property = name.text;
    const colon = this.peek();
    if (colon.kind !== 'colon') {
      throw filterError(`expected ':' after property '${property}' at position ${colon.pos}`);
    }
    this.next();
    let operator: FqlOperator = 'eq';
    if (this.peek().kind === 'op') operator = OPERATOR_NAMES[this.next().text] ?? 'eq';
    this.statements++;

    const open = this.peek();
    if (open.kind !== 'lbracket') {
      return { type: 'statement', property, operator, values: [this.parseValue(property)], list: false, pos: name.pos };
    }
    this.next();
    if (this.peek().kind === 'rbracket') throw filterError(`empty value list at position ${open.pos}`);
    const values: FqlValue[] = [];
    for (;;) {
      if (this.peek().kind === 'eof') throw filterError(`unterminated list starting at position ${open.pos}`);
      values.push(this.parseValue(property));
      const sep = this.next();
      if (sep.kind === 'rbracket') break;
      if (sep.kind === 'eof') throw filterError(`unterminated list starting at position ${open.pos}`);
      if (sep.kind !== 'comma') {
        throw filterError(`expected ',' or ']' in list but found ${describe(sep)} at position ${sep.pos}`);
      }
    }
    return { type: 'statement', property, operator, values, list: true, pos: name.pos };
  }

  private parseValue(property: string): FqlValue {
    const token = this.peek();
    if (token.kind === 'string') {
      this.next();
      return { kind: 'string', value: token.value, quoted: true, pos: token.pos };
    }
    if (token.kind === 'word') {
      this.next();
      const text = token.text;
      if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true', pos: token.pos };
      if (text === 'null') return { kind: 'null', pos: token.pos };
      const n = parseNumberLiteral(text);
      if (n !== undefined) return { kind: 'number', value: n, raw: text, pos: token.pos };
      return { kind: 'string', value: text, quoted: false, pos: token.pos };
    }
    if (token.kind === 'eof') {
      throw filterError(`unexpected end of input at position ${this.source.length}: expected a value for '${property}'`);
    }
    throw filterError(`expected a value for '${property}' but found ${describe(token)} at position ${token.pos}`);
  }
}

/** Parses a filter into an AST. Throws FqlError on any syntax error. */
export function parseFql(filter: string): FqlNode {
  return new Parser(tokenize(filter), filter).parseFilter();
}

/** Every statement in the tree, left to right. */
export function statementsOf(node: FqlNode): FqlStatement[] {
  if (node.type === 'statement') return [node];
  if (node.type === 'all') return [];
  return node.children.flatMap(statementsOf);
}
