// `talon catalog import FILE`: reads a Swagger 2.0 or OpenAPI 3 document (JSON
// or YAML) with swagger-parser and converts it to a catalog. A reference that
// points at nothing makes that schema unknown and is reported; it does not cost
// the rest of the file (real console exports have such references). Every
// failure is one sentence naming the file.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import type { CatalogFile } from './catalogFile.js';
import type { UnresolvedRef } from './specSchema.js';
import { isObject } from '../schema/isObject.js';
import { convertSpec } from './specToCatalog.js';

export async function importSpecFile(file: string): Promise<CatalogFile> {
  return (await importSpec(file)).catalog;
}

export interface ImportedSpec {
  catalog: CatalogFile;
  /** references that point at nothing: the schemas they stand for are unknown ("any") */
  unresolved: UnresolvedRef[];
}

export async function importSpec(file: string): Promise<ImportedSpec> {
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
  // The spec file only: parse() reads it alone, and a reference to any other file (a $ref to
  // ~/.ssh/id_rsa would otherwise land in the catalog) or to the network is refused, never followed.
  const options = { resolve: { http: false as const } };
  let doc: unknown;
  try {
    doc = await SwaggerParser.parse(path, options);
  } catch (e) {
    return fail(describeParserError(e as Error, path));
  }
  const external = externalRef(doc);
  if (external !== undefined) return fail(`it refers to another file (${external}); talon reads only the spec file itself, so bundle the spec into one file first`);
  if (!isObject(doc)) return fail('it is not a Swagger 2.0 or OpenAPI 3 document');
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) return fail('it has no paths, so it describes no operations');
  const { catalog, unresolved } = convertSpec(doc, basename(path));
  if (catalog.operations.length === 0) fail('none of its paths has an operation (get, post, put, patch, delete, head or options)');
  return { catalog, unresolved };
}

/** The first `$ref` that points outside the document, if any. */
function externalRef(node: unknown): string | undefined {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (Array.isArray(n)) stack.push(...n);
    else if (isObject(n)) {
      if (typeof n.$ref === 'string' && !n.$ref.startsWith('#')) return n.$ref;
      for (const v of Object.values(n)) if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return undefined;
}

/** The report of an import's dangling references: how many, and where (a few of each). */
export function describeUnresolved(unresolved: readonly UnresolvedRef[]): string[] {
  if (unresolved.length === 0) return [];
  const lines = [
    `${unresolved.length} reference${unresolved.length === 1 ? '' : 's'} could not be resolved; the schema${unresolved.length === 1 ? '' : 's'} behind ${unresolved.length === 1 ? 'it is' : 'them are'} unknown (any value):`,
  ];
  for (const u of unresolved.slice(0, 10)) {
    const places = u.usedIn.slice(0, 3).join(', ') + (u.usedIn.length > 3 ? ` and ${u.usedIn.length - 3} more` : '');
    lines.push(`  ${u.ref}${places ? ` (used in ${places})` : ''}`);
  }
  if (unresolved.length > 10) lines.push(`  and ${unresolved.length - 10} more`);
  return lines;
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
