// Builds the catalog from the installed crowdstrike-falcon SDK: each `...Raw`
// method of each API class is one operation. The .js gives the wire facts, the
// .d.ts the types; the two must agree parameter for parameter.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_FORMAT, type CatalogFile, type FileBody, type FileOperation, type FileParam, type FileProperty, type FileSchema } from '../../src/core/catalog/catalogFile.js';
import { compareStrings } from '../../src/core/text/compareStrings.js';
import { GeneratorError } from './generatorError.js';
import { parseApiClass, type RawOperation, type RawResponse } from './parseApiClass.js';
import { parseApiDeclarations, type ApiDeclarations, type DeclaredOperation } from './parseApiDeclarations.js';
import { ModelReader } from './parseModels.js';
import { responseKey } from './simCatalog.js';
import { ENUM_SUPPLEMENTS, PUBLISHED_ID_SUPPLEMENTS } from './supplements.js';
import { derivedPublishedId, looseId } from '../../src/core/catalog/publishedId.js';
import { tsTypeToSchema } from './tsTypeToSchema.js';

export const SDK_PACKAGE = 'crowdstrike-falcon';

export interface CatalogCounts {
  operations: number;
  collections: number;
  withScopes: number;
  deprecated: number;
  withBody: number;
  parameters: number;
  pathParameters: number;
  enumParameters: number;
  models: number;
}

interface SdkPackageJson {
  name: string;
  version: string;
  license?: string;
  author?: unknown;
}

interface Collected {
  collection: string;
  op: Omit<FileOperation, 'c'>;
}

export interface BuiltCatalog {
  file: CatalogFile;
  counts: CatalogCounts;
  /** each operation's success response, by responseKey(), for the simulator's catalog */
  responses: Map<string, RawResponse | undefined>;
  modelsDir: string;
}

export function buildCatalog(packageDir: string): BuiltCatalog {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as SdkPackageJson;
  if (pkg.name !== SDK_PACKAGE) throw new GeneratorError(`${packageDir} holds ${pkg.name}, not ${SDK_PACKAGE}`);
  const apisDir = join(packageDir, 'dist', 'apis');
  const models = new ModelReader(join(packageDir, 'dist', 'models'));
  const collected: Collected[] = [];
  const responses = new Map<string, RawResponse | undefined>();
  const files = readdirSync(apisDir).filter((f) => /Api\.js$/.test(f)).sort(compareStrings);
  if (files.length === 0) throw new GeneratorError(`${apisDir} has no *Api.js files`);
  for (const file of files) {
    const js = parseApiClass(join(apisDir, file), readFileSync(join(apisDir, file), 'utf8'));
    const dtsPath = join(apisDir, file.replace(/\.js$/, '.d.ts'));
    const decls = parseApiDeclarations(dtsPath, readFileSync(dtsPath, 'utf8'));
    if (decls.className !== js.className) throw new GeneratorError(`${file}: class ${js.className} but declarations for ${decls.className}`);
    if (decls.operations.size !== js.operations.length) {
      throw new GeneratorError(`${file}: ${js.operations.length} operations in the .js but ${decls.operations.size} in the .d.ts`);
    }
    const collection = js.className.replace(/Api$/, '');
    for (const raw of js.operations) {
      const decl = decls.operations.get(raw.name);
      if (!decl) throw new GeneratorError(`${file}: ${raw.name} has no declaration`);
      const op = toOperation(raw, decl, decls, models, `${file}:${raw.line}`);
      collected.push({ collection, op });
      responses.set(responseKey(op), raw.response);
    }
  }
  models.drain();
  applySupplements(collected);
  return { ...assemble(pkg, packageDir, collected, Object.fromEntries(models.models)), responses, modelsDir: models.dir };
}

function toOperation(raw: RawOperation, decl: DeclaredOperation, decls: ApiDeclarations, models: ModelReader, where: string): Omit<FileOperation, 'c'> {
  const ctx = { sourceFile: decls.sourceFile, enums: decls.enums, isModel: models.isModel, onModel: models.want };
  const declared = new Map(decl.params.map((p) => [p.sdk, p]));
  const take = (sdk: string) => {
    const p = declared.get(sdk);
    if (!p) throw new GeneratorError(`${where} (${raw.name}): sends ${sdk}, which the .d.ts does not declare`);
    declared.delete(sdk);
    if (raw.required.has(sdk) === p.optional) throw new GeneratorError(`${where} (${raw.name}): ${sdk} is optional in one file and required in the other`);
    return { schema: tsTypeToSchema(p.type, ctx), required: (p.optional ? 0 : 1) as 0 | 1 };
  };
  const params: FileParam[] = [];
  const formFields: FileProperty[] = [];
  for (const rp of raw.params) {
    const { schema, required } = take(rp.sdk);
    if (rp.in === 'f') formFields.push([rp.wire, schema, required]);
    else params.push(rp.collectionFormat ? [rp.wire, rp.in, schema, required, rp.collectionFormat] : [rp.wire, rp.in, schema, required]);
  }
  let body: FileBody | undefined;
  if (raw.body?.kind === 'form') {
    const type = raw.consumes[0];
    if (!type || formFields.length === 0) throw new GeneratorError(`${where} (${raw.name}): a form body without content type or fields`);
    body = { t: type, s: { o: formFields }, ...(formFields.some((f) => f[2] === 1) ? { r: 1 as const } : {}) };
  } else if (raw.body) {
    const { schema, required } = take(raw.body.sdk);
    if (raw.body.kind === 'json') checkBodyModel(schema, raw.body.model, raw.body.array, where);
    body = { t: raw.contentType ?? 'application/json', s: schema, ...(required ? { r: 1 as const } : {}) };
  } else if (formFields.length > 0) {
    throw new GeneratorError(`${where} (${raw.name}): form fields but no form body`);
  }
  if (declared.size > 0) throw new GeneratorError(`${where} (${raw.name}): declares ${[...declared.keys()].join(', ')} but never sends it`);
  const op: Omit<FileOperation, 'c'> = { i: raw.name, m: raw.method.toUpperCase(), p: raw.path };
  if (decl.summary) op.s = decl.summary;
  if (raw.scopes && raw.scopes.length > 0) op.sc = raw.scopes;
  // Some operations are only deprecated in words ("DEPRECATED: the incidentapi will be removed…").
  if (decl.deprecated || /\bdeprecated\b/i.test(decl.summary)) op.d = 1;
  if (params.length > 0) op.q = params;
  if (body) op.b = body;
  return op;
}

