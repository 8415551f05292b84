// Turns a TypeScript type from the SDK's .d.ts files into a catalog schema.
// Only the type shapes the generator has seen are accepted: anything else is
// an SDK change we do not understand, and the generator stops.
import ts from 'typescript';
import type { FileSchema } from '../../src/core/catalog/catalogFile.js';
import { GeneratorError } from './generatorError.js';

export interface TypeContext {
  sourceFile: ts.SourceFile;
  /** `XxxEnum` consts declared in the same file, with their values */
  enums: ReadonlyMap<string, Array<string | number>>;
  /** true when `name` is a model shipped in dist/models */
  isModel: (name: string) => boolean;
  /** told of every model the type refers to */
  onModel: (name: string) => void;
}

export function tsTypeToSchema(node: ts.TypeNode, ctx: TypeContext): FileSchema {
  const where = () => `${ctx.sourceFile.fileName}:${ctx.sourceFile.getLineAndCharacterOfPosition(node.getStart(ctx.sourceFile)).line + 1}`;
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string';
    case ts.SyntaxKind.NumberKeyword:
      return 'number';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
    case ts.SyntaxKind.AnyKeyword:
      return 'any';
    case ts.SyntaxKind.ObjectKeyword:
      return 'object';
  }
  if (ts.isArrayTypeNode(node)) return { a: tsTypeToSchema(node.elementType, ctx) };
  if (ts.isUnionTypeNode(node)) {
    // `T | null` is a nullable T; `any | any` is what the generator writes for free-form values.
    const kept = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
    const schemas = kept.map((t) => tsTypeToSchema(t, ctx));
    const first = schemas[0];
    if (first !== undefined && schemas.every((s) => JSON.stringify(s) === JSON.stringify(first))) return first;
    throw new GeneratorError(`${where()}: unsupported union type ${node.getText(ctx.sourceFile)}`);
  }
  if (ts.isTypeLiteralNode(node)) {
    const [member, ...rest] = node.members;
    if (member && rest.length === 0 && ts.isIndexSignatureDeclaration(member)) {
      return { m: tsTypeToSchema(member.type, ctx) };
    }
    throw new GeneratorError(`${where()}: unsupported object type ${node.getText(ctx.sourceFile)}`);
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text;
    const args = node.typeArguments ?? [];
    const arg = args[0];
    if ((name === 'Array' || name === 'Set') && arg && args.length === 1) {
      const items = tsTypeToSchema(arg, ctx);
      return name === 'Set' ? { a: items, u: 1 } : { a: items };
    }
    if (args.length === 0) {
      if (name === 'Date') return 'date-time';
      if (name === 'Blob') return 'binary';
      const values = ctx.enums.get(name);
      if (values) return enumSchema(values);
      if (ctx.isModel(name)) {
        ctx.onModel(name);
        return { r: name };
      }
    }
  }
  throw new GeneratorError(`${where()}: unsupported type ${node.getText(ctx.sourceFile)}`);
}

export function enumSchema(values: Array<string | number>): FileSchema {
  if (values.length > 0 && values.every((v) => typeof v === 'number')) {
    return { e: values, t: values.every((v) => Number.isInteger(v)) ? 'integer' : 'number' };
  }
  if (values.some((v) => typeof v !== 'string')) throw new GeneratorError(`enum mixes strings and numbers: ${JSON.stringify(values)}`);
  return { e: values };
}

/** The `XxxEnum` consts of a .d.ts file: `export declare const XEnum: { readonly A: "a"; ... }`. */
export function readEnumConsts(sf: ts.SourceFile): Map<string, Array<string | number>> {
  const enums = new Map<string, Array<string | number>>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const decl of st.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.type) continue;
      if (!ts.isTypeLiteralNode(decl.type)) {
        throw new GeneratorError(`${sf.fileName}: const ${decl.name.text} is not an enum object type`);
      }
      enums.set(decl.name.text, decl.type.members.map((m) => enumMemberValue(m, sf)));
    }
  }
  return enums;
}

function enumMemberValue(member: ts.TypeElement, sf: ts.SourceFile): string | number {
  if (ts.isPropertySignature(member) && member.type && ts.isLiteralTypeNode(member.type)) {
    const lit = member.type.literal;
    if (ts.isStringLiteral(lit)) return lit.text;
    if (ts.isNumericLiteral(lit)) return Number(lit.text);
    if (ts.isPrefixUnaryExpression(lit) && lit.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(lit.operand)) {
      return -Number(lit.operand.text);
    }
  }
  throw new GeneratorError(`${sf.fileName}: unsupported enum member ${member.getText(sf)}`);
}

/** A property or member name as written: `foo` or `"foo-bar"`. */
export function propertyNameText(name: ts.PropertyName, sf: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  throw new GeneratorError(`${sf.fileName}: unsupported property name ${name.getText(sf)}`);
}
