// The request body: a JSON editor prefilled with the operation's skeleton,
// checked as you type, with the first problem's line and column below it.
import React from 'react';
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

export function BodyPane({ state, dispatch, focused, width, height }: BodyPaneProps): React.JSX.Element {
  const inner = Math.max(1, width - 2);
  const problem = bodyProblem(state);
  return (
    <PaneFrame focused={focused} width={width} height={Math.max(5, height)}>
      <Text bold={focused} color={focused ? color('accent') : undefined} wrap="truncate">
        {focused ? '› ' : '  '}Body
      </Text>
      <TextArea
        value={state.bodyText}
        onChange={(text) => dispatch({ type: 'setBody', text })}
        focused={focused}
        width={inner}
        height={Math.max(1, height - 4)}
        errorLine={problem && state.bodyText.trim() !== '' ? problem.line : undefined}
      />
      <Status state={state} />
    </PaneFrame>
  );
}