/** The .js names the model it serialises the body with; the .d.ts type must say the same. */
function checkBodyModel(schema: FileSchema, model: string | undefined, array: boolean, where: string): void {
  const expected = array ? { a: { r: model } } : { r: model };
  if (JSON.stringify(schema) !== JSON.stringify(expected)) {
    throw new GeneratorError(`${where}: body typed ${JSON.stringify(schema)} but serialised as ${JSON.stringify(expected)}`);
  }
}

function applySupplements(collected: Collected[]): void {
  for (const s of PUBLISHED_ID_SUPPLEMENTS) {
    const ops = collected.filter((c) => c.op.i === s.sdkName);
    if (ops.length !== 1) throw new GeneratorError(`published id supplement for ${s.sdkName}: ${ops.length} operations have that name`);
    if (derivedPublishedId(s.sdkName) === s.publishedId || looseId(s.publishedId) !== looseId(s.sdkName)) {
      throw new GeneratorError(`published id supplement for ${s.sdkName}: ${s.publishedId} is what the name gives already, or not its id; review it`);
    }
    (ops[0] as Collected).op.o = s.publishedId;
  }
  for (const s of ENUM_SUPPLEMENTS) {
    const ops = collected.filter((c) => c.op.m === s.method && c.op.p === s.path);
    if (ops.length === 0) throw new GeneratorError(`supplement for ${s.method} ${s.path}: no such operation any more`);
    for (const { op } of ops) {
      const param = op.q?.find((p) => p[0] === s.param);
      if (!param) throw new GeneratorError(`supplement for ${s.method} ${s.path}: no parameter ${s.param} any more`);
      if (param[2] !== 'string') {
        throw new GeneratorError(`supplement for ${s.method} ${s.path} ${s.param}: the SDK now types it ${JSON.stringify(param[2])}; review the supplement`);
      }
      param[2] = { e: [...s.values] };
    }
  }
}

function assemble(
  pkg: SdkPackageJson,
  packageDir: string,
  collected: Collected[],
  models: Record<string, FileSchema>,
): { file: CatalogFile; counts: CatalogCounts } {
  const collections = [...new Set(collected.map((c) => c.collection))].sort(compareStrings);
  const index = new Map(collections.map((c, i) => [c, i]));
  const operations: FileOperation[] = collected
    .map(({ collection, op: { i, ...rest } }) => ({ i, c: index.get(collection) as number, ...rest }))
    .sort((a, b) => compareStrings(a.p, b.p) || compareStrings(a.m, b.m) || compareStrings(a.i, b.i) || a.c - b.c);
  const file: CatalogFile = {
    format: CATALOG_FORMAT,
    source: {
      kind: 'sdk',
      name: pkg.name,
      version: pkg.version,
      ...(pkg.license ? { license: pkg.license } : {}),
      notice: licenceText(packageDir, pkg),
      generatedBy: 'npm run catalog (scripts/catalog)',
    },
    collections,
    operations,
    models,
  };
  const params = operations.flatMap((o) => o.q ?? []);
  const counts: CatalogCounts = {
    operations: operations.length,
    collections: collections.length,
    withScopes: operations.filter((o) => o.sc).length,
    deprecated: operations.filter((o) => o.d).length,
    withBody: operations.filter((o) => o.b).length,
    parameters: params.length,
    pathParameters: params.filter((p) => p[1] === 'p').length,
    enumParameters: params.filter((p) => typeof p[2] === 'object' && ('e' in p[2] || ('a' in p[2] && typeof p[2].a === 'object' && 'e' in p[2].a))).length,
    models: Object.keys(models).length,
  };
  return { file, counts };
}

/** The package's LICENSE file, verbatim; without one, the standard MIT text under the package's author. */
function licenceText(packageDir: string, pkg: { license?: string; author?: unknown }): string {
  try {
    return readFileSync(join(packageDir, 'LICENSE'), 'utf8').replace(/\r\n/g, '\n').trim();
  } catch {
    const author = typeof pkg.author === 'string' ? pkg.author : (pkg.author as { name?: string } | undefined)?.name;
    if (pkg.license !== 'MIT' || !author) {
      throw new GeneratorError(`${packageDir} has no LICENSE file, and its package.json gives no MIT licence and author to write one from`);
    }
    return `Copyright (c) ${author}\n\n${MIT_TEXT}`;
  }
}

const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;
