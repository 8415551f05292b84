// `talon __complete WORD... CURRENT` (hidden): the candidates for the last
// word, one per line, for the scripts of `talon completion`. It walks the
// command tree's generated description (data/commandTree.ts, not commander:
// a Tab must answer near bare `node`) for subcommands and flags, and reads the
// catalog (the bundled one's paths and names from its small index; an imported
// one is loaded lazily), the profiles or the collection only when the word
// being completed needs them.
import { writeSync } from 'node:fs';
import { HTTP_METHODS } from '../core/http/types.js';
import { COMPLETION_SHELLS } from './completion.js';
import { operationIdCandidates, pathCandidates, profileNames, savedNames, type NameSource } from '../core/completion/completionSources.js';
import type { PathSource } from '../core/catalog/pathCompletion.js';
import { hasImportedCatalogs } from '../core/catalog/importedCatalogs.js';
import { bundledOperationNames, bundledPaths } from '../core/catalog/bundledNames.js';
import type { CommandSpec, OptionSpec } from './commandSpec.js';
import { COMMAND_TREE } from './data/commandTree.js';

const CLOUDS = ['us-1', 'us-2', 'eu-1', 'us-gov-1', 'us-gov-2', 'auto'];

interface Walked {
  cmd: CommandSpec;
  /** e.g. `saved show` */
  path: string;
  positionals: string[];
  /** option values seen so far, by long name (`profile`, `collection`) */
  values: Map<string, string>;
}

function findOption(cmd: CommandSpec, flag: string): OptionSpec | undefined {
  return cmd.options.find((o) => o.long === flag || o.short === flag);
}

function takesValue(o: OptionSpec | undefined): boolean {
  return Boolean(o?.value);
}

function walk(program: CommandSpec, words: readonly string[]): Walked {
  const w: Walked = { cmd: program, path: '', positionals: [], values: new Map() };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.startsWith('-') && word.length > 1) {
      const eq = word.indexOf('=');
      const flag = eq > 0 ? word.slice(0, eq) : word;
      const opt = findOption(w.cmd, flag);
      if (takesValue(opt)) {
        const value = eq > 0 ? word.slice(eq + 1) : words[++i];
        if (value !== undefined && opt?.long) w.values.set(opt.long.slice(2), value);
      }
      continue;
    }
    const sub = w.positionals.length === 0 ? w.cmd.commands.find((c) => c.name === word || c.aliases?.includes(word)) : undefined;
    if (sub) {
      w.cmd = sub;
      w.path = w.path ? `${w.path} ${sub.name}` : sub.name;
    } else w.positionals.push(word);
  }
  return w;
}

function startingWith(candidates: Iterable<string>, prefix: string): string[] {
  return [...candidates].filter((c) => c.startsWith(prefix));
}

/** The catalog in use; when it is the bundled one, only its names and paths (bundledNames.ts), which is all completion reads. */
async function catalogFor(w: Walked, env: NodeJS.ProcessEnv): Promise<NameSource> {
  if (!hasImportedCatalogs(env)) return bundledOperationNames();
  const { loadCurrentCatalog } = await import('../core/catalog/currentCatalog.js');
  try {
    return await loadCurrentCatalog({ profile: w.values.get('profile'), env });
  } catch {
    const { bundledCatalog } = await import('../core/catalog/loadCatalog.js');
    return bundledCatalog();
  }
}

/** What path completion reads: the bundled index's paths alone (no decoding of names or scopes), or the catalog in use. */
async function pathsFor(w: Walked, env: NodeJS.ProcessEnv): Promise<PathSource> {
  if (!hasImportedCatalogs(env)) return bundledPaths();
  return catalogFor(w, env);
}

async function savedNamesFor(w: Walked, env: NodeJS.ProcessEnv, current: string): Promise<string[]> {
  const { collectionDir } = await import('../core/saved/collection.js');
  return startingWith(savedNames(collectionDir(w.values.get('collection'), env)), current);
}

async function optionValues(w: Walked, opt: OptionSpec, current: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  switch (opt.long) {
    case '--profile':
      return startingWith(profileNames(env), current);
    case '--method':
      return startingWith(HTTP_METHODS, current.toUpperCase());
    case '--cloud':
      return startingWith(CLOUDS, current);
  }
  return opt.choices ? startingWith(opt.choices, current) : [];
}

async function positionalValues(w: Walked, current: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const n = w.positionals.length;
  switch (w.path) {
    case 'request': {
      const endpoint = /^endpoint=/.exec(current)?.[0] ?? '';
      const typed = current.slice(endpoint.length);
      if (typed === '' || typed.startsWith('/')) return pathCandidates(await pathsFor(w, env), typed || '/').map((p) => endpoint + p);
      return [];
    }
    case 'describe': {
      if (n === 1 || current.startsWith('/')) return pathCandidates(await pathsFor(w, env), current || '/');
      return [...startingWith(HTTP_METHODS, current), ...operationIdCandidates(await catalogFor(w, env), current)];
    }
    case 'endpoints': {
      if (current.startsWith('/')) return pathCandidates(await pathsFor(w, env), current);
      return current ? operationIdCandidates(await catalogFor(w, env), current) : [];
    }
    case 'replay':
    case 'saved show':
    case 'saved remove':
    case 'saved export':
      return n === 0 ? savedNamesFor(w, env, current) : [];
    case 'profile show':
    case 'profile use':
    case 'profile remove':
      return n === 0 ? startingWith(profileNames(env), current) : [];
    case 'completion':
      return n === 0 ? startingWith(COMPLETION_SHELLS, current) : [];
  }
  return [];
}

/** The candidates for the last of `words` (the one being typed; '' for a fresh word). */
export async function completeWords(words: readonly string[], env: NodeJS.ProcessEnv, program: CommandSpec = COMMAND_TREE): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const w = walk(program, words.slice(0, -1));
  const previous = words.length > 1 ? (words.at(-2) as string) : '';
  if (previous.startsWith('-') && !previous.includes('=')) {
    const opt = findOption(w.cmd, previous);
    if (takesValue(opt) && opt) return optionValues(w, opt, current, env);
  }
  if (current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (eq > 0) {
      const opt = findOption(w.cmd, current.slice(0, eq));
      if (takesValue(opt) && opt) return (await optionValues(w, opt, current.slice(eq + 1), env)).map((v) => `${current.slice(0, eq + 1)}${v}`);
      return [];
    }
    const flags = w.cmd.options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
    return startingWith([...flags, '--help'], current);
  }
  if (w.positionals.length === 0 && w.cmd.commands.length > 0) {
    const subs = w.cmd.commands.filter((c) => !c.hidden).map((c) => c.name);
    return startingWith(subs, current);
  }
  return positionalValues(w, current, env);
}

/**
 * Writes the answer to fd 1 itself: making process.stdout (and process.stderr,
 * which a completion never writes to) loads and sets up Node's stream modules,
 * ~4 ms of a Tab. A closed pipe ends the answer quietly; a pipe that would
 * block takes the rest through process.stdout, which waits for it.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(1, bytes, at);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
    process.stdout.on('error', () => undefined);
    process.stdout.write(bytes.subarray(at));
  }
}

/** Prints the candidates; a completion never fails loudly (the shell would show the noise). */
export async function runComplete(words: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const out = await completeWords(words.length > 0 ? words : [''], env);
    if (out.length > 0) writeOut(`${out.join('\n')}\n`);
  } catch {
    // nothing to offer
  }
  return 0;
}
