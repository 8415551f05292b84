// The response pane's bottom line: the open prompt (search, write, jq), else
// its message (up to two rows), else the keys of the view shown or, in the
// JSON view, the search and how far down the window is.
import { Box, Text } from 'ink';
import { formatCount, truncate } from '../../core/jsonView/responseSummary.js';
import { scrollPercent } from '../../core/jsonView/viewerState.js';
import { footerText } from '../../core/jsonView/viewportText.js';
import { LineInput } from '../components/LineInput.js';
import type { JsonViewport } from '../hooks/useJsonViewport.js';
import { color, type Role } from '../theme.js';
import type { useResponseExtras } from './useResponseExtras.js';
import type { Prompt, PromptField } from './useResponsePrompt.js';
import type { KeyEvent } from '../keys/parseKeys.js';

export interface ResponseFooterProps {
  prompt?: Prompt;
  onPromptChange(value: string): void;
  onPromptSubmit(value: string): void;
  onPromptKey(key: KeyEvent, field: PromptField): boolean;
  /** the message's role and its lines, already fitted and made terminal-safe */
  message?: { role: Role; lines: readonly string[] };
  extras: ReturnType<typeof useResponseExtras>;
  view: JsonViewport;
  /** the JSON window's rows */
  viewHeight: number;
  width: number;
  focused: boolean;
}

export function ResponseFooter({ prompt, onPromptChange, onPromptSubmit, onPromptKey, message, extras, view, viewHeight, width, focused }: ResponseFooterProps) {
  if (prompt) {
    const label = prompt.kind === 'search' ? '/' : prompt.kind === 'jq' ? 'jq: ' : 'write to: ';
    return (
      <Box width={width} height={1} overflow="hidden">
        <Text color={color('accent')}>{label}</Text>
        <LineInput value={prompt.value} onChange={onPromptChange} onSubmit={onPromptSubmit} onOtherKey={onPromptKey} focus={focused} />
      </Box>
    );
  }
  if (message) {
    return message.lines.map((line, i) => (
      <Text key={i} wrap="truncate" color={color(message.role)}>
        {line}
      </Text>
    ));
  }
  const { mode } = extras;
  if (mode === 'headers' || mode === 'value') return <Text color={color('muted')}>{truncate('↑↓ scroll  y copy  Esc back', width)}</Text>;
  if (mode === 'table' || mode === 'columns') {
    const t = extras.table;
    const hint = `${formatCount(t.rows.length)} rows${t.kind ? ` of ${t.kind}` : ''}, row ${formatCount(t.cursor + 1)}  ←→ column  s sort  c columns  E csv  t JSON`;
    return <Text color={color('muted')}>{truncate(hint, width)}</Text>;
  }
  const percent = scrollPercent(view.top, view.state.folds.visibleCount, viewHeight);
  return <Text color={color('muted')}>{footerText(width, percent, view.state.search)}</Text>;
}
