// Where typing starts on a freshly picked operation, and the indicator
// shortcut: on an operation that takes an indicator as `type` and `value`, a
// pasted sha256, md5, IP address or domain fills both at once.
import { classifyIndicator } from '../wizards/hashSearch/indicator.js';
import type { ComposerAction, ComposerState } from './composerState.js';
import { paramOf } from './composerState.js';
import { paramRows, rowParam, rowText } from './paramRows.js';
import { closedValuesOf } from './suggestions.js';

/**
 * The row a user types into first: the first empty required row whose value
 * is free text (a closed set is chosen, not typed), else the first empty
 * row, else the first row.
 */
export function firstInputRow(state: ComposerState): number {
  const rows = paramRows(state);
  const empty = (i: number): boolean => {
    const ref = rows[i];
    return ref !== undefined && rowText(state, ref, 'value') === '';
  };
  const free = rows.findIndex((ref, i) => empty(i) && (ref.kind === 'path' || rowParam(state, ref)?.required === true) && !closedValuesOf(rowParam(state, ref)));
  if (free >= 0) return free;
  const blank = rows.findIndex((_, i) => empty(i));
  return blank >= 0 ? blank : 0;
}

/**
 * The actions that put a pasted indicator into `type` and `value`, when the
 * operation takes both and lists the indicator's type; undefined otherwise.
 */
export function indicatorPaste(state: ComposerState, text: string): ComposerAction[] | undefined {
  const typeParam = paramOf(state, 'type');
  if (!typeParam?.enum || !paramOf(state, 'value')) return undefined;
  const found = classifyIndicator(text);
  if (!found.ok || !typeParam.enum.includes(found.indicator.type)) return undefined;
  const actions: ComposerAction[] = [];
  for (const [key, value] of [
    ['type', found.indicator.type],
    ['value', found.indicator.value],
  ] as const) {
    const index = state.queryRows.findIndex((r) => r.key.trim() === key);
    actions.push(index >= 0 ? { type: 'updateQueryRow', index, value } : { type: 'addQueryRow', key, value });
  }
  return actions;
}
