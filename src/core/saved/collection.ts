// A collection: a folder of saved requests, one <name>.json each. The default
// one lives in the config directory; any folder (a git checkout, examples/)
// can be used with --collection. A bad file never hides the good ones.
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { talonPaths } from '../config/paths.js';
import { UserError } from '../errors.js';
import { fileError } from '../fileError.js';
import { writeFileAtomic } from '../config/secureFile.js';
import { checkSavedName, parseSavedFile, SavedFileError, serializeSaved, type SavedRequest } from './savedRequest.js';

export interface CollectionProblem {
  file: string;
  /** the field that is wrong, when one is */
  field?: string;
  /** one sentence: "file: field: problem" */
  message: string;
}

export interface Collection {
  dir: string;
  /** sorted by name */
  requests: SavedRequest[];
  problems: CollectionProblem[];
}

export function defaultCollectionDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(talonPaths(env).config, 'collection');
}

/** `--collection DIR`, else the default collection. */
export function collectionDir(dir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return dir?.trim() ? resolve(dir) : defaultCollectionDir(env);
}

/** As collectionDir, for reading: a --collection that names no directory is an error, not an empty list. */
export function existingCollectionDir(dir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const path = collectionDir(dir, env);
  if (dir?.trim() && !statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`There is no collection at ${path} (--collection): check the path; talon saved add --collection DIR creates one.`);
  }
  return path;
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new UserError(`The collection '${dir}' is a file, not a folder.`);
    throw new UserError(`Cannot read the collection folder '${dir}' (${code ?? (e as Error).message}).`);
  }
}

function loadFile(dir: string, fileName: string): SavedRequest {
  const file = join(dir, fileName);
  const name = fileName.slice(0, -'.json'.length);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SavedFileError(file, undefined, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    checkSavedName(name);
  } catch {
    throw new SavedFileError(file, undefined, 'the file name is not a valid request name (letters, digits, - and _)');
  }
  return parseSavedFile(text, name, file);
}

/** Every valid request of the folder, and one problem per bad file (a missing folder is an empty collection). */
export function loadCollection(dir: string): Collection {
  const requests: SavedRequest[] = [];
  const problems: CollectionProblem[] = [];
  for (const f of jsonFiles(dir)) {
    try {
      requests.push(loadFile(dir, f));
    } catch (e) {
      if (!(e instanceof SavedFileError)) throw e;
      problems.push({ file: e.file, field: e.field, message: e.message });
    }
  }
  return { dir, requests, problems };
}

/** One request by name; an unknown name lists the names that exist. */
export function loadSaved(dir: string, name: string): SavedRequest {
  checkSavedName(name);
  const files = jsonFiles(dir);
  if (!files.includes(`${name}.json`)) {
    const names = files.map((f) => f.slice(0, -5));
    const hint = names.length ? ` Saved requests there: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.` : ' It has no saved requests yet.';
    throw new UserError(`No saved request named '${name}' in ${dir}.${hint}`);
  }
  return loadFile(dir, `${name}.json`);
}

/** Writes `<name>.json` atomically; refuses to replace an existing one unless `overwrite`. Returns the path. */
export function saveRequest(dir: string, saved: SavedRequest, options: { overwrite?: boolean } = {}): string {
  checkSavedName(saved.name);
  const file = join(dir, `${saved.name}.json`);
  if (!options.overwrite && existsSync(file)) {
    throw new UserError(`A saved request named '${saved.name}' already exists in ${dir}: choose another name, or pass --force to replace it.`);
  }
  try {
    writeFileAtomic(file, serializeSaved(saved));
  } catch (e) {
    throw fileError(e, file, 'write');
  }
  return file;
}

export function removeSaved(dir: string, name: string): void {
  checkSavedName(name);
  try {
    unlinkSync(join(dir, `${name}.json`));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`No saved request named '${name}' in ${dir}.`);
    throw e;
  }
}
