// The request being composed in the shell: a pure reducer over method, path
// (with `{param}` placeholders and their values), ordered query rows and the
// body text, plus the selectors that validate it and build the ApiRequest.
import type { ApiRequest, HttpMethod } from '../http/types.js';
import { parseJson, type JsonProblem } from '../request/jsonInput.js';
import type { OperationShape, ParamShape } from './operationShape.js';
import { fillPath, matchPath, pathParamNames } from './pathTemplate.js';

/** One query parameter row; keys may repeat and order is kept. */
export interface QueryRow {
  key: string;
  value: string;
}

export interface ComposerState {
  method: HttpMethod;
  /** the path with `{param}` placeholders, or a concrete path */
  pathTemplate: string;
  /** values for the placeholders, by name (not encoded) */
  pathParams: Record<string, string>;
  queryRows: QueryRow[];
  bodyText: string;
  /** the catalog operation picked, when there is one */
  operation?: OperationShape;
}

export type ComposerAction =
  | { type: 'pickOperation'; operation: OperationShape }
  | { type: 'setMethod'; method: HttpMethod }
  | { type: 'cycleMethod'; delta: 1 | -1 }
  | { type: 'setPath'; path: string }
  /** a path of its own: no operation, no rows from the previous one (method and body stay) */
  | { type: 'startPath'; path: string }
  | { type: 'setPathParam'; name: string; value: string }
  /** a row after `after` (at the end when omitted) */
  | { type: 'addQueryRow'; after?: number; key?: string; value?: string }
  | { type: 'removeQueryRow'; index: number }
  | { type: 'updateQueryRow'; index: number; key?: string; value?: string }
  | { type: 'setBody'; text: string }
  /** replay a sent request (history); with its operation, path values are recovered */
  | { type: 'loadRequest'; request: ApiRequest; operation?: OperationShape };

/** The methods the method pane cycles through. */
export const COMPOSER_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function initialComposerState(method: HttpMethod = 'GET', path = ''): ComposerState {
  return { method, pathTemplate: path, pathParams: {}, queryRows: [], bodyText: '' };
}

/** GET and HEAD requests carry no body. */
export function methodTakesBody(method: HttpMethod): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** The method `delta` steps along COMPOSER_METHODS, wrapping; from a method outside it, GET. */
export function nextMethod(method: HttpMethod, delta: 1 | -1): HttpMethod {
  const i = COMPOSER_METHODS.indexOf(method);
  if (i < 0) return COMPOSER_METHODS[0] ?? 'GET';
  const n = COMPOSER_METHODS.length;
  return COMPOSER_METHODS[(i + delta + n) % n] ?? 'GET';
}

/** Keeps the values of placeholders that survive a path change. */
function layOutPathParams(template: string, previous: Readonly<Record<string, string>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of pathParamNames(template)) params[name] = previous[name] ?? '';
  return params;
}

function skeletonText(op: OperationShape): string {
  if (op.bodySkeleton === undefined || !methodTakesBody(op.method)) return '';
  return JSON.stringify(op.bodySkeleton, null, 2);
}

function bodyTextOf(body: ApiRequest['body']): string {
  if (!body) return '';
  // The composer edits JSON only; a form body is shown as a JSON object of its fields.
  return JSON.stringify('json' in body ? body.json : body.form, null, 2);
}

