// The visible window of a response document: exactly `height` rows, each cut
// to the width (never wrapped), coloured by token, with search matches
// marked and a one-column scrollbar. Only the rows on screen are laid out,
// which is what keeps a 10 MB response as quick to scroll as a small one.
import { memo } from 'react';
import { Box, Text } from 'ink';
import type { JsonDocument } from '../../core/jsonView/jsonDocument.js';
import { isFolded, visibleLines, type FoldState } from '../../core/jsonView/foldState.js';
import { clipSegments, highlightSegments, lineSegments, searchPattern, skipSegments, type Segment, type TokenKind } from '../../core/jsonView/lineSegments.js';
import { scrollbarThumb } from '../../core/jsonView/viewportText.js';
import { color, type Role } from '../theme.js';

export interface JsonViewProps {
  document: JsonDocument;
  folds: FoldState;
  /** visible row at the top of the window */
  top: number;
  height: number;
  /** columns, the scrollbar included */
  width: number;
  /** search query whose matches are highlighted */
  query?: string;
  /** document line of the current match */
  currentMatch?: number;
  /** the cursor line as a visible row (drawn while the pane has focus) */
  cursor?: number;
  /** columns scrolled sideways */
  left?: number;
}

const TOKEN_ROLES: Partial<Record<TokenKind, Role>> = {
  key: 'key',
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
  summary: 'muted',
  note: 'muted',
};

function Token({ segment, current }: { segment: Segment; current: boolean }) {
  const role = segment.match ? 'match' : TOKEN_ROLES[segment.kind];
  const c = role ? color(role) : undefined;
  // Emphasis only with colour: NO_COLOR output carries no escape codes at all.
  const emphasis = segment.match && color('match') !== undefined;
  return (
    <Text color={c} bold={emphasis} inverse={emphasis && current}>
      {segment.text}
    </Text>
  );
}

function Row({ segments, current, cursor }: { segments: Segment[]; current: boolean; cursor: boolean }) {
  if (segments.length === 0) return <Text> </Text>;
  return (
    // The cursor line is underlined: visible on every terminal without hiding the colours.
    <Text wrap="truncate" underline={cursor && color('accent') !== undefined}>
      {segments.map((s, k) => (s.text ? <Token key={k} segment={s} current={current} /> : null))}
    </Text>
  );
}

function JsonViewImpl({ document, folds, top, height, width, query, currentMatch, cursor, left = 0 }: JsonViewProps) {
  const rows = Math.max(0, height);
  const textWidth = Math.max(1, width - 1);
  // Cut long values well past the width so Ink's truncation still shows "…".
  const maxChars = left + textWidth * 2 + 2;
  const pattern = searchPattern(query);
  const lines = visibleLines(document, folds, top, rows);
  const thumb = scrollbarThumb(top, folds.visibleCount, rows);
  const bar: string[] = [];
  for (let r = 0; r < rows; r++) {
    // The cursor's row is marked in the bar too, so it shows without colour.
    bar.push(cursor === top + r ? '◂' : !thumb ? ' ' : r >= thumb.start && r < thumb.start + thumb.size ? '┃' : '│');
  }
  const blank: number[] = [];
  for (let r = lines.length; r < rows; r++) blank.push(r);
  return (
    <Box flexDirection="row" width={width} height={rows}>
      <Box flexDirection="column" width={textWidth}>
        {lines.map((line, r) => {
          const segments = clipSegments(lineSegments(document, line, isFolded(folds, line), maxChars), maxChars);
          return <Row key={r} segments={skipSegments(highlightSegments(segments, pattern), left)} current={line === currentMatch} cursor={cursor === top + r} />;
        })}
        {blank.map((r) => (
          <Text key={r}> </Text>
        ))}
      </Box>
      <Box flexDirection="column" width={1}>
        {bar.map((ch, r) => (
          <Text key={r} color={color(ch === '│' ? 'muted' : 'accent')}>
            {ch}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

/** Memoised: the pane re-renders on every key, the window only when its inputs change. */
export const JsonView = memo(JsonViewImpl);
