// The response pane: header (status, duration, size, trace id), the API's
// error explained for a non-2xx, the body as a scrollable, foldable,
// searchable JSON view, the paging bar and a footer of key hints (or the
// search and write prompts). Exactly `height` rows of at most `width` columns.
import { useMemo, useRef, useState } from 'react';
import { resolve } from 'node:path';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import { LineInput } from '../components/LineInput.js';
import type { ApiResponse } from '../../core/http/types.js';
import type { ResponseLabel } from '../../core/shell/shellState.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import { buildNoteDocument, documentForBody } from '../../core/jsonView/textDocument.js';
import { canFetchAll, type FetchAllProgress, type PageDirection, type PagingInfo } from '../../core/jsonView/pagingInfo.js';
import { errorLines, fitLines, formatCount, responseHeader, truncate } from '../../core/jsonView/responseSummary.js';
import { currentMatchLine, cursorRow, scrollPercent } from '../../core/jsonView/viewerState.js';
import { footerText } from '../../core/jsonView/viewportText.js';
import { defaultResponseFileName, writeResponseFile } from '../../core/jsonView/writeResponseFile.js';
import { JsonView } from '../components/JsonView.js';
import { PagingBar, pagingBarRows } from '../components/PagingBar.js';
import { useJsonViewport } from '../hooks/useJsonViewport.js';
import { matches, type Command } from '../keys/keymap.js';
import { color, statusRole, type Role } from '../theme.js';

export interface ResponsePaneProps {
  response?: ApiResponse;
  /** the request and profile that produced the response */
  label?: ResponseLabel;
  paging?: PagingInfo;
  height: number;
  width: number;
  focused: boolean;
  /** scopes the operation needs (from the catalog), named when the API answers 403 */
  scopes?: string[];
  onPage?(dir: PageDirection): void;
  fetchAll?: FetchAllProgress;
  /** where `w` writes a relative file name; the current directory by default */
  directory?: string;
}

type Prompt = { kind: 'search' | 'write'; value: string };
type Message = { text: string; role: Role };

const NO_RESPONSE = buildNoteDocument('No response yet: send a request with Ctrl+S.');

/** Keys that move the view, and the viewer action each one runs. */
const VIEW_KEYS = [
  ['response.up', 'up'],
  ['response.down', 'down'],
  ['response.pageUp', 'pageUp'],
  ['response.pageDown', 'pageDown'],
  ['response.top', 'top'],
  ['response.bottom', 'bottom'],
  ['response.fold', 'toggleFold'],
  ['response.nextMatch', 'nextMatch'],
  ['response.previousMatch', 'previousMatch'],
] as const satisfies ReadonlyArray<readonly [Command, string]>;

