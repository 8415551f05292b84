// The response pane: header (status, duration, size, trace id), the API's
// error explained for a non-2xx, the body as a scrollable, foldable,
// searchable JSON view, the paging bar and a footer of key hints (or the
// search and write prompts). Exactly `height` rows of at most `width` columns.
import { useEffect, useMemo, useRef, useState } from 'react';
import { resolve } from 'node:path';
import { Box, Text, useInput, type Key } from 'ink';
import { LineInput } from '../components/LineInput.js';
import type { ApiResponse } from '../../core/http/types.js';
import { buildNoteDocument, documentForBody } from '../../core/jsonView/textDocument.js';
import { canFetchAll, type FetchAllProgress, type PageDirection, type PagingInfo } from '../../core/jsonView/pagingInfo.js';
import { errorLines, fitLines, formatCount, responseHeader, truncate } from '../../core/jsonView/responseSummary.js';
import { currentMatchLine, scrollPercent } from '../../core/jsonView/viewerState.js';
import { footerText } from '../../core/jsonView/viewportText.js';
import { defaultResponseFileName, writeResponseFile } from '../../core/jsonView/writeResponseFile.js';
import { JsonView } from '../components/JsonView.js';
import { PagingBar, pagingBarRows } from '../components/PagingBar.js';
import { useJsonViewport } from '../hooks/useJsonViewport.js';
import { matches, type Command } from '../keys/keymap.js';
import { color, statusRole, type Role } from '../theme.js';

export interface ResponsePaneProps {
  response?: ApiResponse;
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
  /** told when the search or file-name prompt opens and closes (printable keys are text then) */
  onPromptChange?(open: boolean): void;
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

function Header({ response, width }: { response: ApiResponse; width: number }) {
  const h = responseHeader(response);
  return (
    <Text wrap="truncate">
      <Text color={color(statusRole(response.status))}>{truncate(h.status, width)}</Text>
      <Text color={color('muted')}>{truncate(` · ${h.details}`, Math.max(0, width - h.status.length))}</Text>
    </Text>
  );
}

export function ResponsePane({ response, paging, height, width, focused, scopes, onPage, fetchAll, directory, onPromptChange }: ResponsePaneProps) {
  const doc = useMemo(() => (response ? documentForBody(response.body) : NO_RESPONSE), [response]);
  const [prompt, setPrompt] = useState<Prompt>();
  const [message, setMessage] = useState<Message>();
  const promptOpen = prompt !== undefined;
  useEffect(() => onPromptChange?.(promptOpen), [promptOpen]);

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

  const onViewKey = useRef((input: string, key: Key) => {
    const { view: v, paging: p, fetchAll: f, onPage: page, response: res } = latest.current;
    setMessage(undefined);
    for (const [command, action] of VIEW_KEYS) {
      if (matches(command, input, key)) return v.act(action);
    }
    if (matches('response.search', input, key)) return setPrompt({ kind: 'search', value: v.state.search?.query ?? '' });
    if (matches('response.write', input, key) && res) return setPrompt({ kind: 'write', value: defaultResponseFileName(res) });
    const fetching = f !== undefined && !f.done && f.error === undefined;
    if (matches('page.next', input, key) && p?.hasNext) return page?.('next');
    if (matches('page.previous', input, key) && p?.hasPrevious) return page?.('previous');
    if (matches('page.all', input, key) && p && canFetchAll(p) && !fetching) return page?.('all');
  }).current;
  useInput(onViewKey, { isActive: focused && !prompt });

  const onPromptKey = useRef((input: string, key: Key) => {
    if (matches('app.cancel', input, key)) setPrompt(undefined);
  }).current;
  useInput(onPromptKey, { isActive: focused && prompt !== undefined });

  const submit = (value: string) => {
    if (!prompt) return;
    setPrompt(undefined);
    if (prompt.kind === 'search') return value ? view.search(value) : view.clearSearch();
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
          <LineInput value={prompt.value} onChange={(value) => setPrompt({ ...prompt, value })} onSubmit={submit} focus={focused} />
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
      {response ? <Header response={response} width={width} /> : null}
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
      />
      <PagingBar paging={paging} fetchAll={fetchAll} width={width} />
      {footer()}
    </Box>
  );
}
