// What the shell keeps on disk, behind one object: the history it lists,
// the saved requests it loads and saves, where the wizards' audit log is,
// the variables a saved request takes from the environment, and exports.
// The UI reaches storage only through this (given by ShellContext).
import { writeUniquePrivateFile } from '../config/secureFile.js';
import { resolve } from 'node:path';
import type { HistoryEntry } from '../history/historyEntry.js';
import { openHistoryStore } from '../history/historyStore.js';
import { readHistory } from '../history/historyReader.js';
import { editText, type EditResult } from '../editor/externalEditor.js';
import { collectionDir, loadCollection, saveRequest, type Collection } from '../saved/collection.js';
import { savedFromRequest, type SavedRequest } from '../saved/savedRequest.js';
import { resolveVariables, variablesOf, type ResolvedVariables } from '../saved/variables.js';
import { auditLogPath } from '../audit/auditLog.js';
import type { ApiRequest } from '../http/types.js';

export interface ShellWorkspace {
  /** every recorded request, oldest first */
  history(): readonly HistoryEntry[];
  savedRequests(): Collection;
  /** saves a request under `name` in the default collection; returns the file */
  save(name: string, request: ApiRequest, description: string): string;
  /** a saved request's {{variables}} from the environment and defaults, and those still missing */
  variables(saved: SavedRequest): ResolvedVariables;
  auditPath: string;
  /** writes a new export file (never over an existing one), private to the user; returns its path */
  writeExport(name: string, text: string): string;
  /** the text as edited in the user's $VISUAL / $EDITOR (the terminal must be handed over around it) */
  editText(text: string, suffix: string): EditResult;
}

export interface WorkspaceOptions {
  env: NodeJS.ProcessEnv;
  /** where exports go (the current directory by default) */
  directory?: string;
  /** the collection folder of saved requests (`talon --collection DIR`; the default one otherwise) */
  collection?: string;
}

export function openWorkspace({ env, directory, collection }: WorkspaceOptions): ShellWorkspace {
  return {
    history: () => readHistory(openHistoryStore(env)).entries,
    savedRequests: () => loadCollection(collectionDir(collection, env)),
    save(name, request, description) {
      const saved = savedFromRequest(name, request, description);
      return saveRequest(collectionDir(collection, env), { ...saved, variables: Object.fromEntries(variablesOf(saved).map((v) => [v, {}])) });
    },
    variables: (saved) => resolveVariables(saved, { env }),
    auditPath: auditLogPath(env),
    editText: (text, suffix) => editText(text, { env, suffix }),
    writeExport(name, text) {
      // Exclusive create at 0600, never through a link: an export never replaces a file that is there.
      const dot = name.lastIndexOf('.');
      return writeUniquePrivateFile(resolve(directory ?? process.cwd()), dot > 0 ? name.slice(0, dot) : name, dot > 0 ? name.slice(dot + 1) : 'txt', text);
    },
  };
}
