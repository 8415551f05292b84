// Completions under a field: a short window of suggestions with the picked
// one highlighted and each one's note in muted text.
import React from 'react';
import { Box, Text } from 'ink';
import type { Suggestion } from '../../core/composer/suggestions.js';
import { scrollIntoView } from '../../core/composer/viewport.js';
import { color } from '../theme.js';

export interface SuggestionListProps {
  items: readonly Suggestion[];
  /** the highlighted item, or -1 while the cursor is still in the field */
  selected: number;
  width: number;
  /** most rows shown; the window follows the selection */
  maxItems?: number;
  /** columns left blank before each item, to line up under the field */
  indent?: number;
}

export function SuggestionList({ items, selected, width, maxItems = 5, indent = 0 }: SuggestionListProps): React.JSX.Element {
  const size = Math.max(1, maxItems);
  const top = scrollIntoView(0, Math.max(0, selected), size, items.length);
  const shown = items.slice(top, top + size);
  const hidden = items.length - shown.length;
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((s, i) => {
        const picked = top + i === selected;
        return (
          <Text key={s.value} wrap="truncate">
            {' '.repeat(indent)}
            <Text inverse={picked} color={picked ? color('accent') : undefined}>
              {picked ? '▸' : ' '}
              {s.value}
            </Text>
            {s.detail && <Text color={color('muted')}> {s.detail}</Text>}
            {i === shown.length - 1 && hidden > 0 && <Text color={color('muted')}> (+{hidden})</Text>}
          </Text>
        );
      })}
    </Box>
  );
}
