// The containment review in the shell: the same table the command line
// prints (format.ts), with a cursor and selection marks, windowed to fit.
import React from 'react';
import { Text } from 'ink';
import type { Review } from '../../core/wizards/containment/types.js';
import { problemLines, reviewTable } from '../../core/wizards/containment/format.js';
import { color } from '../theme.js';

export function ReviewTable({ review, cursor, height }: { review: Review; cursor: number; height: number }): React.JSX.Element {
  const [header = '', ...lines] = reviewTable(review, 'screen').trimEnd().split('\n');
  const rows = Math.max(1, height - 2);
  const first = Math.max(0, Math.min(cursor - Math.floor(rows / 2), review.rows.length - rows));
  return (
    <>
      <Text bold wrap="truncate">
        {'     '}
        {header}
      </Text>
      {lines.slice(first, first + rows).map((line, i) => {
        const row = review.rows[first + i];
        const active = first + i === cursor;
        return (
          <Text key={row?.host.deviceId ?? i} wrap="truncate" color={active ? color('accent') : row?.plan === 'act' ? undefined : color('muted')}>
            {active ? '▸ ' : '  '}[{row?.selected ? 'x' : ' '}]{line}
          </Text>
        );
      })}
      {problemLines(review).map((line, i) => (
        <Text key={i} color={color('warn')} wrap="truncate">
          {line}
        </Text>
      ))}
      <Text color={color('muted')}>
        {review.rows.filter((r) => r.selected).length} selected of {review.rows.length}
      </Text>
    </>
  );
}
