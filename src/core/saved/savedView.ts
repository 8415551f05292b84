// How saved requests are shown in lists: a shared collection is someone
// else's file, so every field is terminal-safe (see text/terminalSafe.ts).
import type { SavedRequest } from './savedRequest.js';
import { terminalSafe } from '../text/terminalSafe.js';

export interface SavedRow {
  name: string;
  method: string;
  /** the description, or the path when there is none */
  detail: string;
}

export function savedRow(r: SavedRequest): SavedRow {
  return { name: terminalSafe(r.name), method: terminalSafe(r.method), detail: terminalSafe(r.description || r.path) };
}

/** "name: a value for {{var}}" and the variable's description, for the prompt that asks for it. */
export function variablePrompt(r: SavedRequest, variable: string): { title: string; description?: string } {
  const description = r.variables[variable]?.description;
  return {
    title: `${terminalSafe(r.name)}: a value for {{${terminalSafe(variable)}}}`,
    description: description ? terminalSafe(description) : undefined,
  };
}
