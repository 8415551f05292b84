// Path parameters, then query rows as `key = value`, with completion of
// parameter names and enum values from the operation. Keys: ↑/↓ move between
// rows; when suggestions show, ↓ enters them and Enter accepts; Enter or `=`
// goes from name to value; Ctrl+N adds a row, Ctrl+D removes one.
import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { type ComposerAction, type ComposerState, composerReducer } from '../../core/composer/composerState.js';
import { editLine } from '../../core/composer/lineEdit.js';
import { lineAction } from '../components/LineInput.js';
import {
  entryField,
  paramHint,
  paramRows,
  rowHint,
  rowParam,
  rowRequired,
  rowSuggestions,
  rowText,
  setRowText,
  type ParamField,
  type ParamRowRef,
} from '../../core/composer/paramRows.js';
import { scrollIntoView } from '../../core/composer/viewport.js';
import { firstInputRow, indicatorPaste } from '../../core/composer/entryPoint.js';
import { closedValuesOf } from '../../core/composer/suggestions.js';
import type { EditResult } from '../../core/editor/externalEditor.js';
import { KeyValueRow } from '../components/KeyValueRow.js';
import { SuggestionList } from '../components/SuggestionList.js';
import { keyLabel, matches, textOf } from '../keys/keymap.js';
import { color } from '../theme.js';
import { PaneFrame } from '../components/PaneFrame.js';

export interface ParamsPaneProps {
  state: ComposerState;
  dispatch: (action: ComposerAction) => void;
  focused: boolean;
  /** the whole pane, border included */
  width: number;
  /** the whole pane, border included; rows scroll when they do not fit */
  height?: number;
  /** the text as edited in $VISUAL / $EDITOR (the shell hands the terminal over) */
  editExternally?: (text: string, suffix: string) => EditResult;
}

interface Cursor {
  row: number;
  field: ParamField;
  pos: number;
  /** highlighted suggestion, -1 while typing in the field */
  pick: number;
}

const MAX_SUGGESTIONS = 5;
const label = keyLabel;


/** The cursor made valid for the rows there are now (rows can change from outside). */
function clampCursor(c: Cursor, state: ComposerState, rows: ParamRowRef[]): Cursor {
  const row = Math.min(Math.max(c.row, 0), Math.max(0, rows.length - 1));
  const ref = rows[row];
  if (!ref) return { row: 0, field: 'key', pos: 0, pick: -1 };
  const field = ref.kind === 'path' ? 'value' : c.field;
  return { row, field, pos: Math.min(c.pos, rowText(state, ref, field).length), pick: c.pick };
}

/** Entering a row puts the cursor at the end of the field it enters. */
function enter(state: ComposerState, rows: ParamRowRef[], row: number, field?: ParamField, pos?: number): Cursor {
  const ref = rows[row];
  if (!ref) return { row: 0, field: 'key', pos: 0, pick: -1 };
  const f = ref.kind === 'path' ? 'value' : (field ?? entryField(state, ref));
  return { row, field: f, pos: pos ?? rowText(state, ref, f).length, pick: -1 };
}

