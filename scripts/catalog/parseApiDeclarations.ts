// Reads the typed side of an SDK API class from its .d.ts: each `...Raw`
// method's summary, deprecation and request interface (parameter types and
// optionality), plus the file's enum consts.
import ts from 'typescript';
import { GeneratorError } from './generatorError.js';
import { propertyNameText, readEnumConsts } from './tsTypeToSchema.js';

export interface DeclaredParam {
  sdk: string;
  optional: boolean;
  type: ts.TypeNode;
}

export interface DeclaredOperation {
  name: string;
  summary: string;
  deprecated: boolean;
  params: DeclaredParam[];
}

export interface ApiDeclarations {
  sourceFile: ts.SourceFile;
  className: string;
  enums: Map<string, Array<string | number>>;
  operations: Map<string, DeclaredOperation>;
}

export function parseApiDeclarations(fileName: string, text: string): ApiDeclarations {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const interfaces = new Map<string, DeclaredParam[]>();
  let cls: ts.ClassDeclaration | undefined;
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) interfaces.set(st.name.text, interfaceMembers(st, sf));
    else if (ts.isClassDeclaration(st)) {
      if (cls) throw new GeneratorError(`${fileName}: more than one class`);
      cls = st;
    }
  }
  if (!cls?.name) throw new GeneratorError(`${fileName}: no API class`);
  const operations = new Map<string, DeclaredOperation>();
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name) || !member.name.text.endsWith('Raw')) continue;
    const name = member.name.text.replace(/Raw$/, '');
    operations.set(name, {
      name,
      summary: summaryOf(member),
      deprecated: ts.getJSDocDeprecatedTag(member) !== undefined,
      params: requestParams(member, interfaces, sf),
    });
  }
  return { sourceFile: sf, className: cls.name.text, enums: readEnumConsts(sf), operations };
}

function interfaceMembers(decl: ts.InterfaceDeclaration, sf: ts.SourceFile): DeclaredParam[] {
  return decl.members.map((m) => {
    if (!ts.isPropertySignature(m) || !m.type) throw new GeneratorError(`${sf.fileName}: unsupported member ${m.getText(sf)}`);
    return { sdk: propertyNameText(m.name, sf), optional: m.questionToken !== undefined, type: m.type };
  });
}

/** The members of the request interface named by `xRaw(requestParameters: Interface, ...)`, or none. */
function requestParams(method: ts.MethodDeclaration, interfaces: Map<string, DeclaredParam[]>, sf: ts.SourceFile): DeclaredParam[] {
  const first = method.parameters[0];
  if (!first || !ts.isIdentifier(first.name)) return [];
  if (first.name.text === 'initOverrides') return [];
  if (first.name.text !== 'requestParameters' || !first.type || !ts.isTypeReferenceNode(first.type) || !ts.isIdentifier(first.type.typeName)) {
    throw new GeneratorError(`${sf.fileName}: unexpected parameters of ${method.name.getText(sf)}`);
  }
  const members = interfaces.get(first.type.typeName.text);
  if (!members) throw new GeneratorError(`${sf.fileName}: no interface ${first.type.typeName.text}`);
  return members;
}

/** The JSDoc text above the method, whitespace collapsed. */
function summaryOf(node: ts.Node): string {
  const parts: string[] = [];
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (ts.isJSDoc(doc)) {
      const text = ts.getTextOfJSDocComment(doc.comment);
      if (text) parts.push(text);
    }
  }
  // The generator copies the spec's backslash-escaped quotes into the comments.
  return parts.join(' ').replace(/\\(['"])/g, '$1').replace(/\s+/g, ' ').trim();
}
