// The request body: a JSON editor prefilled with the operation's skeleton,
// checked as you type, with the first problem's line and column below it.
import React, { useRef, useState } from 'react';
import { useKeypress } from '../keys/KeypressProvider.js';
import { keyLabel, matches } from '../keys/keymap.js';
import { bodyEditProblem, type EditResult } from '../../core/editor/externalEditor.js';
import { Text } from 'ink';
import { bodyProblem, methodTakesBody, type ComposerAction, type ComposerState } from '../../core/composer/composerState.js';
import { TextArea } from '../components/TextArea.js';
import { color } from '../theme.js';
import { PaneFrame } from '../components/PaneFrame.js';

export interface BodyPaneProps {
  state: ComposerState;
  dispatch: (action: ComposerAction) => void;
  focused: boolean;
  /** the whole pane, border included */
  width: number;
  /** the whole pane, border included; at least 5 */
  height: number;
  /** the text as edited in $VISUAL / $EDITOR (the shell hands the terminal over) */
  editExternally?: (text: string, suffix: string) => EditResult;
}

function Status({ state }: { state: ComposerState }): React.JSX.Element {
  const problem = bodyProblem(state);
  if (problem) {
    return (
      <Text color={color('error')} wrap="truncate">
        line {problem.line}, column {problem.column}: {problem.message}
      </Text>
    );
  }
  if (state.bodyText.trim() === '') {
    const note = methodTakesBody(state.method) ? 'empty body: none is sent' : `${state.method} sends no body`;
    return (
      <Text color={color('muted')} wrap="truncate">
        {note}
      </Text>
    );
  }
  if (!methodTakesBody(state.method)) {
    return (
      <Text color={color('warn')} wrap="truncate">
        JSON ok, but a {state.method} request carries no body
      </Text>
    );
  }
  return <Text color={color('ok')}>JSON ok</Text>;
}

export function BodyPane({ state, dispatch, focused, width, height, editExternally }: BodyPaneProps): React.JSX.Element {
  const inner = Math.max(1, width - 2);
  const live = useRef(state.bodyText);
  live.current = state.bodyText;
  // What the editor said about the text it gave back, while the body is still that text.
  const [note, setNote] = useState<{ text: string; message: string; error: boolean }>();
  useKeypress(
    (key) => {
      if (!editExternally || !matches('body.editor', key)) return false;
      const result = editExternally(live.current, '.json');
      if (!result.ok) {
        setNote({ text: live.current, message: result.message, error: true });
        return true;
      }
      live.current = result.text;
      dispatch({ type: 'setBody', text: result.text });
      const problem = bodyEditProblem(result.text);
      setNote({ text: result.text, message: problem ?? 'Read back from the editor: JSON ok.', error: problem !== undefined });
      return true;
    },
    { isActive: focused },
  );
  const shownNote = note && note.text === state.bodyText ? note : undefined;
  const problem = bodyProblem(state);
  return (
    <PaneFrame focused={focused} width={width} height={Math.max(5, height)}>
      <Text bold={focused} color={focused ? color('accent') : undefined} wrap="truncate">
        {focused ? '› ' : '  '}Body
        {focused && editExternally ? <Text color={color('muted')}> · {keyLabel('body.editor')} opens $EDITOR</Text> : null}
      </Text>
      <TextArea
        value={state.bodyText}
        onChange={(text) => dispatch({ type: 'setBody', text })}
        focused={focused}
        width={inner}
        height={Math.max(1, height - 4)}
        errorLine={problem && state.bodyText.trim() !== '' ? problem.line : undefined}
      />
      {shownNote ? (
        <Text color={color(shownNote.error ? 'error' : 'ok')} wrap="truncate">
          {shownNote.message}
        </Text>
      ) : (
        <Status state={state} />
      )}
    </PaneFrame>
  );
}