export function ParamsPane({ state, dispatch, focused, width, height, editExternally }: ParamsPaneProps): React.JSX.Element {
  // Refs, so that keys arriving in one burst each see the previous key's result.
  const live = useRef(state);
  live.current = state;
  const cursor = useRef<Cursor>({ row: 0, field: 'key', pos: 0, pick: -1 });
  const [, setVersion] = useState(0);
  const layout = useRef('');
  const top = useRef(0);

  // A new operation or path lays the rows out afresh: start on the first one.
  const layoutKey = `${state.operation?.operationId ?? ''} ${state.pathTemplate}`;
  if (layout.current !== layoutKey) {
    layout.current = layoutKey;
    cursor.current = enter(state, paramRows(state), firstInputRow(state));
  }

  const apply = (action: ComposerAction | undefined): void => {
    if (!action) return;
    live.current = composerReducer(live.current, action);
    dispatch(action);
  };
  const move = (next: Cursor): true => {
    cursor.current = next;
    setVersion((v) => v + 1);
    return true;
  };

  useKeypress(
    (key) => {
      const s = live.current;
      const rows = paramRows(s);
      const c = clampCursor(cursor.current, s, rows);
      const pathCount = rows.filter((r) => r.kind === 'path').length;
      const ref = rows[c.row];

      if (matches('query.addRow', key)) {
        const after = ref?.kind === 'query' ? ref.index : s.queryRows.length - 1;
        apply({ type: 'addQueryRow', after });
        move({ row: pathCount + after + 1, field: 'key', pos: 0, pick: -1 });
        return true;
      }
      if (matches('query.removeRow', key)) {
        if (ref?.kind !== 'query') return true;
        apply({ type: 'removeQueryRow', index: ref.index });
        const after = paramRows(live.current);
        move(enter(live.current, after, Math.min(c.row, after.length - 1)));
        return true;
      }
      if (!ref) return false;
      if (editExternally && matches('params.editor', key)) {
        // A long value (a filter, a list of ids) in the editor; one line back, the final newline dropped.
        const result = editExternally(rowText(s, ref, 'value'), '.txt');
        if (result.ok) {
          const value = result.text.replace(/\r?\n$/, '').replace(/\r?\n/g, ' ');
          apply(setRowText(ref, 'value', value));
          return move({ ...c, field: 'value', pos: value.length, pick: -1 });
        }
        return true;
      }

      // The first suggestion is highlighted as soon as any show: Enter takes the highlighted one.
      const suggestions = rowSuggestions(s, ref, c.field);
      if (suggestions.length > 0) {
        const pick = Math.max(c.pick, 0);
        if (matches('params.down', key)) return move({ ...c, pick: Math.min(pick + 1, suggestions.length - 1) });
        if (matches('params.up', key) && pick > 0) return move({ ...c, pick: pick - 1 });
        const chosen = suggestions[pick];
        if (matches('params.next', key) && chosen) {
          apply(setRowText(ref, c.field, chosen.value));
          // A chosen name moves on to its value; a chosen value stays put.
          return move(c.field === 'key' ? enter(live.current, rows, c.row, 'value') : { ...c, pos: chosen.value.length, pick: -1 });
        }
      }
      if (matches('params.down', key)) return move(enter(s, rows, Math.min(c.row + 1, rows.length - 1)));
      if (matches('params.up', key)) return move(enter(s, rows, Math.max(c.row - 1, 0)));

      // A value with fixed choices is chosen with ←/→, not typed.
      const choices = c.field === 'value' ? closedValuesOf(rowParam(s, ref)) : undefined;
      if (choices && matches('params.cycle', key)) {
        const now = choices.indexOf(rowText(s, ref, 'value'));
        const delta = key.name === 'left' ? -1 : 1;
        const value = choices[now < 0 ? (delta > 0 ? 0 : choices.length - 1) : (now + delta + choices.length) % choices.length] ?? '';
        apply(setRowText(ref, 'value', value));
        return move({ ...c, pos: value.length, pick: -1 });
      }
      // A pasted indicator on an indicator lookup fills `type` and `value` together.
      if (key.paste && c.field === 'value') {
        const filled = indicatorPaste(s, key.text);
        if (filled) {
          for (const a of filled) apply(a);
          const after = paramRows(live.current);
          const at = after.findIndex((r) => r.kind === 'query' && live.current.queryRows[r.index]?.key.trim() === 'value');
          return move(enter(live.current, after, Math.max(at, 0), 'value'));
        }
      }

      const text = rowText(s, ref, c.field);
      if (matches('params.next', key)) {
        if (c.field === 'key') return move(enter(s, rows, c.row, 'value'));
        if (c.row < rows.length - 1) return move(enter(s, rows, c.row + 1));
        return true;
      }
      // `=` in a name moves to the value, so typing or pasting `limit=5` fills both.
      const input = textOf(key) ?? '';
      const eq = input.indexOf('=');
      if (ref.kind === 'query' && c.field === 'key' && eq >= 0) {
        const named = editLine({ text, cursor: c.pos }, { type: 'insert', text: input.slice(0, eq) });
        if (named.text !== text) apply(setRowText(ref, 'key', named.text));
        const atValue = enter(live.current, rows, c.row, 'value');
        const valued = editLine({ text: rowText(live.current, ref, 'value'), cursor: atValue.pos }, { type: 'insert', text: input.slice(eq + 1) });
        if (valued.cursor !== atValue.pos) apply(setRowText(ref, 'value', valued.text));
        return move({ ...atValue, pos: valued.cursor });
      }
      if (ref.kind === 'query' && c.field === 'value' && matches('edit.left', key) && c.pos === 0) return move(enter(s, rows, c.row, 'key'));
      if (ref.kind === 'query' && c.field === 'key' && matches('edit.right', key) && c.pos >= text.length) return move(enter(s, rows, c.row, 'value', 0));

      if (matches('edit.clearLine', key)) {
        apply(setRowText(ref, c.field, ''));
        return move({ ...c, pos: 0, pick: -1 });
      }
      const action = lineAction(key);
      if (!action) return false;
      const next = editLine({ text, cursor: c.pos }, action);
      if (next.text !== text) apply(setRowText(ref, c.field, next.text));
      return move({ ...c, pos: next.cursor, pick: -1 });
    },
    { isActive: focused },
  );

  const rows = paramRows(state);
  const c = clampCursor(cursor.current, state, rows);
  const focusedRef = rows[c.row];
  const inner = Math.max(10, width - 2);
  const keyWidth = Math.min(Math.max(6, ...rows.map((r) => (r.kind === 'path' ? r.name.length + 2 : rowText(state, r, 'key').length + 1))), Math.floor(inner * 0.4));
  const suggestions = focused && focusedRef ? rowSuggestions(state, focusedRef, c.field) : [];
  const shownSuggestions = Math.min(MAX_SUGGESTIONS, suggestions.length);
  // border, title, hint and help lines, and the open suggestion list
  const room = height === undefined ? rows.length : Math.max(1, height - 5 - shownSuggestions);
  top.current = scrollIntoView(top.current, c.row, room, rows.length);
  const visible = rows.slice(top.current, top.current + room);

  const focusedChoices = focusedRef && c.field === 'value' ? closedValuesOf(rowParam(state, focusedRef)) : undefined;
  const help =
    suggestions.length > 0
      ? '↑/↓ choose · Enter takes the highlighted one · typing goes on editing'
      : focusedChoices
        ? `${label('params.cycle')} choose a value · ↑/↓ rows · ${label('query.addRow')} add · ${label('query.removeRow')} remove`
        : `↑/↓ rows · Enter or = to the value · ${label('query.addRow')} add · ${label('query.removeRow')} remove`;
  const pathCount = rows.filter((r) => r.kind === 'path').length;
  // While a name is being completed, describe the suggestion rather than the half-typed name.
  const suggested = c.field === 'key' ? suggestions[Math.max(c.pick, 0)] : undefined;
  const suggestedParam = suggested && state.operation?.params.find((p) => p.in === 'query' && p.name === suggested.value);
  const about = suggestedParam ? paramHint(suggestedParam) : focusedRef ? rowHint(state, focusedRef) : '';

  // The operation's optional query parameters, named so the user knows what can be added.
  const optionalNames = (state.operation?.params ?? []).filter((p) => p.in === 'query' && !p.required).map((p) => p.name);
  return (
    <PaneFrame focused={focused} width={width} height={height}>
      <Text wrap="truncate">
        <Text bold={focused} color={focused ? color('accent') : undefined}>
          {focused ? '› ' : '  '}Parameters
        </Text>
        <Text color={color('muted')}>
          {' '}
          {pathCount} path · {state.queryRows.length} query
        </Text>
      </Text>
      {rows.length === 0 && (
        <Text color={color('muted')} wrap="truncate">
          {optionalNames.length
            ? `  optional: ${optionalNames.join(', ')} — ${label('query.addRow')} adds a row, then type a name`
            : `  no parameters: ${label('query.addRow')} adds a query row`}
        </Text>
      )}
      {visible.map((ref, i) => {
        const index = top.current + i;
        const here = focused && index === c.row;
        return (
          <Box key={ref.kind === 'path' ? `p-${ref.name}` : `q-${ref.index}`} flexDirection="column">
            <KeyValueRow
              keyText={ref.kind === 'path' ? `{${ref.name}}` : rowText(state, ref, 'key')}
              value={rowText(state, ref, 'value')}
              keyWidth={keyWidth}
              width={inner}
              required={rowRequired(state, ref)}
              selected={here}
              editing={here ? c.field : undefined}
              cursor={here ? c.pos : undefined}
              fixedKey={ref.kind === 'path'}
            />
            {here && suggestions.length > 0 && (
              <SuggestionList
                items={suggestions}
                selected={Math.max(c.pick, 0)}
                width={inner}
                maxItems={MAX_SUGGESTIONS}
                indent={c.field === 'key' ? 3 : 3 + keyWidth + 3}
              />
            )}
          </Box>
        );
      })}
      <Text color={color('muted')} wrap="truncate">
        {about || ' '}
      </Text>
      <Text color={color('muted')} wrap="truncate">
        {focused ? help : ' '}
      </Text>
    </PaneFrame>
  );
}
