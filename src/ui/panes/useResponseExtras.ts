// The response pane's views beyond the JSON window: the headers, the whole
// value under the cursor, the jq result and the table, with the state each
// keeps (filters run, sideways scroll, the table's rows and sort).
import { useMemo, useRef, useState } from 'react';
import type { ApiResponse } from '../../core/http/types.js';
import type { JsonDocument } from '../../core/jsonView/jsonDocument.js';
import { buildJsonDocument } from '../../core/jsonView/jsonDocument.js';
import { jqResultValue, runJq } from '../../core/jq/jqFilter.js';
import { rememberFilter } from '../../core/jq/jqHistory.js';
import { initTable, tableReducer, tableRows, type TableAction, type TableState } from '../../core/table/tableModel.js';
import { useSyncReducer } from '../hooks/useSyncReducer.js';

/** Ink's frame interval (30 fps). */
const FRAME_MS = 34;

export type ViewMode = 'json' | 'headers' | 'value' | 'table' | 'columns';

export interface JqView {
  filter: string;
  value: unknown;
  doc: JsonDocument;
}

function tableInit(): TableState {
  return initTable([]);
}

/** A value whose latest setting is readable before React re-renders (keys of one burst). */
function replace<T>(_: T, next: T): T {
  return next;
}

function tableOrReset(state: TableState, action: TableAction | { type: 'load'; table: TableState }): TableState {
  return action.type === 'load' ? action.table : tableReducer(state, action);
}

export function useResponseExtras(response: ApiResponse | undefined) {
  // Mode, scroll and table are read by the key handler: each key sees what the previous one left.
  const [mode, setMode, currentMode] = useSyncReducer(replace<ViewMode>, (): ViewMode => 'json');
  const [jq, setJq] = useState<JqView>();
  const [textTop, setTextTop, currentTextTop] = useSyncReducer(replace<number>, () => 0);
  const [left, setLeft, currentLeft] = useSyncReducer(replace<number>, () => 0);
  const [table, dispatchTable, currentTable] = useSyncReducer(tableOrReset, tableInit);
  const [valueLines, setValueLines, currentValueLines] = useSyncReducer(replace<{ title: string; lines: string[] } | undefined>, () => undefined);
  const filters = useRef<string[]>([]);
  // A new response starts in the JSON view, unfiltered, at the left edge.
  const seen = useRef(response);
  if (seen.current !== response) {
    seen.current = response;
    if (currentMode() !== 'json') setMode('json');
    if (jq) setJq(undefined);
    if (currentLeft()) setLeft(0);
  }

  /** Runs a filter over the response; resolves to an error sentence, or undefined when shown. */
  const filter = async (text: string): Promise<string | undefined> => {
    const f = text.trim();
    if (!f || f === '.') {
      setJq(undefined);
      return undefined;
    }
    if (!response || response.body.kind !== 'json') return 'jq needs a JSON response.';
    filters.current = rememberFilter(filters.current, f);
    // Let the "filtering…" frame reach the terminal before jq holds the thread on a big answer:
    // Ink draws at most every 33 ms, so one frame interval is waited, not more.
    await new Promise((done) => setTimeout(done, FRAME_MS));
    const out = await runJq(response.body.value, f);
    if (!out.ok) return `jq: ${out.error}`;
    const value = jqResultValue(out.values);
    setJq({ filter: f, value, doc: buildJsonDocument(value) });
    setMode('json');
    return undefined;
  };

  /** Opens the table on `value` (the array at the cursor, the jq result or the response); a sentence when it has no rows. */
  const openTable = (value: unknown): string | undefined => {
    const rows = tableRows(value);
    if (!rows) return 'No table here: the value is not an array of objects (nor an envelope with one in resources).';
    dispatchTable({ type: 'load', table: initTable(rows) });
    setMode('table');
    return undefined;
  };

  const docValue = useMemo(() => (jq ? jq.value : response?.body.kind === 'json' ? response.body.value : undefined), [jq, response]);

  return { mode, setMode, currentMode, jq, setJq, filter, filters, textTop, setTextTop, currentTextTop, left, setLeft, currentLeft, table, dispatchTable, currentTable, openTable, valueLines, setValueLines, currentValueLines, docValue };
}
