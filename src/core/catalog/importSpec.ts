// `talon catalog import FILE`: reads a Swagger 2.0 or OpenAPI 3 document (JSON
// or YAML) with swagger-parser, checks that every reference resolves, and
// converts it to a catalog. Every failure is one sentence naming the file.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import type { CatalogFile } from './catalogFile.js';
import { isObject } from './specSchema.js';
import { specToCatalog } from './specToCatalog.js';

export async function importSpecFile(file: string): Promise<CatalogFile> {
  const path = resolve(file);
  const fail = (problem: string): never => {
    throw new UserError(`Cannot import ${file}: ${problem}.`, ExitCode.usage);
  };
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('it is not a file');
    size = st.size;
  } catch {
    return fail('there is no such file');
  }
  if (size === 0) fail('the file is empty');
  // Loaded only here: the parser and its validators are large, and no other command needs them.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  // The spec file only: an import never reads another local file (a $ref to ~/.ssh/id_rsa would
  // otherwise land in the catalog) nor reaches out to the network.
  const specPath = resolve(path);
  let refused: string | undefined;
  const onlyTheSpec = {
    order: 1,
    canRead: true,
    read(file: { url: string }): Buffer {
      const wanted = file.url.startsWith('file:') ? fileURLToPath(file.url) : resolve(decodeURIComponent(file.url));
      if (wanted !== specPath) {
        refused ??= file.url;
        throw new Error(`talon reads only the spec file, not ${file.url}`);
      }
      return readFileSync(specPath);
    },
  };
  const options = { resolve: { http: false as const, file: false as const, spec: onlyTheSpec } };
  let doc: unknown;
  try {
    doc = await SwaggerParser.bundle(path, options);
    // Dereferencing a copy proves every $ref resolves; the conversion keeps named models as references.
    await SwaggerParser.dereference(structuredClone(doc) as never, { ...options, dereference: { circular: 'ignore' } });
  } catch (e) {
    if (refused) return fail(`it refers to another file (${refused}); talon reads only the spec file itself, so bundle the spec into one file first`);
    return fail(describeParserError(e as Error, path));
  }
  if (!isObject(doc)) return fail('it is not a Swagger 2.0 or OpenAPI 3 document');
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) return fail('it has no paths, so it describes no operations');
  const catalog = specToCatalog(doc, basename(path));
  if (catalog.operations.length === 0) fail('none of its paths has an operation (get, post, put, patch, delete, head or options)');
  return catalog;
}

/** swagger-parser's errors, as the second half of a sentence. */
export function describeParserError(e: Error, path: string): string {
  const first = (e.message ?? '').split('\n')[0] ?? '';
  switch (e.name) {
    case 'ParserError': {
      // "Error parsing /path/x.yaml: <reason> (9:1)"
      const reason = first.replace(`Error parsing ${path}: `, '');
      const at = /^(.*?)\s*\((\d+):(\d+)\)$/.exec(reason);
      return at ? `it is not valid JSON or YAML: ${at[1]} at line ${at[2]}, column ${at[3]}` : `it is not valid JSON or YAML: ${reason}`;
    }
    case 'MissingPointerError':
    case 'InvalidPointerError': {
      const ref = /\$ref pointer "([^"]+)"/.exec(first)?.[1];
      return ref ? `it has a broken reference: $ref "${ref}" points at nothing` : `it has a broken reference (${first})`;
    }
    case 'ResolverError':
      return `a reference cannot be resolved (${first.replaceAll(path, 'the file')})`;
    case 'SyntaxError': {
      const version = /Unsupported (?:Swagger|OpenAPI) version: (\S+?)\.? /i.exec(first)?.[1];
      if (version) return `it is version ${version}, and talon imports Swagger 2.0 and OpenAPI 3.0 or 3.1`;
      if (/is not a valid .* definition/i.test(first)) {
        return 'it is not a Swagger 2.0 or OpenAPI 3 document (it has no "swagger": "2.0" or "openapi": "3.x" field)';
      }
      return first.replaceAll(path, 'the file');
    }
    default:
      return first.replaceAll(path, 'the file') || e.name;
  }
}
