// The endpoint line is the request's path: what it shows is what Ctrl+S
// sends. Applying the line to the composer finds the catalog operation for
// the path (placeholders filled from a concrete path), moves a typed
// `?query` into parameter rows, and drops rows that belonged to another
// operation, so nothing from an earlier request rides along.
import { COMPOSER_METHODS, composerReducer, type ComposerAction, type ComposerState } from '../composer/composerState.js';
import type { OperationShape } from '../composer/operationShape.js';
import { matchPath } from '../composer/pathTemplate.js';

export interface AppliedLine {
  /** the composer actions that make the request what the line says */
  actions: ComposerAction[];
  /** what the line shows afterwards: the path, its query now in rows */
  line: string;
  /** one sentence when the path is not an operation of the catalog */
  warning?: string;
}

export type FindOperation = (method: string, path: string) => OperationShape | undefined;

/** Splits `path?a=1&b=2` into the path and its decoded query pairs. */
export function splitQuery(text: string): { path: string; query: [string, string][] } {
  const trimmed = text.trim();
  const at = trimmed.indexOf('?');
  if (at < 0) return { path: trimmed, query: [] };
  const query = [...new URLSearchParams(trimmed.slice(at + 1)).entries()];
  return { path: trimmed.slice(0, at), query };
}

/** The operation at `path`: with the composer's method first, else the one other method that has it. */
function operationAt(method: string, path: string, find: FindOperation): OperationShape | undefined {
  return find(method, path) ?? COMPOSER_METHODS.filter((m) => m !== method).map((m) => find(m, path)).find((op) => op !== undefined);
}

export function applyEndpointLine(state: ComposerState, text: string, find: FindOperation): AppliedLine {
  const { path, query } = splitQuery(text);
  const op = path ? operationAt(state.method, path, find) : undefined;
  const actions: ComposerAction[] = [];
  let warning: string | undefined;
  if (op) {
    if (state.operation?.operationId !== op.operationId) actions.push({ type: 'pickOperation', operation: op });
    if (op.path !== path) {
      for (const [name, value] of Object.entries(matchPath(op.path, path) ?? {})) actions.push({ type: 'setPathParam', name, value });
    }
  } else {
    // Another path: the rows and the operation were the previous request's.
    if (path !== state.pathTemplate) actions.push({ type: 'startPath', path });
    if (path.startsWith('/')) warning = `${path} is not in the catalog: it is sent as typed.`;
  }
  let rows = actions.reduce(composerReducer, state).queryRows;
  for (const [key, value] of query) {
    const index = rows.findIndex((r) => r.key === key && r.value === '');
    actions.push(index >= 0 ? { type: 'updateQueryRow', index, value } : { type: 'addQueryRow', key, value });
    rows = composerReducer({ ...state, queryRows: rows }, actions[actions.length - 1] as ComposerAction).queryRows;
  }
  return { actions, line: op ? op.path : path, warning };
}
