// Reads the wire facts of each operation from an SDK API class's generated .js:
// path, method, scopes, and which SDK parameter goes where under which wire
// name. Every statement of a `...Raw` method must be one we recognise.
import ts from 'typescript';
import { GeneratorError } from './generatorError.js';

/** q = query, p = path, h = header, f = form field */
export type RawParamIn = 'q' | 'p' | 'h' | 'f';

export interface RawParam {
  sdk: string;
  wire: string;
  in: RawParamIn;
  /** csv, ssv, tsv or pipes when the array is joined into one value */
  collectionFormat?: string;
}

export type RawBody =
  | { kind: 'json'; sdk: string; model?: string; array: boolean }
  | { kind: 'raw'; sdk: string }
  | { kind: 'form' };

/** What the SDK makes of a success answer: a named model (or an array of one), untyped JSON, bytes, text or nothing. */
export type RawResponse =
  | { kind: 'json'; model?: string; array: boolean }
  | { kind: 'blob' | 'text' | 'void' };

export interface RawOperation {
  /** method name without `Raw`: the operation id */
  name: string;
  line: number;
  method: string;
  path: string;
  scopes: string[] | undefined;
  /** SDK names the method refuses when null */
  required: Set<string>;
  params: RawParam[];
  contentType?: string;
  /** form content types the operation declares, in order */
  consumes: string[];
  body?: RawBody;
  response?: RawResponse;
}

export function parseApiClass(fileName: string, text: string): { className: string; operations: RawOperation[] } {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const classes = sf.statements.filter(ts.isClassDeclaration);
  const cls = classes[0];
  if (classes.length !== 1 || !cls?.name) throw new GeneratorError(`${fileName}: expected exactly one API class`);
  const operations: RawOperation[] = [];
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name) || !member.name.text.endsWith('Raw')) continue;
    operations.push(parseRawMethod(member, sf));
  }
  return { className: cls.name.text, operations };
}

function parseRawMethod(method: ts.MethodDeclaration, sf: ts.SourceFile): RawOperation {
  const name = (method.name as ts.Identifier).text.replace(/Raw$/, '');
  const line = sf.getLineAndCharacterOfPosition(method.getStart(sf)).line + 1;
  const fail = (node: ts.Node, what: string): never => {
    const at = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    throw new GeneratorError(`${sf.fileName}:${at} (${name}): ${what}: ${node.getText(sf).slice(0, 200)}`);
  };
  const op: RawOperation = { name, line, method: '', path: '', scopes: undefined, required: new Set(), params: [], consumes: [] };
  for (const st of generatorBody(method, fail)) {
    if (ts.isIfStatement(st)) parseIf(st, op, fail);
    else if (ts.isVariableStatement(st)) parseVariable(st, op, sf, fail);
    else if (ts.isExpressionStatement(st)) parseExpression(st.expression, op, fail);
    else if (ts.isReturnStatement(st)) op.response = parseResponse(st, sf, fail);
    else fail(st, 'unknown statement');
  }
  if (!op.method || !op.path) fail(method, 'no request found');
  return op;
}

/** `return new runtime.JSONApiResponse(response, (jsonValue) => (0, index_1.XFromJSON)(jsonValue))` and its kin. */
function parseResponse(st: ts.ReturnStatement, sf: ts.SourceFile, fail: (n: ts.Node, w: string) => never): RawResponse {
  const text = st.expression?.getText(sf) ?? '';
  const simple = /^new runtime\.(JSON|Void|Blob|Text)ApiResponse\(response\)$/.exec(text);
  if (simple?.[1]) return simple[1] === 'JSON' ? { kind: 'json', array: false } : { kind: simple[1].toLowerCase() as 'blob' | 'text' | 'void' };
  let m = /^new runtime\.JSONApiResponse\(response, \(jsonValue\) => \(0, index_1\.(\w+)FromJSON\)\(jsonValue\)\)$/.exec(text);
  if (m?.[1]) return { kind: 'json', model: m[1], array: false };
  m = /^new runtime\.JSONApiResponse\(response, \(jsonValue\) => jsonValue\.map\(index_1\.(\w+)FromJSON\)\)$/.exec(text);
  if (m?.[1]) return { kind: 'json', model: m[1], array: true };
  return fail(st, 'unknown return');
}

/** The statements inside `return __awaiter(this, void 0, void 0, function* () { ... })`. */
function generatorBody(method: ts.MethodDeclaration, fail: (n: ts.Node, w: string) => never): readonly ts.Statement[] {
  const ret = method.body?.statements[0];
  if (ret && ts.isReturnStatement(ret) && ret.expression && ts.isCallExpression(ret.expression)) {
    const fn = ret.expression.arguments[3];
    if (fn && ts.isFunctionExpression(fn) && fn.asteriskToken) return fn.body.statements;
  }
  return fail(method, 'method body is not the usual __awaiter generator');
}

