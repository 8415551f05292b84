// The response pane: header (status, duration, size, trace id, the jq
// filter), the API's error explained for a non-2xx, the body in the view
// chosen, the paging bar and a footer of key hints (or the search, write and
// jq prompts). Exactly `height` rows of at most `width` columns. The keys of
// the JSON view are here; the other views' are in useModeKeys.
import { useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import type { ApiResponse } from '../../core/http/types.js';
import type { ResponseLabel } from '../../core/shell/shellState.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import { buildNoteDocument, documentForBody } from '../../core/jsonView/textDocument.js';
import { canFetchAll, type FetchAllProgress, type PageDirection, type PagingInfo } from '../../core/jsonView/pagingInfo.js';
import { errorLines, fitLines } from '../../core/jsonView/responseSummary.js';
import { cursorRow } from '../../core/jsonView/viewerState.js';
import { defaultResponseFileName } from '../../core/jsonView/writeResponseFile.js';
import { wrappedLines } from '../components/TextLinesView.js';
import { useResponseExtras } from './useResponseExtras.js';
import { useModeKeys } from './useModeKeys.js';
import { useResponsePrompt } from './useResponsePrompt.js';
import { ResponseHeader, responseHeaderRows } from './ResponseHeader.js';
import { ResponseBody } from './ResponseBody.js';
import { ResponseFooter } from './ResponseFooter.js';
import { headerLines } from '../../core/jsonView/headerLines.js';
import { copyableText, pathOfLine, valueAtLine } from '../../core/jsonView/valueAt.js';
import { lineAtRow } from '../../core/jsonView/foldState.js';
import { LineKind } from '../../core/jsonView/jsonDocument.js';
import type { CopyResult } from '../../core/clipboard/copyText.js';
import { PagingBar, pagingBarRows } from '../components/PagingBar.js';
import { useJsonViewport } from '../hooks/useJsonViewport.js';
import { matches, type Command } from '../keys/keymap.js';
import { color, type Role } from '../theme.js';

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

export function ResponsePane({ response, label, paging, height, width, focused, scopes, onPage, fetchAll, directory, copy, exportFile, onEntities }: ResponsePaneProps) {
  const extras = useResponseExtras(response);
  const { jq } = extras;
  const responseDoc = useMemo(() => (response ? documentForBody(response.body) : NO_RESPONSE), [response]);
  const doc = jq?.doc ?? responseDoc;
  const [message, setMessage] = useState<Message>();
  const prompts = useResponsePrompt({ response, extras, directory, setMessage });
  const { prompt } = prompts;

  // Rows: header (and the jq filter shown), error explanation, body, paging bar, footer.
  const headerRows = responseHeaderRows({ response, jqFilter: jq?.filter, pending: extras.pending });
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
      if (prompts.isOpening()) return prompts.openingKey(key, view);
      if (prompts.isShown()) return false;
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
      if (matches('response.jq', key) && res) return prompts.openJq(ex.jq?.filter ?? '');
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
      if (matches('response.search', key)) return prompts.open({ kind: 'search', value: '' });
      if (matches('response.write', key) && ex.jq) return exportText('talon-jq.json', JSON.stringify(ex.jq.value, null, 2) + '\n', `the result of ${ex.jq.filter}`);
      if (matches('response.write', key) && res) return prompts.open({ kind: 'write', value: defaultResponseFileName(res) });
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

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <ResponseHeader response={response} label={label} jqFilter={jq?.filter} pending={extras.pending} width={width} />
      {errors.map((line, i) => (
        <Text key={i} wrap="truncate" color={color(line.role)}>
          {line.text}
        </Text>
      ))}
      <ResponseBody response={response} doc={doc} view={view} extras={extras} height={viewHeight} width={width} focused={focused} />
      <PagingBar paging={paging} fetchAll={fetchAll} width={width} />
      <ResponseFooter
        prompt={prompt}
        onPromptChange={prompts.edit}
        onPromptSubmit={(value) => prompts.submit(value, view)}
        onPromptKey={prompts.promptKey}
        message={message ? { role: message.role, lines: messageLines } : undefined}
        extras={extras}
        view={view}
        viewHeight={viewHeight}
        width={width}
        focused={focused}
      />
    </Box>
  );
}
