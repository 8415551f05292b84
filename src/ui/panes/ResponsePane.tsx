// The response pane: header (status, duration, size, trace id), the API's
// error explained for a non-2xx, the body as a scrollable, foldable,
// searchable JSON view, the paging bar and a footer of key hints (or the
// search and write prompts). Exactly `height` rows of at most `width` columns.
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { ColumnChooser, TableView } from '../components/TableView.js';
import { TextLinesView, wrappedLines } from '../components/TextLinesView.js';
import { useResponseExtras } from './useResponseExtras.js';
import { useModeKeys } from './useModeKeys.js';
import { headerLines } from '../../core/jsonView/headerLines.js';
import { copyableText, pathOfLine, valueAtLine } from '../../core/jsonView/valueAt.js';
import { lineAtRow } from '../../core/jsonView/foldState.js';
import { LineKind } from '../../core/jsonView/jsonDocument.js';
import type { CopyResult } from '../../core/clipboard/copyText.js';
import { stepHistory } from '../../core/jq/jqHistory.js';
import { PagingBar, pagingBarRows } from '../components/PagingBar.js';
import { useJsonViewport } from '../hooks/useJsonViewport.js';
import { keyLabel, matches, textOf, type Command } from '../keys/keymap.js';
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
  /** copies text to the clipboard (or a file); without it `y` says copying is not available */
  copy?(text: string, name: string): CopyResult;
  /** writes a new private export file (the workspace's), returning its path */
  exportFile?(name: string, text: string): string;
  /** `e` on a query answer: fetches the matching entities (a sentence when it cannot) */
  onEntities?(): string | undefined;
}

type Prompt = { kind: 'search' | 'write' | 'jq'; value: string };
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

