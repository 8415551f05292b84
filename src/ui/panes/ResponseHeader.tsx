// The response pane's top rows: the status line (status, which request and
// profile it answers, duration, size, trace id) and, under it, the jq filter
// running or shown.
import { Text } from 'ink';
import type { ApiResponse } from '../../core/http/types.js';
import type { ResponseLabel } from '../../core/shell/shellState.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import { formatCount, responseHeader, truncate } from '../../core/jsonView/responseSummary.js';
import { keyLabel } from '../keys/keymap.js';
import { color, statusRole } from '../theme.js';

export interface ResponseHeaderProps {
  response?: ApiResponse;
  label?: ResponseLabel;
  /** the filter shown (the jq result on screen) */
  jqFilter?: string;
  /** the filter running in the jq worker */
  pending?: string;
  width: number;
}

/** The rows ResponseHeader draws. */
export function responseHeaderRows({ response, jqFilter, pending }: Pick<ResponseHeaderProps, 'response' | 'jqFilter' | 'pending'>): number {
  return (response ? 1 : 0) + (jqFilter !== undefined || pending ? 1 : 0);
}

function StatusLine({ response, label, width }: { response: ApiResponse; label?: ResponseLabel; width: number }) {
  const h = responseHeader(response);
  // Which request and profile this answers, so an answer never passes for another's.
  // The path and profile come from outside (history, a profile file): shown inert; a long profile name is cut.
  const what = label ? ` ${label.method} ${terminalSafe(label.path)} · ${truncate(terminalSafe(label.profile), 24)}` : '';
  const used = h.status.length + what.length;
  return (
    <Text wrap="truncate">
      <Text color={color(statusRole(response.status))}>{truncate(h.status, width)}</Text>
      <Text bold>{truncate(what, Math.max(0, width - h.status.length))}</Text>
      <Text color={color('muted')}>{truncate(` · ${h.details}`, Math.max(0, width - used))}</Text>
    </Text>
  );
}

export function ResponseHeader({ response, label, jqFilter, pending, width }: ResponseHeaderProps) {
  return (
    <>
      {response ? <StatusLine response={response} label={label} width={width} /> : null}
      {pending !== undefined ? (
        <Text wrap="truncate" color={color('accent')}>
          {truncate(`jq: filtering ${response ? formatCount(response.size) : 0} bytes through ${terminalSafe(pending)}… (${keyLabel('prompt.close')} cancels)`, width)}
        </Text>
      ) : jqFilter !== undefined ? (
        <Text wrap="truncate" color={color('accent')}>
          {truncate(`jq ${terminalSafe(jqFilter)} (| edits, an empty filter shows the response)`, width)}
        </Text>
      ) : null}
    </>
  );
}
