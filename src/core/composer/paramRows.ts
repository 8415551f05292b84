// The params pane's rows as data: path parameters first, then query rows;
// what each field holds, the completions it offers and the action that
// changes it. Pure, so the pane only handles keys and drawing.
import { paramOf, type ComposerAction, type ComposerState } from './composerState.js';
import type { ParamShape } from './operationShape.js';
import { pathParamNames } from './pathTemplate.js';
import { closedValuesOf, suggestParamNames, suggestParamValues, type Suggestion } from './suggestions.js';

export type ParamRowRef = { kind: 'path'; name: string } | { kind: 'query'; index: number };
export type ParamField = 'key' | 'value';

export function paramRows(state: ComposerState): ParamRowRef[] {
  return [
    ...pathParamNames(state.pathTemplate).map((name): ParamRowRef => ({ kind: 'path', name })),
    ...state.queryRows.map((_, index): ParamRowRef => ({ kind: 'query', index })),
  ];
}

export function rowText(state: ComposerState, ref: ParamRowRef, field: ParamField): string {
  if (ref.kind === 'path') return field === 'key' ? ref.name : (state.pathParams[ref.name] ?? '');
  const row = state.queryRows[ref.index];
  return (field === 'key' ? row?.key : row?.value) ?? '';
}

/** The action that puts `text` into the field (a path parameter's name is fixed). */
export function setRowText(ref: ParamRowRef, field: ParamField, text: string): ComposerAction | undefined {
  if (ref.kind === 'path') return field === 'value' ? { type: 'setPathParam', name: ref.name, value: text } : undefined;
  return field === 'key' ? { type: 'updateQueryRow', index: ref.index, key: text } : { type: 'updateQueryRow', index: ref.index, value: text };
}

/** The operation's parameter a row stands for. */
export function rowParam(state: ComposerState, ref: ParamRowRef): ParamShape | undefined {
  return ref.kind === 'path' ? paramOf(state, ref.name, 'path') : paramOf(state, rowText(state, ref, 'key').trim());
}

/** A path row is always required; a query row when its name is a required parameter. */
export function rowRequired(state: ComposerState, ref: ParamRowRef): boolean {
  return ref.kind === 'path' || rowParam(state, ref)?.required === true;
}

/** Where the cursor goes on entering a row: the value, unless the name is still to be typed. */
export function entryField(state: ComposerState, ref: ParamRowRef): ParamField {
  return ref.kind === 'query' && rowText(state, ref, 'key').trim() === '' ? 'key' : 'value';
}

/**
 * Completions for the field being typed in. Nothing while the field is
 * empty (the hint line lists the choices instead, so ↓ still moves rows),
 * nor when the only match is what is already there.
 */
export function rowSuggestions(state: ComposerState, ref: ParamRowRef, field: ParamField): Suggestion[] {
  const typed = rowText(state, ref, field);
  if (typed.trim() === '' || !state.operation) return [];
  let list: Suggestion[];
  if (field === 'key') {
    if (ref.kind === 'path') return [];
    const used = state.queryRows.filter((_, i) => i !== ref.index).map((r) => r.key.trim());
    list = suggestParamNames(state.operation.params, typed, used);
  } else {
    const param = rowParam(state, ref);
    const key = rowText(state, ref, 'key').trim();
    const used = ref.kind === 'query' ? state.queryRows.filter((r, i) => i !== ref.index && r.key.trim() === key).map((r) => r.value) : [];
    list = suggestParamValues(param, typed, used);
  }
  const only = list[0];
  return list.length === 1 && only?.value === typed ? [] : list;
}

/** One muted line about the focused row: the parameter's type, description and choices. */
export function rowHint(state: ComposerState, ref: ParamRowRef): string {
  const param = rowParam(state, ref);
  if (!param) {
    if (ref.kind === 'query' && rowText(state, ref, 'key').trim() === '' && state.operation) {
      const names = suggestParamNames(state.operation.params, '', state.queryRows.map((r) => r.key.trim()));
      return names.length > 0 ? `parameters: ${names.map((n) => n.value).join(', ')}` : '';
    }
    return ref.kind === 'query' && state.operation ? 'not a parameter of this operation' : '';
  }
  return paramHint(param);
}

/** A parameter in one line: name, type, whether required, description and choices. */
export function paramHint(param: ParamShape): string {
  const type = param.array ? `${param.type}[], repeatable` : param.type;
  const closed = closedValuesOf(param);
  return [
    `${param.name} (${type}${param.required ? ', required' : ''})`,
    param.description ? `: ${param.description}` : '',
    closed ? ` — one of ${closed.join(' | ')}` : '',
  ].join('');
}
