// One row under a paged response: where this page sits in the whole result
// ("items 101-200 of 5,312") with the paging keys that apply, or, while
// every page is being fetched, a progress bar with items, rate and file.
import { Text } from 'ink';
import { fetchAllText, pagingHints, pagingText, progressBar, type FetchAllProgress, type PagingInfo } from '../../core/jsonView/pagingInfo.js';
import { truncate } from '../../core/jsonView/responseSummary.js';
import { color } from '../theme.js';

export interface PagingBarProps {
  paging?: PagingInfo;
  fetchAll?: FetchAllProgress;
  width: number;
}

/** Rows the bar takes: the pane subtracts it from the JSON view. */
export function pagingBarRows(props: Pick<PagingBarProps, 'paging' | 'fetchAll'>): number {
  return props.paging || props.fetchAll ? 1 : 0;
}

export function PagingBar({ paging, fetchAll, width }: PagingBarProps) {
  if (fetchAll) {
    const f = fetchAllText(fetchAll);
    if (f.state !== 'running') {
      return (
        <Text wrap="truncate" color={color(f.state === 'done' ? 'ok' : 'error')}>
          {truncate(f.text, width)}
        </Text>
      );
    }
    const label = 'fetching all ';
    const barWidth = f.fraction === undefined ? 0 : Math.max(5, Math.min(30, width - label.length - f.text.length - 2));
    const bar = f.fraction === undefined ? '' : `${progressBar(f.fraction, barWidth)} `;
    return (
      <Text wrap="truncate">
        <Text color={color('accent')}>{label}</Text>
        <Text color={color('accent')}>{bar}</Text>
        <Text>{truncate(f.text, Math.max(0, width - label.length - bar.length))}</Text>
      </Text>
    );
  }
  if (!paging) return null;
  const where = pagingText(paging);
  const hints = pagingHints(paging);
  const gap = hints && where.length + 3 + hints.length <= width ? '   ' : '';
  return (
    <Text wrap="truncate">
      <Text color={color('accent')}>{truncate(where, width)}</Text>
      {gap ? <Text color={color('muted')}>{`${gap}${hints}`}</Text> : null}
    </Text>
  );
}