function Header({ response, label, width }: { response: ApiResponse; label?: ResponseLabel; width: number }) {
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

export function ResponsePane({ response, label, paging, height, width, focused, scopes, onPage, fetchAll, directory }: ResponsePaneProps) {
  const doc = useMemo(() => (response ? documentForBody(response.body) : NO_RESPONSE), [response]);
  const [prompt, setPrompt] = useState<Prompt>();
  const [message, setMessage] = useState<Message>();
  // The last query searched, offered again by ↑ in an empty search prompt.
  const lastQuery = useRef('');

  // Rows: header, error explanation, body, paging bar, footer.
  const headerRows = response ? 1 : 0;
  const errors = useMemo(
    () => (response ? errorLines(response, { scopes, width, maxLines: Math.min(5, Math.max(0, height - 5)) }) : []),
    [response, scopes, width, height],
  );
  const barRows = pagingBarRows({ paging, fetchAll });
  // A message (a long file path) may take two rows rather than lose its end.
  const messageLines = useMemo(() => (message ? fitLines(message.text, width, 2) : []), [message, width]);
  const footerRows = prompt ? 1 : Math.max(1, messageLines.length);
  const viewHeight = Math.max(1, height - headerRows - errors.length - barRows - footerRows);
  const view = useJsonViewport(doc, viewHeight);

  // The input handler reads the latest props through a ref, so Ink keeps one subscription.
  const latest = useRef({ view, paging, fetchAll, onPage, response });
  latest.current = { view, paging, fetchAll, onPage, response };

  useKeypress(
    (key: KeyEvent) => {
      const { view: v, paging: p, fetchAll: f, onPage: page, response: res } = latest.current;
      for (const [command, action] of VIEW_KEYS) {
        if (matches(command, key)) {
          setMessage(undefined);
          v.act(action);
          return true;
        }
      }
      // A new search starts empty; ↑ in the prompt brings back the last one.
      if (matches('response.search', key)) return open({ kind: 'search', value: '' });
      if (matches('response.write', key) && res) return open({ kind: 'write', value: defaultResponseFileName(res) });
      const fetching = f !== undefined && !f.done && f.error === undefined;
      const go = (dir: PageDirection): true => {
        page?.(dir);
        return true;
      };
      if (matches('page.next', key) && p?.hasNext) return go('next');
      if (matches('page.previous', key) && p?.hasPrevious) return go('previous');
      if (matches('page.all', key) && p && canFetchAll(p) && !fetching) return go('all');
      return false;
    },
    { isActive: focused && !prompt },
  );
  const open = (next: Prompt): true => {
    setMessage(undefined);
    setPrompt(next);
    return true;
  };
  const promptKey = (key: KeyEvent, field: { current(): { text: string }; set(text: string): void }): boolean => {
    if (matches('prompt.close', key)) {
      setPrompt(undefined);
      return true;
    }
    if (prompt?.kind === 'search' && matches('prompt.previous', key) && lastQuery.current && field.current().text === '') {
      field.set(lastQuery.current);
      return true;
    }
    return false;
  };

  const submit = (value: string) => {
    if (!prompt) return;
    setPrompt(undefined);
    if (prompt.kind === 'search') {
      if (value) lastQuery.current = value;
      return value ? view.search(value) : view.clearSearch();
    }
    if (!response) return;
    const path = resolve(directory ?? process.cwd(), value.trim() || defaultResponseFileName(response));
    setMessage({ text: `writing ${path}…`, role: 'muted' });
    writeResponseFile(response, path).then(
      (bytes) => setMessage({ text: `wrote ${formatCount(bytes)} bytes to ${path}`, role: 'ok' }),
      (err: unknown) => setMessage({ text: err instanceof Error ? err.message : String(err), role: 'error' }),
    );
  };

  const { state, top } = view;
  const footer = () => {
    if (prompt) {
      const label = prompt.kind === 'search' ? '/' : 'write to: ';
      return (
        <Box width={width} height={1} overflow="hidden">
          <Text color={color('accent')}>{label}</Text>
          <LineInput value={prompt.value} onChange={(value) => setPrompt({ ...prompt, value })} onSubmit={submit} onOtherKey={promptKey} focus={focused} />
        </Box>
      );
    }
    if (message) {
      return messageLines.map((line, i) => (
        <Text key={i} wrap="truncate" color={color(message.role)}>
          {line}
        </Text>
      ));
    }
    const percent = scrollPercent(top, state.folds.visibleCount, viewHeight);
    return <Text color={color('muted')}>{footerText(width, percent, state.search)}</Text>;
  };

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {response ? <Header response={response} label={label} width={width} /> : null}
      {errors.map((line, i) => (
        <Text key={i} wrap="truncate" color={color(line.role)}>
          {line.text}
        </Text>
      ))}
      <JsonView
        document={doc}
        folds={state.folds}
        top={top}
        height={viewHeight}
        width={width}
        query={state.search?.query}
        currentMatch={currentMatchLine(state)}
        cursor={focused && response ? cursorRow(state) : undefined}
      />
      <PagingBar paging={paging} fetchAll={fetchAll} width={width} />
      {footer()}
    </Box>
  );
}
