// A host that keeps the composer state in a reducer and reports every new
// state, for the composer pane tests.
import React, { useReducer } from 'react';
import { composerReducer, type ComposerAction, type ComposerState } from '../../src/core/composer/composerState.js';

export interface PaneProps {
  state: ComposerState;
  dispatch: (action: ComposerAction) => void;
}

/** Renders a pane over live composer state and reports every new state. */
export function ComposerHost({
  initial,
  pane,
  onState,
}: {
  initial: ComposerState;
  pane: (props: PaneProps) => React.JSX.Element;
  onState: (state: ComposerState) => void;
}): React.JSX.Element {
  const [state, dispatch] = useReducer(composerReducer, initial);
  // Reported while rendering, so it is current by the time the frame shows it.
  onState(state);
  return pane({ state, dispatch });
}
