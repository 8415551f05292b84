// The HTTP method: the five the composer offers in a row, the current one
// highlighted; ←/→ (and Space) change it while the pane has focus.
import React from 'react';
import { Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { COMPOSER_METHODS, type ComposerAction, type ComposerState } from '../../core/composer/composerState.js';
import { matches } from '../keys/keymap.js';
import { color } from '../theme.js';
import { PaneFrame } from '../components/PaneFrame.js';

export interface MethodPaneProps {
  state: ComposerState;
  dispatch: (action: ComposerAction) => void;
  focused: boolean;
  /** the whole pane, border included */
  width: number;
  /** the methods the catalog has for the path, when it knows the path */
  pathMethods?: readonly string[];
}

export function MethodPane({ state, dispatch, focused, width, pathMethods }: MethodPaneProps): React.JSX.Element {
  useKeypress(
    (key) => {
      // Relative actions, so a burst of keys cannot act on a stale method.
      if (matches('method.next', key)) dispatch({ type: 'cycleMethod', delta: 1 });
      else if (matches('method.previous', key)) dispatch({ type: 'cycleMethod', delta: -1 });
      else return false;
      return true;
    },
    { isActive: focused },
  );
  // A replayed HEAD or OPTIONS is shown too, although the arrows skip it.
  const methods = COMPOSER_METHODS.includes(state.method) ? COMPOSER_METHODS : [...COMPOSER_METHODS, state.method];
  // The title and the key hint give way first when the row is narrow.
  const needed = methods.reduce((n, m) => n + m.length + 2, 0);
  const room = width - 2 - 2 - needed;
  const title = room >= 'Method '.length ? 'Method ' : '';
  const hint = focused && room - title.length >= ' ←/→'.length;
  return (
    <PaneFrame focused={focused} width={width} direction="row">
      <Text wrap="truncate">
        <Text bold={focused} color={focused ? color('accent') : undefined}>
          {focused ? '› ' : '  '}
          {title}
        </Text>
        {methods.map((m) =>
          m === state.method ? (
            // Brackets as well as inverse, so the choice shows on a monochrome terminal.
            <Text key={m} inverse bold color={color('method')}>
              {`[${m}]`}
            </Text>
          ) : (
            <Text key={m} color={color('muted')}>{` ${m} `}</Text>
          ),
        )}
        {hint && <Text color={color('muted')}> ←/→</Text>}
        {pathMethods && pathMethods.length > 0 && !pathMethods.includes(state.method) && (
          <Text color={color('warn')}>
            {'  '}
            {state.method} is not an operation of this path (it has {pathMethods.join(', ')})
          </Text>
        )}
      </Text>
    </PaneFrame>
  );
}