export function composerReducer(state: ComposerState, action: ComposerAction): ComposerState {
  switch (action.type) {
    case 'pickOperation': {
      const op = action.operation;
      return {
        method: op.method,
        pathTemplate: op.path,
        pathParams: layOutPathParams(op.path, {}),
        // Only the required query parameters; the rest come by completion.
        queryRows: op.params.filter((p) => p.in === 'query' && p.required).map((p) => ({ key: p.name, value: '' })),
        bodyText: skeletonText(op),
        operation: op,
      };
    }
    case 'setMethod':
      return { ...state, method: action.method };
    case 'cycleMethod':
      return { ...state, method: nextMethod(state.method, action.delta) };
    case 'setPath': {
      const next: ComposerState = {
        ...state,
        pathTemplate: action.path,
        pathParams: layOutPathParams(action.path, state.pathParams),
      };
      // A path typed by hand leaves the operation behind unless it is still its path.
      if (state.operation && state.operation.path !== action.path) delete next.operation;
      return next;
    }
    case 'startPath':
      return { method: state.method, pathTemplate: action.path, pathParams: layOutPathParams(action.path, {}), queryRows: [], bodyText: state.bodyText };
    case 'setPathParam':
      return { ...state, pathParams: { ...state.pathParams, [action.name]: action.value } };
    case 'addQueryRow': {
      const rows = [...state.queryRows];
      const at = action.after === undefined ? rows.length : Math.min(Math.max(action.after + 1, 0), rows.length);
      rows.splice(at, 0, { key: action.key ?? '', value: action.value ?? '' });
      return { ...state, queryRows: rows };
    }
    case 'removeQueryRow':
      if (action.index < 0 || action.index >= state.queryRows.length) return state;
      return { ...state, queryRows: state.queryRows.filter((_, i) => i !== action.index) };
    case 'updateQueryRow': {
      const row = state.queryRows[action.index];
      if (!row) return state;
      const rows = [...state.queryRows];
      rows[action.index] = { key: action.key ?? row.key, value: action.value ?? row.value };
      return { ...state, queryRows: rows };
    }
    case 'setBody':
      return { ...state, bodyText: action.text };
    case 'loadRequest': {
      const { request, operation } = action;
      const recovered = operation ? matchPath(operation.path, request.path) : undefined;
      const next: ComposerState = {
        method: request.method,
        pathTemplate: recovered && operation ? operation.path : request.path,
        pathParams: recovered ?? {},
        queryRows: (request.query ?? []).map(([key, value]) => ({ key, value })),
        bodyText: bodyTextOf(request.body),
      };
      if (recovered && operation) next.operation = operation;
      return next;
    }
  }
}

/** The operation's parameter of that name and place, if any. */
export function paramOf(state: ComposerState, name: string, where: ParamShape['in'] = 'query'): ParamShape | undefined {
  return state.operation?.params.find((p) => p.in === where && p.name === name);
}

/** Whether a query key is one the operation requires (the pane marks it `*`). */
export function isRequiredQueryKey(state: ComposerState, key: string): boolean {
  return paramOf(state, key.trim())?.required === true;
}

/**
 * The first problem of the body as typed, for validation while typing.
 * An empty body is fine unless the operation declares one and the method carries it.
 */
export function bodyProblem(state: ComposerState): JsonProblem | undefined {
  if (state.bodyText.trim() === '') {
    const expected = state.operation?.bodySkeleton !== undefined && methodTakesBody(state.method);
    return expected ? { line: 1, column: 1, message: 'a JSON body expected' } : undefined;
  }
  const parsed = parseJson(state.bodyText);
  return parsed.ok ? undefined : parsed.problem;
}

export type BuildResult = { ok: true; request: ApiRequest } | { ok: false; problems: string[] };

/** The request to send, or every reason it cannot be sent yet. */
export function buildRequest(state: ComposerState): BuildResult {
  const problems: string[] = [];
  const template = state.pathTemplate.trim();
  if (template === '') problems.push('The path is empty.');
  else if (!template.startsWith('/')) problems.push(`The path must start with "/": ${template}`);
  for (const name of pathParamNames(template)) {
    if ((state.pathParams[name] ?? '').trim() === '') problems.push(`Path parameter {${name}} is missing.`);
  }

  // Rows without a name or a value are skipped; a value with no name is a slip worth pointing out.
  const query: [string, string][] = [];
  state.queryRows.forEach((row, i) => {
    const key = row.key.trim();
    if (key === '' && row.value !== '') problems.push(`Query row ${i + 1} has a value but no name.`);
    if (key !== '' && row.value !== '') query.push([key, row.value]);
  });
  for (const p of state.operation?.params ?? []) {
    if (p.in === 'query' && p.required && !query.some(([k]) => k === p.name)) {
      problems.push(`Query parameter "${p.name}" is required.`);
    }
  }

  let body: ApiRequest['body'];
  const bp = bodyProblem(state);
  if (bp) problems.push(`Body: line ${bp.line}, column ${bp.column}: ${bp.message}.`);
  else if (state.bodyText.trim() !== '') {
    if (!methodTakesBody(state.method)) {
      problems.push(`A ${state.method} request carries no body: clear the body or pick another method.`);
    } else {
      const parsed = parseJson(state.bodyText);
      if (parsed.ok) body = { json: parsed.value };
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  const request: ApiRequest = { method: state.method, path: fillPath(template, state.pathParams) };
  if (query.length > 0) request.query = query;
  if (body) request.body = body;
  return { ok: true, request };
}

/**
 * The {{variables}} still in a request (an imported curl's $AID): it must not
 * be sent with them. Saving keeps them, as variables of the saved request.
 */
export function unfilledVariables(request: ApiRequest): string[] {
  const texts = [request.path, ...(request.query ?? []).flat(), request.body ? JSON.stringify(request.body) : ''];
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1] as string)))];
}