/** `requestParameters["name"]` → `name` */
function requestParam(node: ts.Node | undefined): string | undefined {
  if (node && ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'requestParameters') {
    const arg = node.argumentExpression;
    if (ts.isStringLiteral(arg)) return arg.text;
  }
  return undefined;
}

/** `target["key"]` → key, when target is the named identifier */
function keyOf(node: ts.Node, target: string): string | undefined {
  if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === target) {
    if (ts.isStringLiteral(node.argumentExpression)) return node.argumentExpression.text;
  }
  return undefined;
}

function parseIf(st: ts.IfStatement, op: RawOperation, fail: (n: ts.Node, w: string) => never): void {
  const cond = st.expression;
  const sf = st.getSourceFile();
  const inner = ts.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement];
  const only = inner.length === 1 ? inner[0] : undefined;
  if (ts.isBinaryExpression(cond) && cond.right.kind === ts.SyntaxKind.NullKeyword) {
    const sdk = requestParam(cond.left);
    if (!sdk) return fail(st, 'unknown condition');
    if (cond.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken && only && ts.isThrowStatement(only)) {
      op.required.add(sdk);
      return;
    }
    if (cond.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken && only && ts.isExpressionStatement(only)) {
      const param = parseParamAssignment(only.expression, sdk, fail);
      op.params.push(param);
      return;
    }
    return fail(st, 'unknown parameter check');
  }
  const condText = cond.getText(sf);
  if (condText === 'this.configuration && this.configuration.accessToken' && only && ts.isExpressionStatement(only)) {
    const m = /^headerParameters\["Authorization"\] = yield this\.configuration\.accessToken\("oauth2", \[(.*)\]\)$/s.exec(only.expression.getText(sf));
    if (!m) return fail(only, 'unknown authorisation');
    op.scopes = JSON.parse(`[${m[1]}]`) as string[];
    return;
  }
  if (condText === 'useForm') return; // FormData versus URLSearchParams: consumes says which
  // A response read as JSON or text depending on its content type: untyped JSON.
  if (condText === 'this.isJsonMime(response.headers.get("content-type"))') {
    op.response = { kind: 'json', array: false };
    return;
  }
  fail(st, 'unknown if statement');
}

/** One parameter assignment, e.g. `queryParameters["action_name"] = requestParameters["actionName"]`. */
function parseParamAssignment(expr: ts.Expression, sdk: string, fail: (n: ts.Node, w: string) => never): RawParam {
  let target: ts.Expression;
  let value: ts.Expression;
  let where: RawParamIn;
  let wire: string | undefined;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    target = expr.left;
    value = expr.right;
    wire = keyOf(target, 'queryParameters');
    where = 'q';
    if (wire === undefined) {
      wire = keyOf(target, 'headerParameters');
      where = 'h';
      // Header values are stringified: String(requestParameters["x"]).
      if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'String' && value.arguments.length === 1) {
        value = value.arguments[0] as ts.Expression;
      }
    }
  } else if (ts.isCallExpression(expr) && expr.expression.getText() === 'formParams.append' && expr.arguments.length === 2) {
    const [name, v] = expr.arguments as unknown as [ts.Expression, ts.Expression];
    wire = ts.isStringLiteral(name) ? name.text : undefined;
    value = v;
    where = 'f';
  } else {
    return fail(expr, 'unknown parameter assignment');
  }
  if (wire === undefined) return fail(expr, 'unknown parameter target');
  const parsed = parseParamValue(value);
  if (!parsed || parsed.sdk !== sdk) return fail(expr, 'unknown parameter value');
  const param: RawParam = { sdk, wire, in: where };
  if (parsed.collectionFormat) param.collectionFormat = parsed.collectionFormat;
  return param;
}

/** `requestParameters["x"]`, optionally `.toISOString()`, `.join(runtime.COLLECTION_FORMATS["csv"])` or `Array.from(...)` first. */
function parseParamValue(value: ts.Expression): { sdk: string; collectionFormat?: string } | undefined {
  const direct = requestParam(value);
  if (direct) return { sdk: direct };
  if (!ts.isCallExpression(value) || !ts.isPropertyAccessExpression(value.expression)) return undefined;
  const method = value.expression.name.text;
  let receiver: ts.Expression = value.expression.expression;
  if (method === 'toISOString' && value.arguments.length === 0) {
    const sdk = requestParam(receiver);
    return sdk ? { sdk } : undefined;
  }
  if (method === 'join' && value.arguments.length === 1) {
    const fmt = /^runtime\.COLLECTION_FORMATS\["(\w+)"\]$/.exec(value.arguments[0]!.getText());
    if (ts.isCallExpression(receiver) && receiver.expression.getText() === 'Array.from' && receiver.arguments.length === 1) {
      receiver = receiver.arguments[0]!;
    }
    const sdk = requestParam(receiver);
    return sdk && fmt?.[1] ? { sdk, collectionFormat: fmt[1] } : undefined;
  }
  return undefined;
}