export function ResponsePane({ response, label, paging, height, width, focused, scopes, onPage, fetchAll, directory, copy, exportFile, onEntities }: ResponsePaneProps) {
  const extras = useResponseExtras(response);
  const { mode, jq } = extras;
  const responseDoc = useMemo(() => (response ? documentForBody(response.body) : NO_RESPONSE), [response]);
  const doc = jq?.doc ?? responseDoc;
  // Where ↑ in the jq prompt has got to in the filters run (their count: the field as typed).
  const jqIndex = useRef(0);
  const [prompt, setPrompt] = useState<Prompt>();
  // The prompt as the last key left it, until its field has rendered and listens.
  const opening = useRef<Prompt | undefined>(undefined);
  const promptShown = useRef(prompt);
  promptShown.current = prompt;
  // The field has mounted and subscribed (children's effects run first): it takes the keys from here on.
  useEffect(() => {
    if (prompt) opening.current = undefined;
  }, [prompt]);
  const [message, setMessage] = useState<Message>();
  // The last query searched, offered again by ↑ in an empty search prompt.
  const lastQuery = useRef('');

  // Rows: header (and the jq filter shown), error explanation, body, paging bar, footer.
  const headerRows = (response ? 1 : 0) + (jq || extras.pending ? 1 : 0);
  const errors = useMemo(
    () => (response ? errorLines(response, { scopes, width, maxLines: Math.min(5, Math.max(0, height - 5)) }) : []),
    [response, scopes, width, height],
  );
  const barRows = pagingBarRows({ paging, fetchAll });
  // A message (a long file path) may take two rows rather than lose its end. It quotes paths, file
  // system errors and jq's own words: sanitized here, once, whoever set it.
  const messageLines = useMemo(() => (message ? fitLines(terminalSafe(message.text), width, 2) : []), [message, width]);
  const footerRows = prompt ? 1 : Math.max(1, messageLines.length);
  const viewHeight = Math.max(1, height - headerRows - errors.length - barRows - footerRows);
  const view = useJsonViewport(doc, viewHeight);

  // The input handler reads the latest props through a ref, so Ink keeps one subscription.
  const latest = useRef({ view, paging, fetchAll, onPage, response, doc, extras });
  latest.current = { view, paging, fetchAll, onPage, response, doc, extras };

  const { say, doCopy, exportText, textKey, tableKey } = useModeKeys({ latest, viewHeight, setMessage, copy, exportFile });

  useKeypress(
    (key: KeyEvent) => {
      // A prompt just opened whose field is not listening yet (keys of the same burst): its keys are its text.
      if (opening.current) return openingKey(key, opening.current);
      if (promptShown.current) return false;
      const { view: v, paging: p, fetchAll: f, onPage: page, response: res, doc: d, extras: ex } = latest.current;
      // Esc while jq runs in its worker stops it; the view stays as it was.
      if (matches('prompt.close', key) && ex.cancelFilter()) return say('jq: cancelled.', 'muted');
      const mode = ex.currentMode();
      if (mode === 'headers' && res) return textKey(key, wrappedLines(headerLines(res), width).length);
      if (mode === 'value') return textKey(key, ex.currentValueLines()?.lines.length ?? 0);
      if (mode === 'table' || mode === 'columns') return tableKey(key);
      const line = lineAtRow(v.state.folds, cursorRow(v.state));
      if (matches('response.headers', key) && res) {
        ex.setTextTop(0);
        ex.setMode('headers');
        return true;
      }
      if (matches('response.fullValue', key) && res) {
        const value = valueAtLine(d, line);
        ex.setValueLines({ title: `${pathOfLine(d, line)} (Esc closes, y copies)`, lines: terminalSafe(copyableText(value), { multiline: true }).split('\n') });
        ex.setTextTop(0);
        ex.setMode('value');
        return true;
      }
      if (matches('response.copyValue', key) && res) return doCopy(copyableText(valueAtLine(d, line)), pathOfLine(d, line), 'talon-value.txt');
      if (matches('response.copyAll', key) && res) {
        if (ex.jq) return doCopy(JSON.stringify(ex.jq.value, null, 2), 'the jq result', 'talon-jq.json');
        const body = res.body;
        const text = body.kind === 'json' ? JSON.stringify(body.value, null, 2) : body.kind === 'text' ? body.value : body.kind === 'bytes' ? Buffer.from(body.value).toString('base64') : '';
        return doCopy(text, 'the response', 'talon-response.json');
      }
      if (matches('response.jq', key) && res) {
        jqIndex.current = ex.filters.current.length;
        return open({ kind: 'jq', value: ex.jq?.filter ?? '' });
      }
      if (matches('response.table', key) && res) {
        // The array at the cursor when it is one of objects; else the whole (filtered) response.
        // Rebuilt only for an array line: the root of a 10 MB answer is read as it is.
        const kind = d.kind[line];
        const atCursor = line > 0 && (kind === LineKind.openArray || kind === LineKind.closeArray) ? valueAtLine(d, line) : undefined;
        const why = ex.openTable(atCursor ?? ex.docValue);
        return why ? say(why, 'warn') : true;
      }
      if (matches('response.entities', key) && res) {
        const why = onEntities ? onEntities() : 'Fetching entities is not available here.';
        return why ? say(why, 'warn') : true;
      }
      if (matches('response.scrollRight', key)) {
        ex.setLeft(ex.currentLeft() + Math.max(8, Math.floor(width / 2)));
        return true;
      }
      if (matches('response.scrollLeft', key)) {
        ex.setLeft(Math.max(0, ex.currentLeft() - Math.max(8, Math.floor(width / 2))));
        return true;
      }
      for (const [command, action] of VIEW_KEYS) {
        if (matches(command, key)) {
          setMessage(undefined);
          v.act(action);
          return true;
        }
      }
      // A new search starts empty; ↑ in the prompt brings back the last one.
      if (matches('response.search', key)) return open({ kind: 'search', value: '' });
      if (matches('response.write', key) && ex.jq) return exportText('talon-jq.json', JSON.stringify(ex.jq.value, null, 2) + '\n', `the result of ${ex.jq.filter}`);
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
    // Active under an open prompt too: until the prompt's field listens, its keys come here.
    { isActive: focused },
  );
  const openingKey = (key: KeyEvent, p: Prompt): true => {
    if (matches('prompt.close', key)) {
      opening.current = undefined;
      setPrompt(undefined);
    } else if (matches('edit.submit', key)) submit(p.value, p);
    else {
      const text = textOf(key);
      const value = text !== undefined ? p.value + text : matches('edit.backspace', key) ? p.value.slice(0, -1) : matches('edit.clearLine', key) ? '' : p.value;
      opening.current = { ...p, value };
      setPrompt(opening.current);
    }
    return true;
  };
  const open = (next: Prompt): true => {
    opening.current = next;
    setMessage(undefined);
    setPrompt(next);
    return true;
  };
  const promptKey = (key: KeyEvent, field: { current(): { text: string }; set(text: string): void }): boolean => {
    if (matches('prompt.close', key)) {
      opening.current = undefined;
      setPrompt(undefined);
      return true;
    }
    if (prompt?.kind === 'search' && matches('prompt.previous', key) && lastQuery.current && field.current().text === '') {
      field.set(lastQuery.current);
      return true;
    }
    if (prompt?.kind === 'jq' && (matches('prompt.previous', key) || matches('prompt.next', key))) {
      const history = extras.filters.current;
      jqIndex.current = stepHistory(history, jqIndex.current, matches('prompt.previous', key) ? -1 : 1);
      field.set(history[jqIndex.current] ?? '');
      return true;
    }
    return false;
  };

  const submit = (value: string, current: Prompt | undefined = prompt) => {
    opening.current = undefined;
    if (!current) return;
    const prompt = current;
    setPrompt(undefined);
    if (prompt.kind === 'search') {
      if (value) lastQuery.current = value;
      return value ? view.search(value) : view.clearSearch();
    }
    if (prompt.kind === 'jq') {
      setMessage(undefined);
      extras.filter(value).then(
        (end) => {
          if (end.kind === 'error') setMessage({ text: end.text, role: 'error' });
          else if (end.kind === 'shown' || end.kind === 'stale') setMessage(undefined);
        },
        (err: unknown) => setMessage({ text: `jq: ${err instanceof Error ? err.message : String(err)}`, role: 'error' }),
      );
      return;
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
      const label = prompt.kind === 'search' ? '/' : prompt.kind === 'jq' ? 'jq: ' : 'write to: ';
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
    if (mode === 'headers' || mode === 'value') return <Text color={color('muted')}>{truncate('↑↓ scroll  y copy  Esc back', width)}</Text>;
    if (mode === 'table' || mode === 'columns') {
      const t = extras.table;
      const hint = `${formatCount(t.rows.length)} rows${t.kind ? ` of ${t.kind}` : ''}, row ${formatCount(t.cursor + 1)}  ←→ column  s sort  c columns  E csv  t JSON`;
      return <Text color={color('muted')}>{truncate(hint, width)}</Text>;
    }
    const percent = scrollPercent(top, state.folds.visibleCount, viewHeight);
    return <Text color={color('muted')}>{footerText(width, percent, state.search)}</Text>;
  };

  const body = () => {
    if (mode === 'headers' && response) return <TextLinesView title="Status and headers (H or Esc: back)" lines={wrappedLines(headerLines(response), width)} top={extras.textTop} height={viewHeight} width={width} />;
    if (mode === 'value' && extras.valueLines) return <TextLinesView title={extras.valueLines.title} lines={wrappedLines(extras.valueLines.lines, width)} top={extras.textTop} height={viewHeight} width={width} />;
    if (mode === 'columns') return <ColumnChooser keys={extras.table.keys} shown={extras.table.columns} cursor={extras.table.chooser} height={viewHeight} width={width} />;
    if (mode === 'table') return <TableView state={extras.table} height={viewHeight} width={width} focused={focused} />;
    return (
      <JsonView
        document={doc}
        folds={state.folds}
        top={top}
        height={viewHeight}
        width={width}
        query={state.search?.query}
        currentMatch={currentMatchLine(state)}
        cursor={focused && response ? cursorRow(state) : undefined}
        left={extras.left}
      />
    );
  };

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {response ? <Header response={response} label={label} width={width} /> : null}
      {extras.pending !== undefined ? (
        <Text wrap="truncate" color={color('accent')}>
          {truncate(`jq: filtering ${response ? formatCount(response.size) : 0} bytes through ${terminalSafe(extras.pending)}… (${keyLabel('prompt.close')} cancels)`, width)}
        </Text>
      ) : jq ? (
        <Text wrap="truncate" color={color('accent')}>
          {truncate(`jq ${terminalSafe(jq.filter)} (| edits, an empty filter shows the response)`, width)}
        </Text>
      ) : null}
      {errors.map((line, i) => (
        <Text key={i} wrap="truncate" color={color(line.role)}>
          {line.text}
        </Text>
      ))}
      {body()}
      <PagingBar paging={paging} fetchAll={fetchAll} width={width} />
      {footer()}
    </Box>
  );
}
