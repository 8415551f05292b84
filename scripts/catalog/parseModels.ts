// Reads the SDK's models on demand: property types and optionality from
// dist/models/X.d.ts; wire names from the XToJSON function in X.js for request
// bodies (what the SDK actually sends), from XFromJSONTyped for responses (what
// it reads, read-only properties included). Only reachable models are read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { FileProperty, FileSchema } from '../../src/core/catalog/catalogFile.js';
import { GeneratorError } from './generatorError.js';
import { enumSchema, propertyNameText, readEnumConsts, tsTypeToSchema } from './tsTypeToSchema.js';

/** `request`: bodies the SDK sends; `response`: answers it reads. */
export type ModelDirection = 'request' | 'response';

export class ModelReader {
  readonly models = new Map<string, FileSchema>();
  readonly #pending: string[] = [];

  constructor(
    readonly dir: string,
    readonly direction: ModelDirection = 'request',
  ) {}

  isModel = (name: string): boolean => existsSync(join(this.dir, `${name}.d.ts`));

  /** Marks a model as needed; `drain()` reads it and what it refers to. */
  want = (name: string): void => {
    if (!this.models.has(name) && !this.#pending.includes(name)) this.#pending.push(name);
  };

  drain(): void {
    for (let name = this.#pending.shift(); name !== undefined; name = this.#pending.shift()) {
      if (!this.models.has(name)) this.models.set(name, this.#read(name));
    }
  }

  #read(name: string): FileSchema {
    const dtsPath = join(this.dir, `${name}.d.ts`);
    const dts = ts.createSourceFile(dtsPath, readFileSync(dtsPath, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const enums = readEnumConsts(dts);
    const iface = dts.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (!iface) {
      // A model that is itself an enum: `export declare const X: {...}`.
      const values = enums.get(name);
      if (values) return enumSchema(values);
      throw new GeneratorError(`${dtsPath}: neither an interface nor an enum named ${name}`);
    }
    const jsPath = join(this.dir, `${name}.js`);
    const js = ts.createSourceFile(jsPath, readFileSync(jsPath, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
    const response = this.direction === 'response';
    const { wire, extra } = response ? fromJsonMapping(js, name) : toJsonMapping(js, name);
    const omitted = response ? new Set<string>() : omittedFromToJson(dts, name);
    const required = response ? instanceOfRequired(js, name) : undefined;
    const ctx = { sourceFile: dts, enums, isModel: this.isModel, onModel: this.want };
    const props: FileProperty[] = [];
    let additional = extra;
    for (const m of iface.members) {
      if (ts.isIndexSignatureDeclaration(m)) {
        additional = true;
        continue;
      }
      if (!ts.isPropertySignature(m) || !m.type) throw new GeneratorError(`${dtsPath}: unsupported member ${m.getText(dts)}`);
      const sdk = propertyNameText(m.name, dts);
      const mapped = wire.get(sdk);
      if (!mapped) {
        if (omitted.has(sdk)) continue; // read-only: the SDK never sends it
        throw new GeneratorError(`${jsPath}: ${name}${response ? 'FromJSONTyped does not read' : 'ToJSON does not send'} property ${sdk}`);
      }
      // instanceOfX is what tells a typed client's required fields; the .d.ts must agree with it.
      if (required && required.has(sdk) === Boolean(m.questionToken)) {
        throw new GeneratorError(`${jsPath}: ${sdk} is ${m.questionToken ? 'optional' : 'required'} in ${name}.d.ts but not in instanceOf${name}`);
      }
      wire.delete(sdk);
      let schema = tsTypeToSchema(m.type, ctx);
      if (mapped.dateOnly && schema === 'date-time') schema = 'date';
      props.push([mapped.wire, schema, m.questionToken ? 0 : 1]);
    }
    if (wire.size > 0) throw new GeneratorError(`${jsPath}: ${name}${response ? 'FromJSONTyped reads' : 'ToJSON sends'} undeclared properties ${[...wire.keys()].join(', ')}`);
    return additional ? { o: props, x: 1 } : { o: props };
  }
}

interface WireName {
  wire: string;
  dateOnly: boolean;
}

/** sdkName → wire name, from the object literal returned by XToJSON (or XToJSONTyped). */
function toJsonMapping(js: ts.SourceFile, name: string): { wire: Map<string, WireName>; extra: boolean } {
  const named = (fnName: string) => js.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === fnName);
  // Newer generators put the mapping in XToJSONTyped and have XToJSON call it.
  const fn = named(`${name}ToJSONTyped`) ?? named(`${name}ToJSON`);
  const ret = fn?.body?.statements.find(ts.isReturnStatement)?.expression;
  let literal: ts.ObjectLiteralExpression | undefined;
  let extra = false;
  if (ret && ts.isObjectLiteralExpression(ret)) literal = ret;
  else if (ret && ts.isCallExpression(ret) && ret.expression.getText(js) === 'Object.assign' && /^Object\.assign\(\{\}, value\)$/.test(ret.arguments[0]?.getText(js) ?? '')) {
    // Models with additional properties copy the input first, then map the known ones.
    const second = ret.arguments[1];
    if (second && ts.isObjectLiteralExpression(second)) literal = second;
    extra = true;
  }
  if (!literal) throw new GeneratorError(`${js.fileName}: no recognisable ${name}ToJSON`);
  const wire = new Map<string, WireName>();
  for (const prop of literal.properties) {
    if (!ts.isPropertyAssignment(prop)) throw new GeneratorError(`${js.fileName}: unsupported property ${prop.getText(js)}`);
    const sdk = firstValueKey(prop.initializer);
    if (sdk === undefined) throw new GeneratorError(`${js.fileName}: cannot tell which property ${prop.getText(js)} sends`);
    const text = prop.initializer.getText(js);
    wire.set(sdk, { wire: propertyNameText(prop.name, js), dateOnly: text.includes('.toISOString().substring(0, 10)') });
  }
  return { wire, extra };
}

/** The first `value["x"]` inside an expression. */
function firstValueKey(node: ts.Node): string | undefined {
  return firstKeyOf(node, 'value');
}

/** The first `target["x"]` inside an expression. */
function firstKeyOf(node: ts.Node, target: string): string | undefined {
  if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === target && ts.isStringLiteral(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return ts.forEachChild(node, (n) => firstKeyOf(n, target));
}

/** sdkName → wire name, from the object literal returned by XFromJSONTyped (`sdk: json["wire"]...`). */
function fromJsonMapping(js: ts.SourceFile, name: string): { wire: Map<string, WireName>; extra: boolean } {
  const fn = js.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === `${name}FromJSONTyped`);
  const ret = fn?.body?.statements.filter(ts.isReturnStatement).at(-1)?.expression;
  let literal: ts.ObjectLiteralExpression | undefined;
  let extra = false;
  if (ret && ts.isObjectLiteralExpression(ret)) literal = ret;
  else if (ret && ts.isCallExpression(ret) && ret.expression.getText(js) === 'Object.assign' && /^Object\.assign\(\{\}, json\)$/.test(ret.arguments[0]?.getText(js) ?? '')) {
    const second = ret.arguments[1];
    if (second && ts.isObjectLiteralExpression(second)) literal = second;
    extra = true;
  }
  if (!literal) throw new GeneratorError(`${js.fileName}: no recognisable ${name}FromJSONTyped`);
  // FromJSON reads dates and date-only values alike; ToJSON (when it sends the property) tells them apart.
  const sent = toJsonMapping(js, name).wire;
  const wire = new Map<string, WireName>();
  for (const prop of literal.properties) {
    if (!ts.isPropertyAssignment(prop)) throw new GeneratorError(`${js.fileName}: unsupported property ${prop.getText(js)}`);
    const key = firstKeyOf(prop.initializer, 'json');
    if (key === undefined) throw new GeneratorError(`${js.fileName}: cannot tell which property ${prop.getText(js)} reads`);
    const sdk = propertyNameText(prop.name, js);
    wire.set(sdk, { wire: key, dateOnly: sent.get(sdk)?.dateOnly ?? false });
  }
  return { wire, extra };
}

/** SDK names that instanceOfX requires (`if (!("x" in value) ...) return false`). */
function instanceOfRequired(js: ts.SourceFile, name: string): Set<string> {
  const fn = js.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === `instanceOf${name}`);
  if (!fn?.body) throw new GeneratorError(`${js.fileName}: no instanceOf${name}`);
  const out = new Set<string>();
  for (const m of fn.body.getText(js).matchAll(/if \(!\("([^"]+)" in value\)/g)) if (m[1]) out.add(m[1]);
  return out;
}

/** Properties listed in `XToJSON(value?: Omit<X, "a" | "b">)`: read-only ones. */
function omittedFromToJson(dts: ts.SourceFile, name: string): Set<string> {
  const out = new Set<string>();
  for (const st of dts.statements) {
    if (!ts.isFunctionDeclaration(st) || st.name?.text !== `${name}ToJSON`) continue;
    const m = /Omit<\w+, ([^>]+)>/.exec(st.getText(dts));
    for (const lit of m?.[1]?.matchAll(/"([^"]+)"/g) ?? []) if (lit[1]) out.add(lit[1]);
  }
  return out;
}