function parseVariable(st: ts.VariableStatement, op: RawOperation, sf: ts.SourceFile, fail: (n: ts.Node, w: string) => never): void {
  const decl = st.declarationList.declarations[0];
  if (!decl || st.declarationList.declarations.length !== 1 || !ts.isIdentifier(decl.name)) return fail(st, 'unknown declaration');
  const init = decl.initializer;
  switch (decl.name.text) {
    case 'queryParameters':
    case 'headerParameters':
      if (init?.getText(sf) === '{}') return;
      break;
    case 'formParams':
    case 'useForm':
    case 'canConsumeForm':
      return;
    case 'consumes':
      if (init && ts.isArrayLiteralExpression(init)) {
        for (const el of init.elements) {
          const m = /^\{ contentType: "([^"]+)" \}$/.exec(el.getText(sf));
          if (!m?.[1]) return fail(el, 'unknown consumes entry');
          op.consumes.push(m[1]);
        }
        return;
      }
      break;
    case 'response':
      if (init && ts.isYieldExpression(init) && init.expression && ts.isCallExpression(init.expression)) {
        const arg = init.expression.arguments[0];
        if (init.expression.expression.getText(sf) === 'this.request' && arg && ts.isObjectLiteralExpression(arg)) {
          return parseRequest(arg, op, sf, fail);
        }
      }
      break;
  }
  fail(st, 'unknown declaration');
}

function parseExpression(expr: ts.Expression, op: RawOperation, fail: (n: ts.Node, w: string) => never): void {
  const sf = expr.getSourceFile();
  const text = expr.getText(sf);
  const ct = /^headerParameters\["Content-Type"\] = "([^"]+)"$/.exec(text);
  if (ct?.[1]) {
    op.contentType = ct[1];
    return;
  }
  if (text === 'useForm = canConsumeForm') return;
  if (/^formParams = new (FormData|URLSearchParams)\(\)$/.test(text)) return;
  fail(expr, 'unknown expression');
}

function parseRequest(arg: ts.ObjectLiteralExpression, op: RawOperation, sf: ts.SourceFile, fail: (n: ts.Node, w: string) => never): void {
  for (const prop of arg.properties) {
    if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) return fail(prop, 'unknown request property');
    const value = prop.initializer;
    switch (prop.name.text) {
      case 'path':
        op.path = parsePath(value, op, fail);
        break;
      case 'method':
        if (!ts.isStringLiteral(value)) return fail(value, 'unknown method');
        op.method = value.text;
        break;
      case 'headers':
      case 'query':
        break;
      case 'body':
        op.body = parseBody(value, sf, fail);
        break;
      default:
        fail(prop, 'unknown request property');
    }
  }
}

/** A path template, with `.replace(\`{${"name"}}\`, encodeURIComponent(String(requestParameters["x"])))` per path parameter. */
function parsePath(node: ts.Expression, op: RawOperation, fail: (n: ts.Node, w: string) => never): string {
  if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) return node.text;
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'replace') {
    const template = parsePath(node.expression.expression, op, fail);
    const [pattern, replacement] = node.arguments;
    const wire = pattern && /^`\{\$\{"([^"]+)"\}\}`$/.exec(pattern.getText())?.[1];
    const m = replacement && /^encodeURIComponent\(String\(requestParameters\["([^"]+)"\]\)\)$/.exec(replacement.getText());
    if (!wire || !m?.[1] || !template.includes(`{${wire}}`)) return fail(node, 'unknown path parameter');
    op.params.push({ sdk: m[1], wire, in: 'p' });
    return template;
  }
  return fail(node, 'unknown path');
}

function parseBody(node: ts.Expression, sf: ts.SourceFile, fail: (n: ts.Node, w: string) => never): RawBody {
  const text = node.getText(sf);
  if (text === 'formParams') return { kind: 'form' };
  const raw = requestParam(node);
  if (raw) return { kind: 'raw', sdk: raw };
  let m = /^\(0, index_1\.(\w+)ToJSON\)\(requestParameters\["(\w+)"\]\)$/.exec(text);
  if (m?.[1] && m[2]) return { kind: 'json', sdk: m[2], model: m[1], array: false };
  m = /^requestParameters\["(\w+)"\]\.map\(index_1\.(\w+)ToJSON\)$/.exec(text);
  if (m?.[1] && m[2]) return { kind: 'json', sdk: m[1], model: m[2], array: true };
  return fail(node, 'unknown body');
}
